package uk.carecast.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.ingest.Money;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class BacktestAccuracyTest {

    @Test
    void comparesProjectedYearsWithTheirClosingSnapshots(SparkSession spark) {
        StructType costSchema = new StructType().add("setting", DataTypes.StringType)
                .add("financial_year", DataTypes.StringType).add("projected_clients", ProjectionStage.CLIENT_COUNT)
                .add("gross_cost", Money.POUNDS);
        var cost = Frames.of(spark, costSchema,
                new Object[] {"home_care", "2021/22", clients("9"), money("900.00")},
                new Object[] {"home_care", "2022/23", clients("10.5"), money("1000.00")},
                new Object[] {"residential", "2022/23", clients("4"), money("2000.00")});
        StructType snapshotSchema = new StructType().add("snapshot_date", DataTypes.DateType)
                .add("setting", DataTypes.StringType).add("clients", DataTypes.LongType).add("weekly_cost", Money.POUNDS);
        var snapshot = Frames.of(spark, snapshotSchema,
                new Object[] {date("2022-03-31"), "home_care", 9L, money("12.00")},
                new Object[] {date("2023-03-31"), "home_care", 10L, money("14.00")},
                new Object[] {date("2023-03-31"), "residential", 5L, money("35.00")});

        var accuracy = BacktestStage.accuracy(cost, snapshot, List.of(LocalDate.parse("2023-03-31")));

        // 2023-03-31 closes FY 2022/23 (365 days); the base year 2021/22 has no later snapshot to compare.
        // Home care: clients 10.5 vs 10 → +5.00%; cost 1,000.00 vs 14.00 × 365 / 7 = 730.00 → 270 / 730 = +36.99%.
        // Residential: clients 4 vs 5 → -20.00%; cost 2,000.00 vs 35 × 365 / 7 = 1,825.00 → 175 / 1825 = +9.59%.
        // All settings: clients 14.5 vs 15 → -3.33%; cost 3,000.00 vs 2,555.00 → 445 / 2555 = +17.42%.
        assertEquals(List.of(
                        "all settings|2022/23|clients|15.00|14.50|-3.33",
                        "all settings|2022/23|gross_cost|2555.00|3000.00|17.42",
                        "home_care|2022/23|clients|10.00|10.50|5.00",
                        "home_care|2022/23|gross_cost|730.00|1000.00|36.99",
                        "residential|2022/23|clients|5.00|4.00|-20.00",
                        "residential|2022/23|gross_cost|1825.00|2000.00|9.59"),
                Frames.rows(accuracy, "setting", "financial_year", "measure", "actual", "projected", "error_pct"));
    }

    private static BigDecimal clients(String n) {
        return new BigDecimal(n).setScale(4);
    }
}

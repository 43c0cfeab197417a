package uk.carecast.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.population.SnppReader;
import uk.carecast.rates.UsageRatesTest;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class StockFlowProjectionTest {

    static final StructType FLOWS = new StructType()
            .add("la_code", DataTypes.StringType)
            .add("setting", DataTypes.StringType)
            .add("client_group", DataTypes.StringType)
            .add("age_band", DataTypes.StringType)
            .add("financial_year", DataTypes.StringType)
            .add("opening_clients", DataTypes.LongType)
            .add("admissions", DataTypes.LongType)
            .add("exits_ended", DataTypes.LongType)
            .add("exits_died", DataTypes.LongType)
            .add("closing_clients", DataTypes.LongType)
            .add("population", SnppReader.PEOPLE);
    static final StructType DEMAND = new StructType()
            .add("la_code", DataTypes.StringType)
            .add("setting", DataTypes.StringType)
            .add("client_group", DataTypes.StringType)
            .add("age_band", DataTypes.StringType)
            .add("financial_year", DataTypes.StringType)
            .add("base_snapshot_date", DataTypes.DateType)
            .add("base_clients", DataTypes.LongType)
            .add("projected_clients", ProjectionStage.CLIENT_COUNT);

    @Test
    void carriesTheBaseStockByAdmissionsThatGrowWithPopulationAndAShareThatLeaves(SparkSession spark) {
        var flows = Frames.of(spark, FLOWS,
                // The rate year 2024/25, the last complete one by the mid-year base 2025-09-30. Two age bands:
                // 75-84: 3 + 5 − 3 − 1 = 4, population 2,000; 85+: 2 + 2 − 0 − 2 = 2, population 1,000.
                new Object[] {"E1", "residential", "Older People", "75-84", "2024/25", 3L, 5L, 3L, 1L, 4L, people("2000")},
                new Object[] {"E1", "residential", "Older People", "85+", "2024/25", 2L, 2L, 0L, 2L, 2L, people("1000")},
                // An earlier year, to be ignored.
                new Object[] {"E1", "residential", "Older People", "75-84", "2023/24", 9L, 9L, 9L, 0L, 9L, people("2000")});
        var demand = Frames.of(spark, DEMAND,
                new Object[] {"E1", "residential", "Older People", "75-84", "2025/26", date("2025-09-30"), 7L, count("7")},
                new Object[] {"E1", "residential", "Older People", "85+", "2025/26", date("2025-09-30"), 3L, count("3")},
                new Object[] {"E1", "residential", "Older People", "75-84", "2026/27", date("2025-09-30"), 7L, count("8")},
                new Object[] {"E1", "residential", "Older People", "85+", "2026/27", date("2025-09-30"), 3L, count("3.5")},
                // Nursing had no one in 2024/25: no flows to carry it, so it stays at its base.
                new Object[] {"E1", "nursing", "Older People", "85+", "2025/26", date("2025-09-30"), 4L, count("4")},
                new Object[] {"E1", "nursing", "Older People", "85+", "2026/27", date("2025-09-30"), 4L, count("4.6")});
        var population = Frames.of(spark, UsageRatesTest.POPULATION,
                new Object[] {"E1", "All", "75-84", "2026/27", people("2400"), "b"},
                new Object[] {"E1", "All", "85+", "2026/27", people("1500"), "b"});

        var projection = StockFlowProjection.project(spark, flows, population, demand);

        // Residential: base 7 + 3 = 10 people. Exit share (3 + 1 + 0 + 2) / (3 + 5 + 2 + 2) = 6 / 12 = 0.5.
        // 2026/27 admissions = 5 / 2,000 × 2,400 + 2 / 1,000 × 1,500 = 6 + 3 = 9;
        // clients = (1 − 0.5) × (10 + 9) = 9.5; exits = 10 + 9 − 9.5 = 9.5; rate method 8 + 3.5 = 11.5.
        // Nursing: 4, no admissions, share 0: 4 in both years, against the rate method's 4 and 4.6.
        assertEquals(List.of(
                        "nursing|2025/26|2024/25|0E-8|null|null|4.0000|4.0000",
                        "nursing|2026/27|2024/25|0E-8|0.0000|0.0000|4.0000|4.6000",
                        "residential|2025/26|2024/25|0.50000000|null|null|10.0000|10.0000",
                        "residential|2026/27|2024/25|0.50000000|9.0000|9.5000|9.5000|11.5000"),
                Frames.rows(projection, "setting", "financial_year", "rate_financial_year", "exit_share", "admissions",
                        "exits", "clients", "rate_method_clients"));
    }

    private static BigDecimal people(String n) {
        return new BigDecimal(n).setScale(5);
    }

    private static BigDecimal count(String n) {
        return new BigDecimal(n).setScale(4);
    }
}

package uk.carecast.budget;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.ingest.Contracts;
import uk.carecast.ingest.Money;
import uk.carecast.support.Frames;
import uk.carecast.support.Inputs;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.SparkTest;

@SparkTest
class BudgetMtfsTest {

    static final StructType GROWTH = new StructType()
            .add("la_code", DataTypes.StringType).add("service_area", DataTypes.StringType)
            .add("financial_year", DataTypes.StringType).add("driver", DataTypes.StringType)
            .add("amount", Money.POUNDS);

    @Test
    void reproducesManchesterTable2(SparkSession spark, @TempDir Path scratch) {
        var budgets = Inputs.clean(spark, scratch, "src/test/resources/seed000/budgets.csv", Contracts.BUDGETS);
        var mtfs = BudgetMtfsStage.roll(budgets, spark.createDataFrame(List.of(), GROWTH));

        Row total = mtfs.agg(sum("prior_year_budget"), sum("savings"),
                sum(col("transfers").plus(col("growth")).plus(col("other_pressures"))), sum("net_budget")).first();
        // 221,003,300 - 11,597,000 + 16,511,000 = 225,917,300; in £000: 221,003 - 11,597 + 16,511 = 225,917.
        assertEquals(new BigDecimal("221003300.00"), total.getDecimal(0));
        assertEquals(new BigDecimal("11597000.00"), total.getDecimal(1));
        assertEquals(new BigDecimal("16511000.00"), total.getDecimal(2));
        assertEquals(new BigDecimal("225917300.00"), total.getDecimal(3));
        assertEquals(List.of(221003L, 11597L, 16511L, 225917L), List.of(thousands(total.getDecimal(0)),
                thousands(total.getDecimal(1)), thousands(total.getDecimal(2)), thousands(total.getDecimal(3))));

        // Each service area's 2021/22 net budget, to £000, as Table 2 prints it.
        Map<String, Long> byArea = mtfs.collectAsList().stream().collect(Collectors.toMap(
                r -> r.getAs("service_area"), r -> thousands(r.getAs("net_budget"))));
        assertEquals(Map.ofEntries(Map.entry("Localities", 9306L), Map.entry("Reablement", 6782L),
                Map.entry("Learning Disability", 66300L), Map.entry("Mental Health", 27111L),
                Map.entry("Other Care", 54214L), Map.entry("Public Health", 41549L), Map.entry("Commissioning", 5755L),
                Map.entry("Specialist and support services", 1148L),
                Map.entry("Demography, Inflation and National Living Wage", 8897L), Map.entry("Asylum", 57L),
                Map.entry("Voluntary & Community Sector (Adults)", 2097L), Map.entry("Safeguarding", 2702L)), byArea);
    }

    @Test
    void rollsForwardYearOnYearWithModelGrowth(SparkSession spark) {
        var budgets = Frames.of(spark, Contracts.BUDGETS.curatedSchema(),
                line("A", "2025/26", "base", "1000.00"),
                line("A", "2026/27", "saving", "100.00"),
                line("A", "2027/28", "transfer", "-50.00"),
                line("A", "2027/28", "pressure", "20.00"));
        var growth = Frames.of(spark, GROWTH,
                new Object[] {"E1", "A", "2026/27", "demography", Frames.money("30.00")},
                new Object[] {"E1", "A", "2026/27", "price", Frames.money("40.00")},
                new Object[] {"E1", "A", "2028/29", "price", Frames.money("5.00")});
        var mtfs = BudgetMtfsStage.roll(budgets, growth);

        // 2026/27: 1000 + 0 + 70 (30 + 40) + 0 - 100 = 970; 2027/28: 970 - 50 + 0 + 20 - 0 = 940;
        // 2028/29: 940 + 5 = 945.
        assertEquals(List.of(
                        "2026/27|1000.00|0.00|70.00|100.00|0.00|970.00",
                        "2027/28|970.00|-50.00|0.00|0.00|20.00|940.00",
                        "2028/29|940.00|0.00|5.00|0.00|0.00|945.00"),
                Frames.rows(mtfs, "financial_year", "prior_year_budget", "transfers", "growth", "savings",
                        "other_pressures", "net_budget"));
    }

    private static Object[] line(String area, String year, String type, String amount) {
        return new Object[] {"E1", area, year, type, type + year, null, Frames.money(amount)};
    }

    private static long thousands(BigDecimal pounds) {
        return pounds.divide(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}

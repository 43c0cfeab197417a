package uk.carecast.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
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
class GrowthRequirementTest {

    static final StructType COST = new StructType()
            .add("la_code", DataTypes.StringType).add("primary_support_reason", DataTypes.StringType)
            .add("age_band", DataTypes.StringType).add("sex", DataTypes.StringType)
            .add("setting", DataTypes.StringType).add("service_area", DataTypes.StringType)
            .add("financial_year", DataTypes.StringType).add("demography_clients", ProjectionStage.CLIENT_COUNT)
            .add("projected_clients", ProjectionStage.CLIENT_COUNT)
            .add("gross_cost", Money.POUNDS).add("uplift_pct", ProjectionStage.PCT)
            .add("nlw_part_pct", ProjectionStage.PCT);

    @Test
    void splitsEachYearsChangeIntoDemographyAndPriceThatAddUpToThePenny(SparkSession spark) {
        var cost = Frames.of(spark, COST,
                cell("residential", "2025/26", "10", "260714.29", "0", "0"),
                cell("residential", "2026/27", "11", "306860.71", "7", "6"),
                cell("home_care", "2025/26", "3", "1000.00", "0", "0"),
                cell("home_care", "2026/27", "2.5", "900.00", "0", "0"));
        var growth = GrowthRequirementStage.growth(cost);

        // Residential: change 306,860.71 - 260,714.29 = 46,146.42; demography (11 - 10) × 260,714.29 / 10
        // = 26,071.429 → 26,071.43. The year's uplift was 7%, of which 6 points NLW (labour share 0.6 × 10%
        // rise): nlw = 306,860.71 × 6 / 107 = 17,207.143 → 17,207.14; price = 46,146.42 - 26,071.43 -
        // 17,207.14 = 2,867.85 (≈ 11 × 500 × 365 / 7 × 1% general uplift on the other 0.4 = 2,867.86).
        // Home care: change 900 - 1000 = -100.00; demography (2.5 - 3) × 1000 / 3 = -166.666… → -166.67;
        // no uplift, so nlw 0.00 and price = -100.00 + 166.67 = 66.67.
        // Same service area: demography 26,071.43 - 166.67 = 25,904.76; nlw 17,207.14; price 2,867.85 + 66.67
        // = 2,934.52; together 46,046.42 = the area's change (307,760.71 - 261,714.29).
        // No trend here (projected = demography clients), so the trend driver is 0.00.
        assertEquals(List.of("2026/27|demography|25904.76", "2026/27|nlw|17207.14", "2026/27|price|2934.52",
                        "2026/27|trend|0.00"),
                Frames.rows(growth, "financial_year", "driver", "amount"));
    }

    @Test
    void volumeBeyondPopulationGrowthIsTheTrend(SparkSession spark) {
        var cost = Frames.of(spark, COST,
                new Object[] {"E1", "R", "65-74", "Female", "nursing", "Other Care", "2025/26", clients("10"),
                        clients("10"), money("260714.29"), pct("0"), pct("0")},
                new Object[] {"E1", "R", "65-74", "Female", "nursing", "Other Care", "2026/27", clients("11"),
                        clients("12.1"), money("315464.29"), pct("0"), pct("0")});
        var growth = GrowthRequirementStage.growth(cost);

        // Population takes the cell from 10 to 11 people, the trend (× 1.1) to 12.1. Change 315,464.29 -
        // 260,714.29 = 54,750.00; volume (12.1 - 10) × 26,071.429 = 54,750.0009 → 54,750.00; demography
        // (11 - 10) × 260,714.29 / 10 = 26,071.43; trend 54,750.00 - 26,071.43 = 28,678.57; no uplift: nlw 0.00
        // and price 54,750.00 - 54,750.00 - 0 = 0.00.
        assertEquals(List.of("demography|26071.43", "nlw|0.00", "price|0.00", "trend|28678.57"),
                Frames.rows(growth, "driver", "amount"));
    }

    @Test
    void aScenarioAddsTheChangeInItsEffectAsADriver(SparkSession spark) {
        StructType growthSchema = new StructType().add("la_code", DataTypes.StringType)
                .add("service_area", DataTypes.StringType).add("financial_year", DataTypes.StringType)
                .add("driver", DataTypes.StringType).add("amount", Money.POUNDS);
        var doNothingGrowth = Frames.of(spark, growthSchema,
                new Object[] {"E1", "Other Care", "2026/27", "demography", money("100.00")},
                new Object[] {"E1", "Other Care", "2026/27", "price", money("50.00")});
        StructType projectionSchema = new StructType().add("scenario", DataTypes.StringType)
                .add("la_code", DataTypes.StringType).add("service_area", DataTypes.StringType)
                .add("financial_year", DataTypes.StringType).add("gross_cost", Money.POUNDS);
        var projections = Frames.of(spark, projectionSchema,
                new Object[] {"do_nothing", "E1", "Other Care", "2025/26", money("1000.00")},
                new Object[] {"do_nothing", "E1", "Other Care", "2026/27", money("1150.00")},
                new Object[] {"cheaper", "E1", "Other Care", "2025/26", money("1000.00")},
                new Object[] {"cheaper", "E1", "Other Care", "2026/27", money("1120.00")},
                new Object[] {"cheaper", "E1", "Commissioning", "2026/27", money("40.00")});
        var growth = GrowthRequirementStage.withScenarios(doNothingGrowth, projections);

        // Do-nothing: 100 + 50 = 150 = 1,150 - 1,000. "cheaper": the same drivers, and its effect went from
        // 0.00 (1,000 - 1,000) to -30.00 (1,120 - 1,150): scenario -30.00; 100 + 50 - 30 = 120 = 1,120 - 1,000.
        // It also puts 40.00 into Commissioning, an area with no cost before: its effect went from 0 to 40.00.
        assertEquals(List.of("cheaper|Commissioning|scenario|40.00", "cheaper|Other Care|demography|100.00",
                        "cheaper|Other Care|price|50.00", "cheaper|Other Care|scenario|-30.00",
                        "do_nothing|Other Care|demography|100.00", "do_nothing|Other Care|price|50.00"),
                Frames.rows(growth, "scenario", "service_area", "driver", "amount"));
    }

    @Test
    void transitionsAreTheYearsChangeInTheirCostAndZeroWhereThereAreNone(SparkSession spark) {
        StructType growthSchema = new StructType().add("la_code", DataTypes.StringType)
                .add("service_area", DataTypes.StringType).add("financial_year", DataTypes.StringType)
                .add("driver", DataTypes.StringType).add("amount", Money.POUNDS);
        var doNothingGrowth = Frames.of(spark, growthSchema,
                new Object[] {"E1", "Learning Disability", "2026/27", "demography", money("100.00")},
                new Object[] {"E1", "Learning Disability", "2027/28", "demography", money("100.00")},
                new Object[] {"E1", "Mental Health", "2026/27", "demography", money("10.00")},
                new Object[] {"E1", "Mental Health", "2027/28", "demography", money("10.00")});
        StructType transitionsSchema = new StructType().add("la_code", DataTypes.StringType)
                .add("service_area", DataTypes.StringType).add("setting", DataTypes.StringType)
                .add("financial_year", DataTypes.StringType).add("gross_cost", Money.POUNDS);
        // The costs of TransitionsProjectionTest: learning disability 3,100.00, 59,925.00, 130,058.10 (two
        // settings here, to show they are summed per service area); Other Care 0.00, 0.00, 13,071.43.
        var transitions = Frames.of(spark, transitionsSchema,
                new Object[] {"E1", "Learning Disability", "supported_accommodation", "2025/26", money("3100.00")},
                new Object[] {"E1", "Learning Disability", "supported_accommodation", "2026/27", money("59000.00")},
                new Object[] {"E1", "Learning Disability", "residential", "2025/26", money("0.00")},
                new Object[] {"E1", "Learning Disability", "residential", "2026/27", money("925.00")},
                new Object[] {"E1", "Learning Disability", "supported_accommodation", "2027/28", money("130058.10")},
                new Object[] {"E1", "Learning Disability", "residential", "2027/28", money("0.00")},
                new Object[] {"E1", "Other Care", "home_care", "2025/26", money("0.00")},
                new Object[] {"E1", "Other Care", "home_care", "2026/27", money("0.00")},
                new Object[] {"E1", "Other Care", "home_care", "2027/28", money("13071.43")});

        var driver = GrowthRequirementStage.transitions(doNothingGrowth, transitions);

        // Learning disability: 2026/27 = 59,925.00 - 3,100.00 = 56,825.00 (the base year's own cost counts);
        // 2027/28 = 130,058.10 - 59,925.00 = 70,133.10. Other Care has no other driver but gets its rows:
        // 0.00 - 0.00 = 0.00, then 13,071.43 - 0.00 = 13,071.43. Mental Health has no young people: 0.00.
        assertEquals(List.of("Learning Disability|2026/27|transitions|56825.00",
                        "Learning Disability|2027/28|transitions|70133.10", "Mental Health|2026/27|transitions|0.00",
                        "Mental Health|2027/28|transitions|0.00", "Other Care|2026/27|transitions|0.00",
                        "Other Care|2027/28|transitions|13071.43"),
                Frames.rows(driver, "service_area", "financial_year", "driver", "amount"));

        // Carried into every scenario, as the other do-nothing drivers are.
        StructType projectionSchema = new StructType().add("scenario", DataTypes.StringType)
                .add("la_code", DataTypes.StringType).add("service_area", DataTypes.StringType)
                .add("financial_year", DataTypes.StringType).add("gross_cost", Money.POUNDS);
        var projections = Frames.of(spark, projectionSchema,
                new Object[] {"do_nothing", "E1", "Mental Health", "2025/26", money("1000.00")},
                new Object[] {"cheaper", "E1", "Mental Health", "2025/26", money("1000.00")});
        var all = GrowthRequirementStage.withScenarios(doNothingGrowth.unionByName(driver), projections);
        assertEquals(List.of("cheaper|70133.10", "do_nothing|70133.10"), Frames.rows(
                all.filter("driver = 'transitions' and service_area = 'Learning Disability' and financial_year = '2027/28'"),
                "scenario", "amount"));
    }

    private static BigDecimal clients(String n) {
        return new BigDecimal(n).setScale(4);
    }

    private static BigDecimal pct(String p) {
        return new BigDecimal(p).setScale(6);
    }

    private static Object[] cell(String setting, String year, String clients, String cost, String upliftPct,
            String nlwPartPct) {
        return new Object[] {"E1", "R", "65-74", "Female", setting, "Other Care", year,
                new BigDecimal(clients).setScale(4), new BigDecimal(clients).setScale(4), money(cost), new BigDecimal(upliftPct).setScale(6),
                new BigDecimal(nlwPartPct).setScale(6)};
    }
}

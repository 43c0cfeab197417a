package uk.carecast.unitcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.ingest.Contracts;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class UnitCostsTest {

    static final String PC = "Physical Support: Personal care support";

    @Test
    void meanMedianAndQuartilesPerPersonInEachCell(SparkSession spark) {
        var users = Frames.of(spark, Contracts.SERVICE_USERS.curatedSchema(),
                new Object[] {"A", 1940, 1, "Female", null, "E1", PC, null},
                new Object[] {"B", 1941, 1, "Male", null, "E1", PC, null},
                new Object[] {"C", 1942, 1, "Female", null, "E1", PC, null},
                new Object[] {"D", 1943, 1, "Female", null, "E1", PC, null},
                new Object[] {"E", 1944, 1, "Female", null, "E1", PC, null});
        var placements = Frames.of(spark, Contracts.PLACEMENTS.curatedSchema(),
                // A has two residential placements at once: 60 + 40 = 100 a week as one person.
                row("A1", "A", "residential", "external", "60.00"),
                row("A2", "A", "residential", "external", "40.00"),
                row("B1", "B", "residential", "external", "200.00"),
                row("C1", "C", "residential", "external", "300.00"),
                row("D1", "D", "residential", "external", "1000.00"),
                row("E1", "E", "residential", "in_house", "555.55"));
        var costs = UnitCostsStage.unitCosts(List.of(LocalDate.parse("2025-03-31")), placements, users);

        // Ages on 2025-03-31 (born in January): B 2025 - 1941 = 84 down to E 2025 - 1944 = 81, all 75-84;
        // A 2025 - 1940 = 85, so 85+.
        // External 75-84: B 200, C 300, D 1000 (3 people): mean 1500 / 3 = 500.00; median position 0.5 × 2 = 1
        // → 300.00; p25 position 0.5 → 200 + 0.5 × 100 = 250.00; p75 position 1.5 → 300 + 0.5 × 700 = 650.00.
        // External 85+: A alone at 100.00. In-house 75-84: E alone at 555.55.
        assertEquals(List.of(
                        "75-84|external|3|500.00|300.00|250.00|650.00",
                        "75-84|in_house|1|555.55|555.55|555.55|555.55",
                        "85+|external|1|100.00|100.00|100.00|100.00"),
                Frames.rows(costs, "age_band", "provider_type", "clients", "mean_weekly_cost", "median_weekly_cost",
                        "p25_weekly_cost", "p75_weekly_cost"));
    }

    @Test
    void evenCountsInterpolateBetweenTheMiddleValues(SparkSession spark) {
        var users = Frames.of(spark, Contracts.SERVICE_USERS.curatedSchema(),
                new Object[] {"A", 1950, 1, "Female", null, "E1", PC, null},
                new Object[] {"B", 1950, 1, "Female", null, "E1", PC, null},
                new Object[] {"C", 1950, 1, "Female", null, "E1", PC, null},
                new Object[] {"D", 1950, 1, "Female", null, "E1", PC, null});
        var placements = Frames.of(spark, Contracts.PLACEMENTS.curatedSchema(),
                row("A1", "A", "nursing", "external", "100.00"),
                row("B1", "B", "nursing", "external", "200.00"),
                row("C1", "C", "nursing", "external", "300.00"),
                row("D1", "D", "nursing", "external", "1000.00"));
        var costs = UnitCostsStage.unitCosts(List.of(LocalDate.parse("2025-03-31")), placements, users);

        // 4 people: median position 1.5 → 200 + 0.5 × 100 = 250.00; p25 position 0.75 → 100 + 0.75 × 100 = 175.00;
        // p75 position 2.25 → 300 + 0.25 × 700 = 475.00; mean 1600 / 4 = 400.00.
        assertEquals(List.of("4|400.00|250.00|175.00|475.00"), Frames.rows(costs, "clients", "mean_weekly_cost",
                "median_weekly_cost", "p25_weekly_cost", "p75_weekly_cost"));
    }

    @Test
    void restatesUnitCostsInTheLatestYearsPrices(SparkSession spark) {
        var users = Frames.of(spark, Contracts.SERVICE_USERS.curatedSchema(),
                new Object[] {"A", 1940, 1, "Female", null, "E1", PC, null},
                new Object[] {"B", 1940, 1, "Female", null, "E1", PC, null});
        var placements = Frames.of(spark, Contracts.PLACEMENTS.curatedSchema(),
                row("A1", "A", "residential", "external", "100.00"),
                row("B1", "B", "nursing", "external", "900.00"));
        var dates = List.of(LocalDate.parse("2025-03-31"), LocalDate.parse("2025-09-30"));
        var cash = UnitCostsStage.unitCosts(dates, placements, users);
        var assumptions = List.of(new uk.carecast.price.CostAssumption(uk.carecast.time.FinancialYear.parse("2025/26"),
                "residential", new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("0.5")));
        var restated = UnitCostsStage.inBasePrices(cash, dates, assumptions, LocalDate.parse("2025-09-30"));

        // Base year 2025/26 (holds 2025-09-30). Residential's 2025/26 uplift is 0.5 × 10% + 0.5 × 5% = 7.5%,
        // so 100.00 on 2025-03-31 (FY 2024/25) is 107.50 in 2025/26 prices, and 100.00 on 2025-09-30 stays
        // 100.00. Nursing has no 2025/26 assumption: its 2024/25 figure cannot be restated (null).
        assertEquals(List.of("2025-03-31|nursing|900.00|null", "2025-03-31|residential|100.00|107.50",
                        "2025-09-30|nursing|900.00|900.00", "2025-09-30|residential|100.00|100.00"),
                Frames.rows(restated, "snapshot_date", "setting", "mean_weekly_cost", "mean_weekly_cost_base_prices"));
    }

    private static Object[] row(String id, String person, String setting, String provider, String weekly) {
        return new Object[] {id, person, setting, provider, date("2024-01-01"), null, money(weekly), "weekly", null,
                "la", null};
    }
}

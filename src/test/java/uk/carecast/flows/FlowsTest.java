package uk.carecast.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.ingest.Contracts;
import uk.carecast.rates.UsageRatesTest;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;
import uk.carecast.time.FinancialYear;

@SparkTest
class FlowsTest {

    static final String MC = "Support with Memory & Cognition";
    static final List<FinancialYear> YEARS = List.of(FinancialYear.parse("2023/24"), FinancialYear.parse("2024/25"));

    /** Residential care at 700.00 a week (100.00 a day), for one person. */
    static Object[] residential(String id, String person, String start, String end) {
        return new Object[] {id, person, "residential", "external", date(start), end == null ? null : date(end),
                money("700.00"), "weekly", null, "la", null};
    }

    static Object[] person(String id, int birthYear, int birthMonth, String died) {
        return new Object[] {id, birthYear, birthMonth, "Female", null, "E1", MC, died == null ? null : date(died)};
    }

    static Dataset<Row> population(SparkSession spark, Object[]... rows) {
        return Frames.of(spark, UsageRatesTest.POPULATION, rows);
    }

    static Object[] pop(String band, String year, String people) {
        return new Object[] {"E1", "All", band, year, new BigDecimal(people).setScale(5), "b"};
    }

    @Test
    void stockAndFlowsReconcileWithDeathsApartFromOtherEndings(SparkSession spark) {
        // Everyone is born June 1945: 78 on 1 April 2024 and still 79 on 31 March 2025, so 75-84, Older People.
        var users = Frames.of(spark, Contracts.SERVICE_USERS.curatedSchema(),
                person("P1", 1945, 6, null), person("P2", 1945, 6, "2025-01-05"), person("P3", 1945, 6, "2024-12-10"),
                person("P4", 1945, 6, null), person("P5", 1945, 6, null), person("P6", 1945, 6, null),
                person("P7", 1945, 6, null), person("P8", 1945, 6, null), person("P9", 2010, 6, null));
        var placements = Frames.of(spark, Contracts.PLACEMENTS.curatedSchema(),
                residential("A", "P1", "2022-01-01", null),              // in throughout
                residential("B", "P2", "2023-06-01", "2024-08-31"),      // ends alive (dies later, in January)
                residential("C", "P3", "2024-06-01", "2024-12-31"),      // dies 10 Dec; the record closes later
                residential("D1", "P4", "2024-05-01", "2024-07-31"),     // a new package the next day:
                residential("D2", "P4", "2024-08-01", null),             //   one spell, one admission
                residential("E", "P5", "2024-04-01", null),              // starts on 1 April: an admission
                residential("F", "P6", "2020-01-01", "2025-03-31"),      // last day 31 March: an exit, not closing
                residential("G1", "P7", "2024-04-10", "2024-05-10"),     // leaves, and after a gap
                residential("G2", "P7", "2024-07-01", null),             //   comes back: two admissions
                new Object[] {"H", "P8", "residential", "external", date("2024-06-01"), null, money("900.00"),
                        "one_off", null, "la", null},                    // one-off: not recurring support
                residential("I", "P9", "2024-05-01", null));             // aged 13: children's services

        var flows = FlowsStage.flows(spark, YEARS, placements, users,
                population(spark, pop("75-84", "2023/24", "2500"), pop("75-84", "2024/25", "2000")));

        // 2023/24: opening P1, P6 = 2; admission P2 (1 June 2023) = 1; no exits; closing 2 + 1 = 3.
        // 2024/25: opening P1, P2, P6 = 3 (the closing of 2023/24); admissions P3, P4 (D1+D2), P5, P7 twice = 5;
        // ended P2, P6, P7's first spell = 3; died P3 = 1; closing 3 + 5 − 3 − 1 = 4 (P1, P4, P5, P7).
        // Stays that ended in 2024/25, first day to last day inclusive: P2 2023-06-01..2024-08-31 = 458 days;
        // P3 2024-06-01..2024-12-10 (death) = 193; P6 2020-01-01..2025-03-31 = 1,917; P7 2024-04-10..05-10 = 31.
        // Mean = 2,599 / 4 / 7 = 92.821 → 92.82 weeks.
        // Admissions per 10,000: 1 × 10,000 / 2,500 = 4; 5 × 10,000 / 2,000 = 25.
        // Full-year effect, 100.00 a day: 2023/24 P2 started 1 June 2023, 305 days in 2023/24, 365 in 2024/25:
        // 100 × (365 − 305) = 6,000.00. 2024/25 (2025/26 has 365 days): D2 243 days → 100 × 122 = 12,200;
        // E 365 days → 0; G2 274 days → 100 × 91 = 9,100; together 21,300.00 from 3 packages (C ends in the year).
        assertEquals(List.of(
                        "2023/24|E1|residential|Older People|75-84|2|1|0|0|3|null|4.00000000|6000.00|1",
                        "2024/25|E1|residential|Older People|75-84|3|5|3|1|4|92.82|25.00000000|21300.00|3"),
                Frames.rows(flows, "financial_year", "la_code", "setting", "client_group", "age_band", "opening_clients",
                        "admissions", "exits_ended", "exits_died", "closing_clients", "mean_length_of_stay_weeks",
                        "admissions_per_10000", "full_year_effect", "full_year_effect_packages"));
        assertEquals(0, flows.filter("opening_clients + admissions - exits_ended - exits_died <> closing_clients")
                .count(), "stock identity");
        assertEquals("decimal(18,2)|decimal(12,2)", flows.schema().apply("full_year_effect").dataType().simpleString()
                + "|" + flows.schema().apply("mean_length_of_stay_weeks").dataType().simpleString());
    }

    @Test
    void placementsStartingOnTheSameDayAreOneSpellWhicheverEndsFirst(SparkSession spark) {
        // The spells are ordered by start date alone, so same-day starts may come in either order.
        var users = Frames.of(spark, Contracts.SERVICE_USERS.curatedSchema(),
                person("T", 1945, 6, null), person("U", 1945, 6, null));
        var placements = Frames.of(spark, Contracts.PLACEMENTS.curatedSchema(),
                residential("T1", "T", "2024-05-01", "2024-06-30"), residential("T2", "T", "2024-05-01", null),
                residential("U2", "U", "2024-05-01", "2024-07-31"), residential("U1", "U", "2024-05-01", "2024-05-31"));

        var flows = FlowsStage.flows(spark, YEARS, placements, users, population(spark, pop("75-84", "2024/25", "2000")));

        // 2024/25: admissions T and U = 2, one spell each; U's spell ends 31 July (ended 1), T's runs on (closing 1).
        // U's stay, 1 May to 31 July: 31 + 30 + 31 = 92 days, 92 / 7 = 13.142 → 13.14 weeks. Per 10,000: 2 × 10,000 / 2,000 = 10.
        // Full-year effect, T2 only (100.00 a day): 1 May 2024 to 31 March 2025 is 335 days, 2025/26 has 365:
        // 100 × (365 − 335) = 3,000.00 from 1 package.
        assertEquals(List.of("2024/25|0|2|1|0|1|13.14|10.00000000|3000.00|1"),
                Frames.rows(flows, "financial_year", "opening_clients", "admissions", "exits_ended", "exits_died",
                        "closing_clients", "mean_length_of_stay_weeks", "admissions_per_10000", "full_year_effect",
                        "full_year_effect_packages"));
    }

    @Test
    void fullYearEffectIsAFullFollowingYearLessTheCostInTheFirst(SparkSession spark) {
        var users = Frames.of(spark, Contracts.SERVICE_USERS.curatedSchema(),
                person("Q", 1950, 1, null), person("R", 1950, 1, null), person("S", 1949, 6, null));
        var placements = Frames.of(spark, Contracts.PLACEMENTS.curatedSchema(),
                // Q: 700.00 a week of home care from 1 January 2025, and a one-off payment that has no weekly cost.
                new Object[] {"Q1", "Q", "home_care", "external", date("2025-01-01"), null, money("700.00"), "weekly",
                        null, "la", null},
                new Object[] {"Q2", "Q", "home_care", "external", date("2025-02-01"), null, money("5000.00"), "one_off",
                        null, "la", null},
                // R: 25.00 an hour × 14 hours = 350.00 a week from 1 March 2024, in the leap year 2023/24.
                new Object[] {"R1", "R", "home_care", "external", date("2024-03-01"), null, money("25.00"), "hourly",
                        money("14.00"), "la", null},
                // S: started in the year but over by 31 March: no full-year effect.
                new Object[] {"S1", "S", "home_care", "external", date("2024-10-01"), date("2025-02-28"),
                        money("700.00"), "weekly", null, "la", null});

        var flows = FlowsStage.flows(spark, YEARS, placements, users, population(spark,
                pop("65-74", "2023/24", "1000"), pop("65-74", "2024/25", "1000"), pop("75-84", "2024/25", "1000")));

        // Q (75 on 1 Jan 2025): 1 January to 31 March 2025 is 90 days, 90 × 100.00 = 9,000.00 in 2024/25; a full
        // 2025/26 is 365 days = 36,500.00; FYE = 36,500 − 9,000 = 27,500.00. S (75 in October 2024) is in the
        // same cell with no FYE. R (74 in March 2024): 31 days in 2023/24, 2024/25 has 365:
        // 350 × (365 − 31) / 7 = 50 × 334 = 16,700.00; in 2024/25 R is in the opening stock, with no new package.
        assertEquals(List.of("2023/24|65-74|1|16700.00|1", "2024/25|65-74|0|0.00|0", "2024/25|75-84|2|27500.00|1"),
                Frames.rows(flows, "financial_year", "age_band", "admissions", "full_year_effect",
                        "full_year_effect_packages"));
    }

    @Test
    void completeYearsRunFromTheFirstSnapshotYearToTheLastYearEndedByTheLatest() {
        // A mid-year latest snapshot leaves its own year out; a 31 March one completes it.
        assertEquals(List.of("2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25"),
                FlowsStage.completeYears(new uk.carecast.config.Snapshots("2020-03-31", "2025-09-30")).stream()
                        .map(FinancialYear::label).toList());
        assertEquals("2024/25", FlowYears.lastCompleteBy(java.time.LocalDate.parse("2025-03-31")).label());
        assertEquals("2023/24", FlowYears.lastCompleteBy(java.time.LocalDate.parse("2025-03-30")).label());
    }
}

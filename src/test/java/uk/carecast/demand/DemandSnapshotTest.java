package uk.carecast.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;
import static uk.carecast.support.Frames.money;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.ingest.Contracts;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class DemandSnapshotTest {

    static final String PC = "Physical Support: Personal care support";
    static final String MC = "Support with Memory & Cognition";
    static final String LD = "Learning Disability Support";

    /** Six people: one starting mid-year, one who dies, hourly and four-weekly packages, one in two settings, a child. */
    static Dataset<Row> users(SparkSession spark) {
        return Frames.of(spark, Contracts.SERVICE_USERS.curatedSchema(),
                new Object[] {"A", 1950, 6, "Female", null, "E1", PC, null},
                new Object[] {"B", 1940, 1, "Male", null, "E1", MC, date("2025-01-15")},
                new Object[] {"C", 1990, 3, "Female", null, "E1", LD, null},
                new Object[] {"D", 2008, 5, "Male", null, "E1", LD, null},
                new Object[] {"E", 1960, 2, "Male", null, "E1", PC, null},
                new Object[] {"F", 1950, 6, "Female", null, "E1", PC, null});
    }

    static Dataset<Row> placements(SparkSession spark) {
        return Frames.of(spark, Contracts.PLACEMENTS.curatedSchema(),
                // A starts home care mid-year: 20.00 an hour × 10 hours = 200.00 a week.
                new Object[] {"A1", "A", "home_care", "external", date("2024-10-01"), null, money("20.00"), "hourly",
                        money("10.00"), "la", null},
                // B is in residential care at 800.00 a week and dies on 2025-01-15.
                new Object[] {"B1", "B", "residential", "external", date("2023-05-01"), null, money("800.00"), "weekly",
                        null, "la", null},
                // C: supported accommodation at 4,000 four-weekly = 1,000.00 a week, and day care 150.00 a week
                // that ends on the snapshot date itself (still active that day).
                new Object[] {"C1", "C", "supported_accommodation", "in_house", date("2020-01-01"), null,
                        money("4000.00"), "four_weekly", null, "la", null},
                new Object[] {"C2", "C", "day_care", "in_house", date("2024-01-01"), date("2025-03-31"),
                        money("150.00"), "weekly", null, "la", null},
                // D is 15 or 16 on the dates: children's services, not counted.
                new Object[] {"D1", "D", "day_care", "external", date("2024-01-01"), null, money("100.00"), "weekly",
                        null, "la", null},
                // E's only service is a one-off payment: not recurring support.
                new Object[] {"E1", "E", "direct_payment", "external", date("2024-03-01"), null, money("500.00"),
                        "one_off", null, "la", null},
                // F: home care 20.00 × 5 hours = 100.00 a week since 2023.
                new Object[] {"F1", "F", "home_care", "external", date("2023-01-01"), null, money("20.00"), "hourly",
                        money("5.00"), "la", null});
    }

    @Test
    void countsActivePeopleAndTheirWeeklyCostPerCell(SparkSession spark) {
        Dataset<Row> snapshot = DemandSnapshotStage.snapshot(List.of(LocalDate.parse("2024-03-31"), LocalDate.parse("2025-03-31")), placements(spark), users(spark));

        // 2024-03-31: A not started; B aged 2024-1940 = 84 (75-84) in residential; C aged 34 in two settings;
        // F aged 2024-1950-1 = 73 (65-74). 2025-03-31: B died in January; A (74) and F (74) share a cell:
        // 2 clients, 200.00 + 100.00 = 300.00. All funded by the council with no contributions: net = gross.
        assertEquals(List.of(
                        "2024-03-31|E1|" + LD + "|18-64|Female|day_care|1|150.00|150.00",
                        "2024-03-31|E1|" + LD + "|18-64|Female|supported_accommodation|1|1000.00|1000.00",
                        "2024-03-31|E1|" + PC + "|65-74|Female|home_care|1|100.00|100.00",
                        "2024-03-31|E1|" + MC + "|75-84|Male|residential|1|800.00|800.00",
                        "2025-03-31|E1|" + LD + "|18-64|Female|day_care|1|150.00|150.00",
                        "2025-03-31|E1|" + LD + "|18-64|Female|supported_accommodation|1|1000.00|1000.00",
                        "2025-03-31|E1|" + PC + "|65-74|Female|home_care|2|300.00|300.00"),
                Frames.rows(snapshot, "snapshot_date", "la_code", "primary_support_reason", "age_band", "sex", "setting",
                        "clients", "weekly_cost", "weekly_net_cost"));
        // The median person in that shared cell sits halfway between 100.00 and 200.00: 150.00.
        assertEquals(List.of("2025-03-31|home_care|150.00"),
                Frames.rows(snapshot.filter("clients = 2"), "snapshot_date", "setting", "median_weekly_cost"));
    }
}

package uk.carecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.demand.DemandSnapshotStage;
import uk.carecast.support.Frames;
import uk.carecast.support.Inputs;
import uk.carecast.support.SparkTest;

/** Values at the edges of the types and of the calendar, read the way ingest reads them. */
@SparkTest
class ExtremeValuesTest {

    @Test
    void moneyBeyondTheTypesAgesOver110AndDatesIn2099(SparkSession spark, @TempDir Path dir) throws IOException {
        Path users = dir.resolve("service_users.csv");
        Files.writeString(users, ValidationTest.USERS_HEADER + "\n"
                + "U1,1950,6,Female,,E08000003,Physical Support: Personal care support,\n"  // 2
                + "U2,1913,1,Female,,E08000003,Support with Memory & Cognition,\n"          // 3 aged 112
                + "U3,1960,5,Male,,E08000003,Mental Health Support,2099-01-01\n");          // 4 dies in 2099
        Path placements = dir.resolve("placements.csv");
        Files.writeString(placements, ValidationTest.PLACEMENTS_HEADER + "\n"
                // 2: 20 digits before the point; decimal(18,2) holds 16.
                + "L1,U1,home_care,external,2024-01-01,,99999999999999999999.99,weekly,,la,\n"
                // 3: the largest decimal(18,2), a week of it: read, but far over the weekly limit.
                + "L2,U1,residential,external,2024-01-01,,9999999999999999.99,weekly,,la,\n"
                // 4: the same an hour for 168 hours = 1.68 x 10^18 a week, more than the weekly type's 10^16;
                // before the limit this threw Spark's overflow error and ended the whole run.
                + "L3,U1,home_care,external,2024-01-01,,9999999999999999.99,hourly,168,la,\n"
                // 5: 5,952,380.96 x 168 = 1,000,000,001.28 a week, just over the limit of 1,000,000,000.00.
                + "L4,U1,home_care,external,2024-01-01,,5952380.96,hourly,168,la,\n"
                // 6: 5,952,380.95 x 168 = 999,999,999.60, just under it: kept, with the implausible-cost warning.
                + "L5,U1,home_care,external,2024-01-01,,5952380.95,hourly,168,la,\n"
                // 7: the 112-year-old in nursing care since 2020 (aged 107 then).
                + "L6,U2,nursing,external,2020-01-01,,1200,weekly,,la,\n"
                // 8: starts in 2099, after the latest snapshot.
                + "L7,U1,day_care,external,2099-01-01,,100,weekly,,la,\n"
                // 9: a planned end in 2099 is an open placement; U3's death in 2099 is not before any snapshot.
                + "L8,U3,day_care,external,2024-01-01,2099-12-31,100,weekly,,la,\n");

        var checkedUsers = Inputs.checkedUsers(spark, dir.resolve("s1"), users);
        var curatedUsers = IngestStage.curated(checkedUsers, Contracts.SERVICE_USERS);
        var checkedPlacements = Inputs.checkedPlacements(spark, dir.resolve("s2"), placements, curatedUsers,
                ValidationTest.LATEST_SNAPSHOT, ValidationTest.WEEKLY_COST_CEILING);

        // No age limit: the oldest band, 85+ (90+ in five-year bands), is open, as in the ONS projections the
        // rates divide by, and a supercentenarian's care costs the council like anyone's. A death dated 2099
        // is kept: it is not before birth, and no rule compares deaths with the snapshot.
        assertEquals(List.of(), Frames.rows(IngestStage.rejects("r", "service_users", users.toString(), checkedUsers),
                "row", "rule"));
        assertEquals(List.of(
                        "2|unit_cost|too large for decimal(18,2)|99999999999999999999.99|error",
                        "3|unit_cost|weekly cost over the 1,000,000,000.00 limit|9999999999999999.99 weekly|error",
                        "4|unit_cost|weekly cost over the 1,000,000,000.00 limit|9999999999999999.99 hourly|error",
                        "5|unit_cost|weekly cost over the 1,000,000,000.00 limit|5952380.96 hourly|error",
                        "6|unit_cost|implausible weekly cost (kept)|5952380.95 hourly = 999999999.60 a week|warning",
                        "8|start_date|start date after the latest snapshot|2099-01-01|error"),
                Frames.rows(IngestStage.rejects("r", "placements", placements.toString(), checkedPlacements),
                        "row", "column_name", "rule", "value", "severity"));
        var curatedPlacements = IngestStage.curated(checkedPlacements, Contracts.PLACEMENTS);
        assertEquals(List.of("L5", "L6", "L8"), Frames.rows(curatedPlacements, "placement_id"));

        // On 31 March 2025: U1 is 74 (born June 1950), U2 2025 - 1913 = 112 (born January), U3 64 (born May 1960).
        var snapshot = DemandSnapshotStage.snapshot(List.of(LocalDate.parse("2025-03-31")), curatedPlacements,
                curatedUsers);
        assertEquals(List.of(
                        "18-64|Male|day_care|1|100.00",
                        "65-74|Female|home_care|1|999999999.60",
                        "85+|Female|nursing|1|1200.00"),
                Frames.rows(snapshot, "age_band", "sex", "setting", "clients", "weekly_cost"));
    }

    @Test
    void aYoungPersonsCostOverTheLimitIsRejected(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("transitions.csv");
        Files.writeString(file, """
                person_id,birth_year,birth_month,sex,la_code,primary_support_reason,expected_setting,expected_weekly_cost,likelihood
                CHILD-1,2009,3,Male,E08000003,Learning Disability Support,residential,1000000000.01,0.5
                CHILD-2,2009,4,Male,E08000003,Learning Disability Support,residential,1000000000.00,0.5
                """);
        var checked = Inputs.checked(spark, dir.resolve("s"), file.toString(), Contracts.TRANSITIONS)
                .transform(t -> TableValidator.transitions(t, ValidationTest.LATEST_SNAPSHOT,
                        ValidationTest.WEEKLY_COST_CEILING));
        // A penny over the limit is rejected; the limit itself is kept, over the 25,000 ceiling so warned.
        assertEquals(List.of(
                        "2|expected_weekly_cost|implausible weekly cost (kept)|warning",
                        "2|expected_weekly_cost|weekly cost over the 1,000,000,000.00 limit|error",
                        "3|expected_weekly_cost|implausible weekly cost (kept)|warning"),
                Frames.rows(IngestStage.rejects("r", "transitions", file.toString(), checked),
                        "row", "column_name", "rule", "severity"));
    }
}

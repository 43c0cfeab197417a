package uk.carecast.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.config.JobConfig;
import uk.carecast.ingest.InputException;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

/** The whole job over the smallest councils: one person, and no placements at all. */
@SparkTest
class SmallCouncilJobTest {

    /** The tables with a row per setting. */
    static final List<String> BY_SETTING = List.of("placements", "demand_snapshot", "unit_costs", "usage_rates",
            "demand_projection", "cost_projection", "flows", "stock_flow_projection", "scenario_projection",
            "scenario_impact");

    @Test
    void onePersonInHomeCareAndNoOneInNursingRunsEndToEnd(SparkSession spark, @TempDir Path dir) throws IOException {
        JobConfig config = onePerson(dir, """
                L1,PERSON-0001,home_care,external,2024-10-01,,20.00,hourly,10,la,
                """);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        DemandForecastJob.run(spark, config, List.of(), new PrintStream(progress, true));
        Path output = dir.resolve("output");
        assertTrue(progress.toString().contains("1 read, 1 curated, 0 rejected"), progress.toString());

        // Snapshots 2024-03-31, 2025-03-31, 2025-09-30; home care from 2024-10-01, so on the last two only:
        // 20.00 x 10 hours = 200.00 a week. Born June 1950: 74 on 31 March 2025, 75 on 30 September 2025.
        assertEquals(List.of("2025-03-31|65-74|home_care|1|200.00", "2025-09-30|75-84|home_care|1|200.00"),
                Frames.rows(table(spark, output, "demand_snapshot"), "snapshot_date", "age_band", "setting", "clients",
                        "weekly_cost"));
        // Base FY 2025/26, 365 days: 200.00 x 365 / 7 = 10,428.57.
        assertEquals(List.of("home_care|10428.57"), Frames.rows(table(spark, output, "cost_projection")
                .filter("financial_year = '2025/26'"), "setting", "gross_cost"));
        for (String name : BY_SETTING) {
            Dataset<Row> rows = table(spark, output, name);
            assertTrue(rows.count() > 0, name + " holds the home care rows");
            assertEquals(0, rows.filter("setting <> 'home_care'").count(), name + ": no nursing, nor any other setting");
        }
        // Growth and the MTFS are written for one person too (their arithmetic is GrowthRequirementTest's and
        // BudgetMtfsTest's); the MTFS has both of the fixture's budget lines.
        assertTrue(table(spark, output, "growth_requirement").count() > 0);
        assertEquals(List.of("Learning Disability", "Other Care"), Frames.rows(
                table(spark, output, "budget_mtfs").select("service_area").distinct(), "service_area"));
    }

    @Test
    void aPlacementsFileOfOnlyItsHeaderFailsNamingItAndPublishesNothing(SparkSession spark, @TempDir Path dir)
            throws IOException {
        JobConfig config = onePerson(dir, "");
        // Before: a NullPointerException from the projection, which took its base year from the latest snapshot
        // anyone was in care on.
        var error = assertThrows(InputException.class, () -> DemandForecastJob.run(spark, config, List.of(),
                new PrintStream(new ByteArrayOutputStream())));
        assertEquals("nothing to project: no placement in " + dir.resolve("in/placements.csv") + " is active on any"
                + " snapshot date [2024-03-31, 2025-03-31, 2025-09-30]", error.getMessage());
        assertTrue(Files.notExists(dir.resolve("output/current")), "nothing published");
    }

    private static Dataset<Row> table(SparkSession spark, Path output, String name) {
        return spark.read().parquet(output.resolve(name).toString());
    }

    /** The job test's fixture, cut down to its first person and the given placement rows; no transitions. */
    private static JobConfig onePerson(Path dir, String placementRows) throws IOException {
        JobConfig config = DemandForecastJobTest.config(dir, "2024-10-01", "0", List.of("inputs.transitions="));
        Path in = dir.resolve("in");
        Files.writeString(in.resolve("service_users.csv"), """
                person_id,name,nhs_number,date_of_birth,postcode,birth_year,birth_month,sex,ethnicity,la_code,primary_support_reason,date_of_death
                PERSON-0001,Ada Smith,943 476 5919,1950-06-02,M1 1AA,1950,6,Female,White British,E08000003,Physical Support: Personal care support,
                """);
        Files.writeString(in.resolve("placements.csv"), """
                placement_id,person_id,setting,provider_type,start_date,end_date,unit_cost,cost_frequency,units_per_week,funding_source,client_contribution_weekly
                """ + placementRows);
        return config;
    }
}

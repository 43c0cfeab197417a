package uk.carecast.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.config.ConfigException;
import uk.carecast.config.JobConfig;
import uk.carecast.config.JobFile;
import uk.carecast.ingest.InputException;
import uk.carecast.publish.OutputLock;
import uk.carecast.publish.OutputStore;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

/** The whole job over three people, with the real Manchester population files. */
@SparkTest
class DemandForecastJobTest {

    static final List<String> PERSONAL = List.of("PERSON-0001", "PERSON-0002", "PERSON-0003", "PERSON-0004",
            "Ada Smith", "Di Evans", "943 476 5919", "943 476 5922", "1950-06-02", "1961-07-04", "M1 1AA", "M4 4DD",
            "CHILD-0001", "CHILD-0002", "CHILD-0003", "CHILD-0004");

    /**
     * The fixture's inputs and one run over them (in/, output/), made once for the class: a run costs 30-40 s,
     * nearly all of it fixed cost per query (Spark's planning and the JIT compiler's work on it), however few
     * the rows. The tests that start from earlier outputs copy it, so none of them changes what another sees.
     */
    private static Path fixture;
    private static List<StageReport> reports;
    private static String progress;

    @BeforeAll
    static void runOnce(SparkSession spark, @TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports = DemandForecastJob.run(spark, config(dir, "2024-10-01"), List.of(), new PrintStream(out, true));
        progress = out.toString();
        fixture = dir;
    }

    @Test
    void runsEveryStageAndPublishesReadableParquet(SparkSession spark) throws IOException {
        assertEquals(List.of("ingest", "demand_snapshot", "unit_costs", "usage_rates", "projection", "transitions",
                "flows", "scenarios", "growth_requirement", "budget_mtfs", "refresh_variance"),
                reports.stream().map(StageReport::stage).toList());
        Path output = fixture.resolve("output");
        for (StageReport report : reports) {
            assertTrue(progress.contains(report.line()), progress);
        }
        // Every input row accounted for: of 4 people D is rejected (sex "Woman", row 5); 4 placements curated;
        // of 4 young people the third (row 4) is 18 already.
        assertTrue(progress.contains("4 read, 3 curated, 1 rejected"), progress);
        assertEquals(List.of("service_users|5|sex|value not in the allowed list|Woman|error",
                        "transitions|4|birth_year|18 or over on the latest snapshot|aged 18 on 2025-09-30|error"),
                Frames.rows(spark.read().parquet(output.resolve("rejects").toString()), "table_name", "row",
                        "column_name", "rule", "value", "severity"));
        assertTrue(progress.contains("4 read, 4 curated, 0 rejected"), progress);
        for (String table : List.of("service_users", "placements", "cost_assumptions", "budgets", "population",
                "demand_snapshot", "unit_costs", "usage_rates", "demand_projection", "cost_projection",
                "growth_requirement", "budget_mtfs", "rejects", "data_quality", "scenario_projection", "scenario_impact",
                "transitions", "transitions_projection", "flows", "stock_flow_projection", "population_five_year",
                "refresh_variance", "history", "refreshes")) {
            assertTrue(Files.isDirectory(output.resolve(table)), table);
        }
        try (Stream<Path> top = Files.list(output)) {
            // 22 table links, history, refreshes, the current link, the runs it points into and the lock file;
            // nothing staged.
            assertEquals(27, top.count(), "no staging folder left behind");
        }

        // Base FY 2025/26 (snapshot 2025-09-30), 365 days: home care 1 × 200.00 × 365 / 7 = 10,428.57;
        // supported accommodation 4,000 ÷ 4 = 1,000.00 × 365 / 7 = 52,142.86; day care 150 × 365 / 7 = 7,821.43.
        // B died in January 2025, so residential care has no one at the base.
        var baseYear = spark.read().parquet(output.resolve("cost_projection").toString())
                .filter("financial_year = '2025/26'");
        assertEquals(List.of("day_care|7821.43", "home_care|10428.57", "supported_accommodation|52142.86"),
                Frames.rows(baseYear, "setting", "gross_cost"));

        // The first young person: 18 on 1 March 2026, likelihood 0.5, £1,400 a week: 0.5 × 1,400 × 31 ÷ 7 =
        // 3,100.00 in 2025/26; all 365 days of 2026/27 at supported accommodation's index 1 + (0.7 × 4.1% +
        // 0.3 × 2.5%) = 1.0362: 0.5 × 1,400 × 365 ÷ 7 × 1.0362 = 37,821.30. The driver: 37,821.30 - 3,100.00.
        var transitions = spark.read().parquet(output.resolve("transitions_projection").toString());
        assertEquals(List.of("2025/26|0.5000|3100.00", "2026/27|0.0000|37821.30"), Frames.rows(
                transitions.filter("service_area = 'Learning Disability' and financial_year < '2027'"),
                "financial_year", "new_clients", "gross_cost"));
        assertEquals(List.of("34721.30"), Frames.rows(spark.read().parquet(output.resolve("growth_requirement").toString())
                .filter("scenario = 'do_nothing' and driver = 'transitions' and service_area = 'Learning Disability'"
                        + " and financial_year = '2026/27'"), "amount"));

        // Every scenario's drivers add up to the year's change in its cost and the young people's, to the penny,
        // per service area.
        var scenarioProjection = spark.read().parquet(output.resolve("scenario_projection").toString());
        scenarioProjection.select("scenario", "service_area", "financial_year", "gross_cost")
                .unionByName(transitions.crossJoin(scenarioProjection.select("scenario").distinct())
                        .select("scenario", "service_area", "financial_year", "gross_cost"))
                .groupBy("scenario", "service_area", "financial_year").sum("gross_cost")
                .toDF("scenario", "area", "year", "cost").createOrReplaceTempView("costs");
        spark.read().parquet(output.resolve("growth_requirement").toString()).createOrReplaceTempView("growth");
        List<Row> mismatches = spark.sql("""
                select g.scenario, g.service_area, g.financial_year, sum(g.amount) drivers, max(c.cost - p.cost) change
                from growth g
                join costs c on c.scenario = g.scenario and c.area = g.service_area and c.year = g.financial_year
                join costs p on p.scenario = g.scenario and p.area = g.service_area
                  and cast(substring(p.year, 1, 4) as int) = cast(substring(c.year, 1, 4) as int) - 1
                group by 1, 2, 3 having sum(g.amount) <> max(c.cost - p.cost)""").collectAsList();
        assertEquals(List.of(), mismatches);
        assertEquals(List.of("better_outcomes", "do_nothing", "price_plus_1"), Frames.rows(
                spark.sql("select distinct scenario from growth"), "scenario"));
        assertEquals(4, spark.read().parquet(output.resolve("growth_requirement").toString())
                .select("financial_year").distinct().count(), "four projected years after the base year");

        // MTFS: Learning Disability base 60,000.00 - saving 1,000.00 in 2026/27 + its model growth.
        Row ld = spark.read().parquet(output.resolve("budget_mtfs").toString())
                .filter("service_area = 'Learning Disability' and financial_year = '2026/27'").first();
        BigDecimal growth = ld.getAs("growth");
        assertEquals(new BigDecimal("60000.00").subtract(new BigDecimal("1000.00")).add(growth), ld.getAs("net_budget"));

        // Flows: the complete years from the first snapshot (31 March 2024) to the latest (2025-09-30, mid-2025/26)
        // are 2023/24 and 2024/25; every row's stock reconciles.
        // A first refresh: nothing earlier in the history to explain, and no person-level table kept there.
        assertEquals(0, spark.read().parquet(output.resolve("refresh_variance").toString()).count());
        assertTrue(Files.isDirectory(output.resolve("history/budget_mtfs/_delta_log")));
        assertTrue(Files.notExists(output.resolve("history/service_users")));
        assertTrue(Files.notExists(output.resolve("history/transitions")));
        // The refresh as published: every person-level table stays behind; the three people are 1 per cell, so
        // every count is suppressed and so is the cost that would give it away (the cost tables keep their money).
        Path refresh = output.resolve("refreshes/2025Q3");
        assertTrue(Files.notExists(refresh.resolve("service_users")));
        assertTrue(Files.notExists(refresh.resolve("rejects")));
        var publishedSnapshot = spark.read().parquet(refresh.resolve("demand_snapshot").toString());
        assertEquals(List.of("2025Q3|2025-09-30|null|null|true"), Frames.rows(publishedSnapshot
                .select("refresh_id", "as_at_date", "clients", "weekly_cost", "suppressed").distinct(),
                "refresh_id", "as_at_date", "clients", "weekly_cost", "suppressed"));
        assertEquals(List.of("day_care|7821.43", "home_care|10428.57", "supported_accommodation|52142.86"),
                Frames.rows(spark.read().parquet(refresh.resolve("cost_projection").toString())
                        .filter("financial_year = '2025/26'"), "setting", "gross_cost"));
        var flows = spark.read().parquet(output.resolve("flows").toString());
        assertEquals(List.of("2023/24", "2024/25"),
                Frames.rows(flows.select("financial_year").distinct(), "financial_year"));
        assertEquals(0, flows.filter("opening_clients + admissions - exits_ended - exits_died <> closing_clients").count());

        assertNoPersonalData(spark, output);
        for (String value : PERSONAL) {
            assertFalse(progress.contains(value), value + " in the progress output");
        }
    }

    @Test
    void withoutTransitionsTheRunWorksAndTheirDriverIsZero(SparkSession spark, @TempDir Path dir) throws IOException {
        JobConfig config = config(dir, "2024-10-01", "0.3", List.of("inputs.transitions="));
        DemandForecastJob.run(spark, config, List.of(), new PrintStream(new ByteArrayOutputStream()));
        Path output = dir.resolve("output");
        assertEquals(0, spark.read().parquet(output.resolve("transitions_projection").toString()).count());
        var growth = spark.read().parquet(output.resolve("growth_requirement").toString());
        // Listed for every area, scenario and year, and 0.00 everywhere.
        assertEquals(growth.filter("driver = 'demography'").count(), growth.filter("driver = 'transitions'").count());
        assertEquals(List.of("0.00"), Frames.rows(growth.filter("driver = 'transitions'").select("amount").distinct(),
                "amount"));
        assertEquals(List.of("budgets", "cost_assumptions", "placements", "service_users"), Frames.rows(
                spark.read().parquet(output.resolve("data_quality").toString()), "table_name"));
    }

    @Test
    void aFailedRunLeavesThePreviousOutputsAsTheyWere(SparkSession spark, @TempDir Path dir) throws IOException {
        Path output = earlierOutputs(dir);
        List<String> before = listing(output);

        // 31 September does not exist: one of four placements rejected is 25%, over a 2% limit.
        JobConfig broken = config(dir, "2024-09-31", "0.02");
        var error = assertThrows(InputException.class,
                () -> DemandForecastJob.run(spark, broken, List.of(), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(error.getMessage().contains("placements file " + dir.resolve("in/placements.csv")
                + ": 1 of 4 rows rejected (25.0%, limit 2.0%); 1 x start_date: wrong type"), error.getMessage());
        assertEquals(before, listing(output));
    }

    @Test
    void anUnwritableOutputFolderFailsFirstAndNamesIt(SparkSession spark, @TempDir Path dir) throws IOException {
        Path output = earlierOutputs(dir);
        List<String> before = listing(output);
        // A plain file where the runs go: no run can write there, as on a read-only or full disk.
        Path runs = output.resolve("_runs");
        Path moved = dir.resolve("runs-aside");
        Files.move(runs, moved);
        Files.writeString(runs, "not a folder");
        var error = assertThrows(uk.carecast.config.ConfigException.class, () -> DemandForecastJob.run(spark,
                config(dir, "2024-10-01"), List.of(), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(error.getMessage().startsWith("output folder " + output + " is not writable: "), error.getMessage());
        Files.delete(runs);
        Files.move(moved, runs);
        assertEquals(before, listing(output));
    }

    @Test
    void aRunOnAnOutputFolderInUseFailsAtOnceAndTouchesNothing(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path output = dir.resolve("output");
        // Earlier outputs, published the cheap way: one table.
        OutputStore earlier = new OutputStore(spark, output.toString(), "run-earlier");
        earlier.write("growth_requirement", spark.sql("select 1 as amount"));
        earlier.publish();
        List<String> before = listing(output);
        Path lockFile = output.resolve(OutputLock.FILE);
        String note = "run run-other\npid 4242\nstarted 2026-11-23T09:15:00Z\n";
        // This run may not wait (lock_wait_seconds=0); OutputLockTest covers runs that wait their turn.
        JobConfig config = config(dir, "2024-10-01", "0.3", List.of("lock_wait_seconds=0"));
        try (FileChannel held = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = held.lock()) {
            held.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)));
            var error = assertThrows(ConfigException.class, () -> DemandForecastJob.run(spark, config, List.of(),
                    new PrintStream(new ByteArrayOutputStream())));
            assertEquals("output folder " + output + " is in use by another run (run run-other, started "
                    + "2026-11-23T09:15:00Z); wait for it to finish", error.getMessage());
            assertEquals(before, listing(output));
            assertEquals(note, Files.readString(lockFile));
        }
        // Let go, the folder takes runs again, and a run that fails lets go too: both of these get past the lock
        // and fail on their input (31 September), not on the lock.
        JobConfig broken = config(dir, "2024-09-31", "0.02");
        for (int run = 1; run <= 2; run++) {
            assertThrows(InputException.class, () -> DemandForecastJob.run(spark, broken, List.of(),
                    new PrintStream(new ByteArrayOutputStream())));
        }
        assertEquals(before, listing(output));
    }

    @Test
    void aStageRunsAloneFromThePublishedTables(SparkSession spark, @TempDir Path dir) throws IOException {
        earlierOutputs(dir);
        var reports = DemandForecastJob.run(spark, config(dir, "2024-10-01"), List.of("usage_rates"),
                new PrintStream(new ByteArrayOutputStream()));
        // usage_rates reads the published demand_snapshot and writes one rate per snapshot row. Snapshots
        // 2024-03-31, 2025-03-31 and 2025-09-30: C's two settings on all three (6 rows), B's residential on the
        // first only (died January 2025), A's home care on the last two (started 2024-10-01): 6 + 1 + 2 = 9.
        assertEquals(9, reports.get(0).rowsOut());
    }

    private static void assertNoPersonalData(SparkSession spark, Path output) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(output)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String value : PERSONAL) {
                assertFalse(bytes.contains(value), value + " found in " + file);
            }
        }
        var users = spark.read().parquet(output.resolve("service_users").toString());
        assertEquals(List.of("person_id", "birth_year", "birth_month", "sex", "ethnicity", "la_code",
                "primary_support_reason", "date_of_death"), List.of(users.columns()));
        assertTrue(users.collectAsList().stream().allMatch(r -> r.getString(0).matches("[0-9a-f]{64}")));
    }

    /**
     * The run made once, copied to {@code dir/output} as a folder of earlier outputs; links are copied as
     * links, as they are relative (the tables point into current, current into _runs).
     */
    private static Path earlierOutputs(Path dir) throws IOException {
        Path from = fixture.resolve("output");
        Path to = dir.resolve("output");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path copy = to.resolve(from.relativize(p));
                if (Files.isSymbolicLink(p)) {
                    // An absolute link would leave the copy pointing into the shared run.
                    Path target = Files.readSymbolicLink(p);
                    assertFalse(target.isAbsolute(), p + " -> " + target);
                    Files.createSymbolicLink(copy, target);
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        }
        return to;
    }

    private static List<String> listing(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            // The lock file notes the last run that took the folder, a failed one too; it is not an output.
            for (Path p : walk.filter(p -> !p.equals(dir.resolve(OutputLock.FILE))).sorted().toList()) {
                out.add(dir.relativize(p) + (Files.isRegularFile(p) ? " " + Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis() : ""));
            }
        }
        return out;
    }

    /**
     * Four people, one of them (D) rejected for an unknown sex, so the limit on rejected rows is raised
     * to 30%; {@code firstStart} is A's home care start date, so a test can break it.
     */
    static JobConfig config(Path dir, String firstStart) throws IOException {
        return config(dir, firstStart, "0.3");
    }

    /** As above, failing the run when more than {@code maxRejectedShare} of a file's rows are rejected. */
    static JobConfig config(Path dir, String firstStart, String maxRejectedShare) throws IOException {
        return config(dir, firstStart, maxRejectedShare, List.of());
    }

    /** As above, with more {@code --set} overrides after the fixture's own. */
    static JobConfig config(Path dir, String firstStart, String maxRejectedShare, List<String> more) throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("service_users.csv"), """
                person_id,name,nhs_number,date_of_birth,postcode,birth_year,birth_month,sex,ethnicity,la_code,primary_support_reason,date_of_death
                PERSON-0001,Ada Smith,943 476 5919,1950-06-02,M1 1AA,1950,6,Female,White British,E08000003,Physical Support: Personal care support,
                PERSON-0002,Bob Jones,943 476 5920,1940-01-09,M2 2BB,1940,1,Male,White British,E08000003,Support with Memory & Cognition,2025-01-15
                PERSON-0003,Cy Patel,943 476 5921,1990-03-03,M3 3CC,1990,3,Female,Asian or Asian British,E08000003,Learning Disability Support,
                PERSON-0004,Di Evans,943 476 5922,1961-07-04,M4 4DD,1961,7,Woman,White British,E08000003,Mental Health Support,
                """);
        Files.writeString(in.resolve("placements.csv"), """
                placement_id,person_id,setting,provider_type,start_date,end_date,unit_cost,cost_frequency,units_per_week,funding_source,client_contribution_weekly
                L1,PERSON-0001,home_care,external,%s,,20.00,hourly,10,la,
                L2,PERSON-0002,residential,external,2023-05-01,,800.00,weekly,,la,50.00
                L3,PERSON-0003,supported_accommodation,in_house,2020-01-01,,4000.00,four_weekly,,la,
                L4,PERSON-0003,day_care,in_house,2024-01-01,,150.00,weekly,,la,
                """.formatted(firstStart));
        StringBuilder assumptions = new StringBuilder("financial_year,setting,price_uplift_pct,nlw_rate,nlw_uplift_pct,labour_share\n");
        for (String year : List.of("2026/27", "2027/28", "2028/29", "2029/30")) {
            for (String setting : List.of("home_care", "supported_accommodation", "day_care")) {
                assumptions.append(year).append(',').append(setting).append(",2.5,12.71,4.1,0.7\n");
            }
        }
        Files.writeString(in.resolve("cost_assumptions.csv"), assumptions.toString());
        Files.writeString(in.resolve("budgets.csv"), """
                la_code,service_area,financial_year,line_type,line_id,description,amount
                E08000003,Learning Disability,2025/26,base,B1,LD,60000.00
                E08000003,Other Care,2025/26,base,B2,Other,20000.00
                E08000003,Learning Disability,2026/27,saving,S1,Saving,1000.00
                """);
        // Young people on 30 September 2025 (the job file's latest snapshot): the third is 18 already.
        Files.writeString(in.resolve("transitions.csv"), """
                person_id,birth_year,birth_month,sex,la_code,primary_support_reason,expected_setting,expected_weekly_cost,likelihood
                CHILD-0001,2008,3,Male,E08000003,Learning Disability Support,supported_accommodation,1400.00,0.5
                CHILD-0002,2009,10,Female,E08000003,Physical Support: Personal care support,home_care,500.00,
                CHILD-0003,2007,1,Female,E08000003,Learning Disability Support,supported_accommodation,2000.00,1
                CHILD-0004,2010,6,Male,E08000003,Mental Health Support,day_care,300.00,0.9
                """);
        List<String> overrides = new ArrayList<>(List.of(
                "inputs.service_users=" + in.resolve("service_users.csv"),
                "inputs.placements=" + in.resolve("placements.csv"),
                "inputs.cost_assumptions=" + in.resolve("cost_assumptions.csv"),
                "inputs.budgets=" + in.resolve("budgets.csv"),
                "snapshots.first_year_end=2024-03-31",
                "inputs.transitions=" + in.resolve("transitions.csv"),
                "validation.max_rejected_share=" + maxRejectedShare,
                "output=" + dir.resolve("output")));
        overrides.addAll(more);
        return JobFile.read(Path.of("jobs/demand-forecast.yaml"), overrides).bind(JobConfig.class);
    }
}

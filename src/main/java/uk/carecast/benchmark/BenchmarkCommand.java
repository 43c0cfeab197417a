package uk.carecast.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.ConfigException;
import uk.carecast.config.JobConfig;
import uk.carecast.config.JobFile;
import uk.carecast.demand.DemandSnapshotStage;
import uk.carecast.pipeline.DemandForecastJob;
import uk.carecast.pipeline.PeakHeap;
import uk.carecast.pipeline.StageReport;
import uk.carecast.sample.ScaleConfig;
import uk.carecast.sample.ScaleGenerator;
import uk.carecast.spark.Sessions;
import uk.carecast.unitcost.UnitCostsStage;

/**
 * {@code carecast benchmark [SCALE_FACTOR]}: runs the demand-forecast job end to end over scale
 * factor N's generated Parquet (generating it first if it is not there), prints each stage's
 * seconds, rows and the driver's peak heap, then times the demand-snapshot and unit-cost
 * aggregations on Spark and on DuckDB over the same curated Parquet, checks both give the same
 * rows, and appends the figures as one JSON line to {@code target/benchmark/results.jsonl}. With
 * {@code --engines-only}, only the engine comparison, over the outputs the last run left. Each
 * engine runs each aggregation {@code --rounds R} times (default 3): the first run and the median
 * of the later ones are both printed (see {@link EngineComparison}).
 */
public final class BenchmarkCommand {

    private static final Path RESULTS = Path.of("target/benchmark/results.jsonl");
    private static final int DEFAULT_ROUNDS = 3;
    private static final String USAGE = "usage: carecast benchmark [SCALE_FACTOR] [--engines-only] [--rounds R]"
            + "   (defaults: scale factor 10, " + DEFAULT_ROUNDS + " rounds)";

    private BenchmarkCommand() {
    }

    public static void run(List<String> args, PrintStream out) {
        Arguments arguments = Arguments.parse(args);
        ScaleConfig scale = new ScaleConfig("generate-scale", arguments.scaleFactor(), null, null, null, null, null,
                null);
        Path dir = Path.of(scale.out());
        Path jobFile = dir.resolve("demand-forecast.yaml");
        if (!Files.isRegularFile(jobFile)) {
            generate(scale, out);
        }
        JobConfig config = JobFile.read(jobFile, List.of()).bind(JobConfig.class);
        if (config.rates().fiveYear()) {
            throw new ConfigException("the benchmark's DuckDB queries use broad age bands; " + jobFile
                    + " asks for five-year bands");
        }
        if (arguments.enginesOnly() && !Files.exists(Path.of(config.output(), "placements"))) {
            throw new ConfigException("--engines-only compares the engines over a finished run's outputs; "
                    + config.output() + " has none (run the benchmark without it first)");
        }
        if (!arguments.enginesOnly()) {
            deleteRecursively(Path.of(config.output()));
        }
        long inputPlacements;
        Map<String, Object> figures = new LinkedHashMap<>();
        SparkSession spark = Sessions.start("carecast benchmark", config.master(), config.sparkSettings());
        TaskTotals tasks = new TaskTotals();
        spark.sparkContext().addSparkListener(tasks);
        try {
            inputPlacements = spark.read().parquet(config.inputs().placements()).count();
            long people = spark.read().parquet(config.inputs().serviceUsers()).count();
            out.printf("benchmark: scale factor %d, %,d people, %,d placement records, Spark %s, driver max heap %,d MB%n",
                    arguments.scaleFactor(), people, inputPlacements, spark.version(),
                    Runtime.getRuntime().maxMemory() >> 20);
            if (arguments.enginesOnly()) {
                List<EngineComparison> comparisons = compareEngines(spark, config, dir.resolve("engines"),
                        arguments.rounds());
                comparisons.forEach(c -> out.println(c.line()));
                return;
            }
            PeakHeap.reset();
            CpuAccount.Counters cpuAtStart = CpuAccount.Counters.now(tasks.settledCpuSeconds(spark.sparkContext()));
            long started = System.nanoTime();
            List<StageReport> stages = DemandForecastJob.run(spark, config, List.of(), out);
            double total = seconds(started);
            CpuAccount cpu = CpuAccount.between(cpuAtStart,
                    CpuAccount.Counters.now(tasks.settledCpuSeconds(spark.sparkContext())), total,
                    Runtime.getRuntime().availableProcessors());
            long peak = stages.stream().mapToLong(StageReport::peakHeapBytes).max().orElse(0);
            double perMillion = total / (inputPlacements / 1e6);
            out.println();
            out.printf("%-20s %9s %13s %13s %13s %9s%n", "stage", "seconds", "rows in", "rows out", "rows/s", "heap MB");
            for (StageReport stage : stages) {
                out.printf("%-20s %9.1f %,13d %,13d %,13.0f %,9d%n", stage.stage(), stage.seconds(), stage.rowsIn(),
                        stage.rowsOut(), stage.rowsPerSecond(), stage.peakHeapBytes() >> 20);
            }
            // After the last stage: the tables published, the refresh folder under disclosure control, the Delta history.
            double publish = total - stages.stream().mapToDouble(StageReport::seconds).sum();
            out.printf("%-20s %9.1f   (tables, refresh folder, Delta history)%n", "publish", publish);
            out.printf("%-20s %9.1f   (%.1f s per million placement records; peak heap %,d MB; spilled to disk %,d MB;"
                    + " failed tasks %d)%n", "end to end", total, perMillion, peak >> 20, tasks.diskBytesSpilled() >> 20,
                    tasks.failedTasks());
            out.println(cpu.line());
            long inputBytes = sizeOf(Path.of(config.inputs().placements())) + sizeOf(Path.of(config.inputs().serviceUsers()));
            figures.put("recorded_at", Instant.now().toString());
            figures.put("scale_factor", arguments.scaleFactor());
            figures.put("people", people);
            figures.put("placements", inputPlacements);
            figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
            figures.put("end_to_end_seconds", round(total));
            figures.put("seconds_per_million_placements", round(perMillion));
            figures.put("publish_seconds", round(publish));
            figures.put("peak_heap_mb", peak >> 20);
            figures.put("spilled_to_disk_mb", tasks.diskBytesSpilled() >> 20);
            figures.put("input_parquet_mb", inputBytes >> 20);
            figures.put("failed_tasks", tasks.failedTasks());
            figures.put("cpu", cpu.figures(BenchmarkCommand::round));
            Map<String, Object> perStage = new LinkedHashMap<>();
            for (StageReport stage : stages) {
                perStage.put(stage.stage(), Map.of("seconds", round(stage.seconds()), "rows_in", stage.rowsIn(),
                        "rows_out", stage.rowsOut(), "peak_heap_mb", stage.peakHeapBytes() >> 20));
            }
            figures.put("stages", perStage);
            List<EngineComparison> comparisons = compareEngines(spark, config, dir.resolve("engines"),
                    arguments.rounds());
            out.println();
            comparisons.forEach(c -> out.println(c.line()));
            Map<String, Object> engines = new LinkedHashMap<>();
            for (EngineComparison c : comparisons) {
                engines.put(c.stage(), c.figures(BenchmarkCommand::round));
            }
            figures.put("spark_vs_duckdb", engines);
        } finally {
            spark.stop();
        }
        String line = json(figures);
        append(line);
        out.println();
        out.println("figures (also appended to " + RESULTS + "):");
        out.println(line);
    }

    /** The command line: {@code [SCALE_FACTOR] [--engines-only] [--rounds R]}, in any order. */
    record Arguments(int scaleFactor, boolean enginesOnly, int rounds) {

        static Arguments parse(List<String> args) {
            List<String> rest = new ArrayList<>(args);
            int rounds = DEFAULT_ROUNDS;
            int at = rest.indexOf("--rounds");
            if (at >= 0) {
                String value = at + 1 < rest.size() ? rest.get(at + 1) : "";
                rounds = positiveWholeNumber(value, "--rounds");
                rest.subList(at, Math.min(at + 2, rest.size())).clear();
            }
            boolean enginesOnly = rest.removeIf("--engines-only"::equals);
            if (rest.size() > 1) {
                throw new ConfigException(USAGE);
            }
            int scaleFactor = rest.isEmpty() ? 10 : positiveWholeNumber(rest.get(0), "the scale factor");
            return new Arguments(scaleFactor, enginesOnly, rounds);
        }

        private static int positiveWholeNumber(String value, String what) {
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new ConfigException("benchmark: " + what + " must be a whole number, got '" + value + "'; " + USAGE);
            }
            if (number < 1) {
                throw new ConfigException("benchmark: " + what + " must be 1 or more, got " + number + "; " + USAGE);
            }
            return number;
        }
    }

    private static void generate(ScaleConfig scale, PrintStream out) {
        SparkSession spark = Sessions.start("carecast generate-scale", "local[*]",
                Map.of("spark.ui.enabled", "false", "spark.ui.showConsoleProgress", "false"));
        try {
            ScaleGenerator generator = new ScaleGenerator(scale);
            generator.writeAll(spark, out);
            generator.writeJobFile(Path.of("jobs/demand-forecast.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            spark.stop();
        }
    }

    /**
     * Both aggregations on both engines, each reading the job's curated service users and
     * placements from Parquet and writing its result as Parquet; DuckDB's rows are then checked
     * against the tables the job published.
     */
    private static List<EngineComparison> compareEngines(SparkSession spark, JobConfig config, Path dir, int rounds) {
        String output = config.output();
        List<LocalDate> dates = config.snapshots().dates();
        Dataset<Row> users = spark.read().parquet(output + "/service_users");
        Dataset<Row> placements = spark.read().parquet(output + "/placements");
        String usersGlob = output + "/service_users/*.parquet";
        String placementsGlob = output + "/placements/*.parquet";
        List<EngineComparison> comparisons = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            sql.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            sql.execute("SET memory_limit = '" + (Runtime.getRuntime().maxMemory() >> 20) + "MB'");
            sql.execute(DuckDbAggregates.macros());
            comparisons.add(compare(sql, DemandSnapshotStage.TABLE, dir, output, rounds,
                    () -> DemandSnapshotStage.snapshot(dates, placements, users, config.netCost(), config.rates()),
                    DuckDbAggregates.demandSnapshot(usersGlob, placementsGlob, dates, config.netCost()),
                    DuckDbAggregates.snapshotColumns()));
            comparisons.add(compare(sql, UnitCostsStage.TABLE, dir, output, rounds,
                    () -> UnitCostsStage.unitCosts(dates, placements, users),
                    DuckDbAggregates.unitCosts(usersGlob, placementsGlob, dates, config.netCost()),
                    DuckDbAggregates.unitCostColumns()));
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
        }
        return comparisons;
    }

    private static EngineComparison compare(Statement sql, String table, Path dir, String output, int rounds,
            Supplier<Dataset<Row>> spark, String duckdbQuery, List<String> columns) throws SQLException {
        String sparkPath = dir.resolve("spark").resolve(table).toString();
        String duckdbPath = dir.resolve("duckdb").resolve(table + ".parquet").toString();
        try {
            Files.createDirectories(dir.resolve("duckdb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Double> sparkSeconds = new ArrayList<>();
        List<Double> duckdbSeconds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            spark.get().write().mode(SaveMode.Overwrite).parquet(sparkPath);
            sparkSeconds.add(seconds(started));
            started = System.nanoTime();
            sql.execute("COPY (" + duckdbQuery + ") TO '" + duckdbPath + "' (FORMAT parquet)");
            duckdbSeconds.add(seconds(started));
        }
        String cols = String.join(", ", columns);
        String published = "(SELECT " + cols + " FROM read_parquet('" + output + "/" + table + "/*.parquet'))";
        String duck = "(SELECT " + cols + " FROM read_parquet('" + duckdbPath + "'))";
        long differing = single(sql, "SELECT count(*) FROM ((" + published + " EXCEPT ALL " + duck + ") UNION ALL ("
                + duck + " EXCEPT ALL " + published + "))");
        long sparkRows = single(sql, "SELECT count(*) FROM read_parquet('" + sparkPath + "/*.parquet')");
        long duckdbRows = single(sql, "SELECT count(*) FROM read_parquet('" + duckdbPath + "')");
        return new EngineComparison(table, sparkSeconds, duckdbSeconds, sparkRows, duckdbRows, differing);
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** To the hundredth, as the JSON line gives figures. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static long sizeOf(Path path) {
        try (var files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the benchmark's output " + path, e);
        }
    }

    private static String json(Map<String, Object> figures) {
        try {
            return new ObjectMapper().writeValueAsString(figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(String line) {
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + RESULTS, e);
        }
    }
}

package uk.carecast;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import uk.carecast.backtest.BacktestJob;
import uk.carecast.benchmark.BenchmarkCommand;
import uk.carecast.config.ConfigException;
import uk.carecast.config.JobConfig;
import uk.carecast.config.JobFile;
import uk.carecast.export.ExportConfig;
import uk.carecast.export.ExportJob;
import uk.carecast.faults.FuzzCommand;
import uk.carecast.faults.FuzzOutcome;
import uk.carecast.faults.UnhandledCasesException;
import uk.carecast.ingest.InputException;
import uk.carecast.pipeline.DemandForecastJob;
import uk.carecast.publish.MissingTableException;
import uk.carecast.publish.OutputFullException;
import uk.carecast.publish.RefreshNotRecordedException;
import uk.carecast.query.OutputComparison;
import uk.carecast.query.OutputFingerprint;
import uk.carecast.query.QueryException;
import uk.carecast.query.SqlCommand;
import uk.carecast.sample.SampleConfig;
import uk.carecast.sample.SampleGenerator;
import uk.carecast.sample.ScaleConfig;
import uk.carecast.sample.ScaleGenerator;
import uk.carecast.serve.ServeCommand;
import uk.carecast.spark.Sessions;

/**
 * {@code carecast JOB_FILE [--stage NAME]... [--set key=value]...}: runs the job the YAML file
 * defines; {@code carecast sql [--output DIR] [--out FILE.csv] "QUERY"} queries a run's outputs;
 * {@code carecast serve [--output DIR] [--port N] [--host H]} serves them over Spark Connect;
 * {@code carecast compare [--ignore COLUMN]... DIR_A DIR_B} checks two runs wrote the same rows;
 * {@code carecast fingerprint [--ignore COLUMN]... DIR} prints each table's row count and digest;
 * {@code carecast benchmark [SCALE_FACTOR]} times the job at scale and against DuckDB;
 * {@code carecast fuzz [CASES] [--seed N]} runs ingest over corrupted copies of the sample. A
 * user error (bad input, bad configuration) ends with one line naming it and exit status 1, not a
 * stack trace; anything else with one line naming the exception and a file holding its trace, and
 * exit status 2.
 */
public final class Main {

    private Main() {
    }

    /** Longest message an internal error's one line carries; the trace file has all of it. */
    static final int MESSAGE_LIMIT = 400;

    private static final DateTimeFormatter TRACE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    public static void main(String[] args) {
        try {
            run(args);
        } catch (InputException | ConfigException | MissingTableException | QueryException | OutputFullException e) {
            System.err.println("carecast: error: " + e.getMessage());
            System.exit(1);
        } catch (UnhandledCasesException e) {
            System.err.println("carecast: fuzz: " + e.getMessage());
            System.exit(1);
        } catch (RefreshNotRecordedException e) {
            // The run's tables are out; what is left to do is the user's (a re-run), but the cause may be ours.
            System.err.println("carecast: error: " + e.getMessage() + traceNote(e));
            System.exit(1);
        } catch (Throwable e) {
            // Anything else is a fault of carecast or its platform: one line for the user, the trace for us.
            System.err.println("carecast: internal error: " + oneLine(e) + traceNote(e));
            System.exit(2);
        }
    }

    /** {@code <ExceptionClass>: <message>} on one line, the message's whitespace folded and cut short. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "(no message)" : e.getMessage().replaceAll("\\s+", " ").strip();
        if (message.length() > MESSAGE_LIMIT) {
            message = message.substring(0, MESSAGE_LIMIT) + "...";
        }
        return e.getClass().getName() + ": " + message;
    }

    /** The line's ending: where the full trace went, or why it went to the console instead. */
    private static String traceNote(Throwable e) {
        try {
            return " (full trace in " + writeTrace(e, Path.of(System.getProperty("java.io.tmpdir")), Instant.now()) + ")";
        } catch (IOException | RuntimeException unwritable) {
            e.printStackTrace();
            return " (no trace file: " + unwritable.getMessage() + "; trace printed above)";
        }
    }

    /** Writes the full stack trace, causes included, to {@code dir/carecast-error-<UTC time>.log}. */
    static Path writeTrace(Throwable e, Path dir, Instant now) throws IOException {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Path file = dir.resolve("carecast-error-" + TRACE_STAMP.format(now) + ".log");
        Files.createDirectories(dir);
        Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * A session for reading a run's outputs once: every table is small, so Spark's 200 shuffle
     * partitions and Delta's 50 for replaying a history's log would be most of the time (on a busy
     * 2-core machine the sample's 40 tables took 9 minutes to compare with them, under 5 without).
     */
    private static SparkSession smallTablesSession(String name) {
        return Sessions.start(name, "local[*]", java.util.Map.of(
                "spark.ui.enabled", "false", "spark.ui.showConsoleProgress", "false",
                "spark.sql.shuffle.partitions", "4", "spark.databricks.delta.snapshotPartitions", "1"));
    }

    static void run(String[] args) {
        if (args.length > 0 && args[0].equals("sql")) {
            SqlCommand.Arguments parsed = SqlCommand.Arguments.parse(List.of(args).subList(1, args.length));
            SparkSession spark = Sessions.start("carecast sql", "local[*]",
                    java.util.Map.of("spark.ui.enabled", "false", "spark.ui.showConsoleProgress", "false"));
            try {
                SqlCommand.run(spark, parsed, System.out);
            } finally {
                spark.stop();
            }
            return;
        }
        if (args.length > 0 && args[0].equals("serve")) {
            ServeCommand.run(ServeCommand.Arguments.parse(List.of(args).subList(1, args.length)), System.out);
            return;
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            BenchmarkCommand.run(List.of(args).subList(1, args.length), System.out);
            return;
        }
        if (args.length > 0 && args[0].equals("fuzz")) {
            List<FuzzOutcome> outcomes = FuzzCommand.run(FuzzCommand.Arguments.parse(List.of(args).subList(1, args.length)),
                    System.out);
            long unhandled = outcomes.stream().filter(o -> o.kind() == FuzzOutcome.Kind.UNHANDLED).count();
            if (unhandled > 0) {
                throw new UnhandledCasesException(unhandled + " of " + outcomes.size()
                        + " cases ended UNHANDLED (see their lines above and target/fuzz/case-N/log.txt)");
            }
            return;
        }
        if (args.length > 0 && args[0].equals("fingerprint")) {
            OutputFingerprint.Arguments parsed = OutputFingerprint.Arguments.parse(List.of(args).subList(1, args.length));
            SparkSession spark = smallTablesSession("carecast fingerprint");
            try {
                OutputFingerprint.run(spark, parsed, System.out);
            } finally {
                spark.stop();
            }
            return;
        }
        if (args.length > 0 && args[0].equals("compare")) {
            OutputComparison.Arguments parsed = OutputComparison.Arguments.parse(List.of(args).subList(1, args.length));
            SparkSession spark = smallTablesSession("carecast compare");
            boolean same;
            try {
                same = OutputComparison.run(spark, parsed, System.out);
            } finally {
                spark.stop();
            }
            if (!same) {
                throw new QueryException(parsed.left() + " and " + parsed.right() + " differ (see the tables above)");
            }
            return;
        }
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new ConfigException("usage: carecast JOB_FILE [--stage NAME]... [--set key=value]...");
        }
        List<String> stages = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length || !(flag.equals("--stage") || flag.equals("--set"))) {
                throw new ConfigException("unexpected argument '" + flag + "'; expected --stage NAME or --set key=value");
            }
            (flag.equals("--stage") ? stages : overrides).add(args[++i]);
        }
        JobFile file = JobFile.read(Path.of(args[0]), overrides);
        switch (file.jobName()) {
            case "demand-forecast" -> {
                JobConfig config = file.bind(JobConfig.class);
                SparkSession spark = Sessions.start("carecast demand-forecast", config.master(), config.sparkSettings());
                try {
                    DemandForecastJob.run(spark, config, stages, System.out);
                } finally {
                    spark.stop();
                }
            }
            case "backtest" -> {
                JobConfig config = file.bind(JobConfig.class);
                SparkSession spark = Sessions.start("carecast backtest", config.master(), config.sparkSettings());
                try {
                    BacktestJob.run(spark, config, System.out);
                } finally {
                    spark.stop();
                }
            }
            case "export" -> {
                ExportConfig config = file.bind(ExportConfig.class);
                SparkSession spark = Sessions.start("carecast export", config.master(), config.sparkConf());
                try {
                    ExportJob.run(spark, config, java.time.Clock.systemUTC(), System.out);
                } finally {
                    spark.stop();
                }
            }
            case "generate-sample" -> new SampleGenerator(file.bind(SampleConfig.class)).writeAll(System.out);
            case "generate-scale" -> {
                ScaleGenerator generator = new ScaleGenerator(file.bind(ScaleConfig.class));
                SparkSession spark = Sessions.start("carecast generate-scale", "local[*]", java.util.Map.of(
                        "spark.ui.enabled", "false", "spark.ui.showConsoleProgress", "false"));
                try {
                    generator.writeAll(spark, System.out);
                    System.out.println("job file: " + generator.writeJobFile(Path.of("jobs/demand-forecast.yaml")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    spark.stop();
                }
            }
            default -> throw new ConfigException("job file " + args[0] + " names an unknown job '" + file.jobName()
                    + "' (known: demand-forecast, backtest, export, generate-sample, generate-scale)");
        }
    }
}

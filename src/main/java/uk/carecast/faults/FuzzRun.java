package uk.carecast.faults;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.ConfigException;
import uk.carecast.config.JobConfig;
import uk.carecast.config.JobFile;
import uk.carecast.faults.FuzzOutcome.Kind;
import uk.carecast.ingest.InputException;
import uk.carecast.pipeline.DemandForecastJob;
import uk.carecast.publish.MissingTableException;
import uk.carecast.query.QueryException;

/**
 * Runs fuzz cases through the demand-forecast job's ingest stage, the code path of {@code jobs/run
 * demand-forecast --stage ingest}, in one session, and says how each ended. Case n's files go to
 * {@code <root>/case-n/} (its console output to {@code log.txt} there); every case publishes into the
 * one output folder {@code <root>/output}, so a failed case must leave the last good case's tables
 * as they were.
 *
 * <p>No refresh is recorded ({@code refresh.record: false}): the history would be half of every case's
 * time, and is written only after ingest has succeeded anyway.
 * {@code validation.max_rejected_share} is 1 here: under the job's 2% a few bad rows of the
 * slice's 50 people fail the whole file, and the accounting of every row would go unchecked.
 */
public final class FuzzRun {

    /** Longest message that still reads as one line for a person, not a dump. */
    static final int MESSAGE_LIMIT = 2_000;

    private final SparkSession spark;
    private final Path root;
    private final Path jobFile;
    private final FuzzCases cases;

    public FuzzRun(SparkSession spark, Path root, Path jobFile, FuzzCases cases) {
        this.spark = spark;
        this.root = root;
        this.jobFile = jobFile;
        this.cases = cases;
    }

    public Path output() {
        return root.resolve("output");
    }

    /** The slice itself, uncorrupted: it must be accounted, and its tables are what case 1 must not break. */
    public FuzzOutcome runClean() {
        return run(new FuzzCase(0, "none", "(none)", "the slice as cut from the sample", null));
    }

    public FuzzOutcome run(FuzzCase fuzzCase) {
        long started = System.nanoTime();
        Path dir = root.resolve("case-" + fuzzCase.number());
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String table : SampleSlice.TABLES) {
            contents.put(table, table.equals(fuzzCase.table()) ? fuzzCase.content() : cases.clean(table));
        }
        Map<String, String> files = write(dir, contents);
        OutputState before = OutputState.of(output());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream console = System.err;
        Kind kind;
        String detail;
        try (PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            // Ingest's warnings go to the standard error; a 1 MB header name would fill the terminal.
            System.setErr(capture);
            try {
                DemandForecastJob.run(spark, config(files), List.of("ingest"), capture);
                List<String> gaps = accounting(contents, files);
                kind = gaps.isEmpty() ? Kind.ACCOUNTED : Kind.UNHANDLED;
                detail = !gaps.isEmpty() ? String.join("; ", gaps)
                        : counts(contents.keySet().stream().filter(t -> fuzzCase.number() == 0 || t.equals(fuzzCase.table()))
                                .toList());
            } catch (Exception | StackOverflowError e) {
                String problem = notUserFacing(e, files.get(fuzzCase.table()));
                OutputState after = OutputState.of(output());
                if (problem == null && !after.equals(before)) {
                    problem = "the failed run changed the previous outputs (" + before + " before, " + after + " after)";
                }
                kind = problem == null ? Kind.CLEAR_ERROR : Kind.UNHANDLED;
                detail = problem == null ? e.getMessage() : problem;
                e.printStackTrace(capture);
            } finally {
                System.setErr(console);
            }
        }
        try {
            Files.write(dir.resolve("log.txt"), log.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log of fuzz case " + fuzzCase.number(), e);
        }
        return new FuzzOutcome(fuzzCase, kind, detail, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Null when {@code e} is an error the command line shows as {@code carecast: error: <message>}
     * and its message names {@code file} and reads as a sentence; otherwise why it is not.
     */
    static String notUserFacing(Throwable e, String file) {
        boolean userError = e instanceof InputException || e instanceof ConfigException
                || e instanceof MissingTableException || e instanceof QueryException;
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (!userError) {
            return "an internal error: " + e.getClass().getName() + ": " + firstLine(message);
        }
        if (file != null && !message.contains(file)) {
            return "the message does not name the file " + file + ": " + firstLine(message);
        }
        if (message.length() > MESSAGE_LIMIT) {
            return "a message of " + message.length() + " characters: " + firstLine(message);
        }
        if (message.contains("\n") || message.contains("org.apache.") || message.contains("java.")
                || message.contains("scala.")) {
            return "a message holding a trace or a class name: " + firstLine(message);
        }
        return null;
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /**
     * What does not add up in the run's {@code data_quality}, {@code rejects} and curated tables: for every
     * file, rows read = the rows {@link CsvRows} finds in it = curated + rejected, each rejected row is in
     * {@code rejects} with an error, and the curated table holds the curated rows.
     */
    private List<String> accounting(Map<String, byte[]> contents, Map<String, String> files) {
        String out = output().toString();
        Map<String, Row> quality = spark.read().parquet(out + "/data_quality").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("table_name")), r -> r));
        // Per table: the rows with an error in rejects, and the rejects that name no row or no rule.
        Map<String, Row> rejects = spark.read().parquet(out + "/rejects").groupBy("table_name")
                .agg(countDistinct(when(col("severity").equalTo("error"), col("row"))),
                        count(when(col("row").isNull().or(col("rule").isNull()), 1)))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        List<String> gaps = new ArrayList<>();
        for (String table : SampleSlice.TABLES) {
            Row q = quality.get(table);
            if (q == null) {
                gaps.add(table + ": no data_quality row");
                continue;
            }
            long read = q.getLong(q.fieldIndex("rows_read"));
            long curated = q.getLong(q.fieldIndex("rows_curated"));
            long rejected = q.getLong(q.fieldIndex("rows_rejected"));
            OptionalLong inFile = CsvRows.count(contents.get(table), SampleSlice.gzipped(table));
            if (inFile.isEmpty()) {
                gaps.add(table + ": read " + read + " rows from a file with no header or no readable text");
            } else if (inFile.getAsLong() != read) {
                gaps.add(table + ": " + read + " rows read but the file holds " + inFile.getAsLong());
            }
            if (read != curated + rejected) {
                gaps.add(table + ": " + read + " read != " + curated + " curated + " + rejected + " rejected");
            }
            Row listed = rejects.get(table);
            long listedRows = listed == null ? 0 : listed.getLong(1);
            if (listedRows != rejected) {
                gaps.add(table + ": " + rejected + " rows rejected but " + listedRows + " rows in rejects");
            }
            if (listed != null && listed.getLong(2) > 0) {
                gaps.add(table + ": " + listed.getLong(2) + " rejects without a row number or rule");
            }
            long kept = spark.read().parquet(out + "/" + table).count();
            if (kept != curated) {
                gaps.add(table + ": " + curated + " rows curated but the table holds " + kept);
            }
            if (!files.get(table).equals(q.getString(q.fieldIndex("input_file")))) {
                gaps.add(table + ": data_quality names " + q.getString(q.fieldIndex("input_file")));
            }
        }
        return gaps;
    }

    /** The tables' lines of data_quality: "placements: 61 read = 58 curated + 3 rejected (error: (row): ... x 3)". */
    private String counts(List<String> tables) {
        List<String> lines = new ArrayList<>();
        for (Row q : spark.read().parquet(output() + "/data_quality").collectAsList()) {
            if (!tables.contains(q.getString(q.fieldIndex("table_name")))) {
                continue;
            }
            Map<String, Long> rules = q.getJavaMap(q.fieldIndex("problems_by_rule"));
            String problems = rules.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " x " + e.getValue()).collect(Collectors.joining("; "));
            lines.add(String.format("%s: %d read = %d curated + %d rejected%s", q.getString(q.fieldIndex("table_name")),
                    q.getLong(q.fieldIndex("rows_read")), q.getLong(q.fieldIndex("rows_curated")),
                    q.getLong(q.fieldIndex("rows_rejected")), problems.isEmpty() ? "" : " (" + problems + ")"));
        }
        return String.join("; ", lines);
    }

    private JobConfig config(Map<String, String> files) {
        List<String> overrides = new ArrayList<>();
        files.forEach((table, file) -> overrides.add("inputs." + table + "=" + file));
        overrides.add("output=" + output());
        overrides.add("validation.max_rejected_share=1");
        overrides.add("refresh.record=false");
        return JobFile.read(jobFile, overrides).bind(JobConfig.class);
    }

    private static Map<String, String> write(Path dir, Map<String, byte[]> contents) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> table : contents.entrySet()) {
                Path file = dir.resolve(SampleSlice.FILES.get(table.getKey()));
                Files.write(file, table.getValue());
                files.put(table.getKey(), file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fuzz case's files under " + dir, e);
        }
        return files;
    }
}

package uk.carecast.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.ConfigException;
import uk.carecast.config.JobConfig;
import uk.carecast.config.JobFile;
import uk.carecast.spark.Sessions;

/**
 * {@code carecast fuzz [CASES] [--seed N] [--case N]}: generates CASES corrupted versions of the
 * sample slice's files (default 200; {@link FuzzCases}), runs each through ingest in one session
 * ({@link FuzzRun}), prints a line per case and a summary table, and fails if any case ended
 * unhandled. {@code --case N} (repeatable) runs case N alone, to look at one again.
 */
public final class FuzzCommand {

    public static final Path ROOT = Path.of("target/fuzz");
    static final Path JOB_FILE = Path.of("jobs/demand-forecast.yaml");
    static final Path SAMPLE = Path.of("data/sample");
    /** People and young people in the slice: enough rows for every rule, few enough for seconds a case. */
    static final int PEOPLE = 50;
    static final int YOUNG_PEOPLE = 40;
    public static final long DEFAULT_SEED = 7;

    private FuzzCommand() {
    }

    public record Arguments(int cases, long seed, List<Integer> only) {

        private static final String USAGE = "usage: fuzz [CASES] [--seed N] [--case N]...";

        public Arguments {
            only = List.copyOf(only);
        }

        public static Arguments parse(List<String> args) {
            int cases = 200;
            long seed = DEFAULT_SEED;
            List<Integer> only = new ArrayList<>();
            try {
                for (int i = 0; i < args.size(); i++) {
                    String a = args.get(i);
                    if (a.equals("--seed") && i + 1 < args.size()) {
                        seed = Long.parseLong(args.get(++i));
                    } else if (a.equals("--case") && i + 1 < args.size()) {
                        only.add(Integer.parseInt(args.get(++i)));
                    } else if (!a.startsWith("-")) {
                        cases = Integer.parseInt(a);
                    } else {
                        throw new ConfigException("unexpected argument '" + a + "'; " + USAGE);
                    }
                }
            } catch (NumberFormatException e) {
                throw new ConfigException("not a whole number: " + e.getMessage() + "; " + USAGE);
            }
            if (cases < 1 || only.stream().anyMatch(n -> n < 1)) {
                throw new ConfigException("cases are numbered from 1; " + USAGE);
            }
            return new Arguments(cases, seed, only);
        }
    }

    /** Runs the cases; returns their outcomes, having printed them and the summary to {@code out}. */
    public static List<FuzzOutcome> run(Arguments arguments, PrintStream out) {
        long started = System.nanoTime();
        deleteRecursively(ROOT);
        JobConfig job = JobFile.read(JOB_FILE, List.of()).bind(JobConfig.class);
        Map<String, String> settings = new HashMap<>(job.sparkSettings());
        // The slice is a few hundred rows: the job file's shuffle partitions would each be a task of nothing.
        settings.put("spark.sql.shuffle.partitions", "2");
        SparkSession spark = Sessions.start("carecast fuzz", job.master(), settings);
        List<FuzzOutcome> outcomes = new ArrayList<>();
        try {
            FuzzCases cases = new FuzzCases(SampleSlice.of(SAMPLE, PEOPLE, YOUNG_PEOPLE), arguments.seed());
            FuzzRun runner = new FuzzRun(spark, ROOT, JOB_FILE, cases);
            out.printf("fuzz: seed %d, cases under %s, outputs in %s%n", arguments.seed(), ROOT, runner.output());
            FuzzOutcome clean = runner.runClean();
            out.println(clean.line());
            if (clean.kind() != FuzzOutcome.Kind.ACCOUNTED) {
                throw new IllegalStateException("the uncorrupted slice did not run clean: " + clean.detail());
            }
            List<FuzzCase> chosen = !arguments.only().isEmpty() ? arguments.only().stream().map(cases::make).toList()
                    : cases.first(arguments.cases());
            for (FuzzCase fuzzCase : chosen) {
                FuzzOutcome outcome = runner.run(fuzzCase);
                out.println(outcome.line());
                outcomes.add(outcome);
            }
        } finally {
            spark.stop();
        }
        out.println();
        out.print(summary(outcomes));
        out.printf("%ntotal: %d cases in %.0f s (seed %d)%n", outcomes.size(), (System.nanoTime() - started) / 1e9,
                arguments.seed());
        return outcomes;
    }

    /** The markdown table: per kind, how many cases and how each ended, then the totals. */
    public static String summary(List<FuzzOutcome> outcomes) {
        StringBuilder table = new StringBuilder("| kind | cases | accounted | clear error | unhandled |\n|---|---|---|---|---|\n");
        List<String> kinds = new ArrayList<>(FuzzCases.KINDS);
        kinds.add("total");
        for (String kind : kinds) {
            List<FuzzOutcome> of = outcomes.stream().filter(o -> kind.equals("total") || o.fuzzCase().kind().equals(kind))
                    .toList();
            if (of.isEmpty()) {
                continue;
            }
            table.append(String.format("| %s | %d | %d | %d | %d |%n", kind, of.size(), count(of, FuzzOutcome.Kind.ACCOUNTED),
                    count(of, FuzzOutcome.Kind.CLEAR_ERROR), count(of, FuzzOutcome.Kind.UNHANDLED)));
        }
        return table.toString();
    }

    private static long count(List<FuzzOutcome> outcomes, FuzzOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}

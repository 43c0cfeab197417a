package uk.carecast.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.config.Refresh;
import uk.carecast.publish.OutputFullException;
import uk.carecast.publish.RefreshFolders;
import uk.carecast.publish.RefreshHistory;
import uk.carecast.publish.RefreshNotRecordedException;

/**
 * Runs stages in order, writing each stage's output tables to the run's staging area, a few at
 * once (so the next stage reads them back from Parquet rather than recomputing them), prints one
 * progress line per stage, publishes all tables together only when every stage has succeeded,
 * then publishes them as the job's refresh: a plain Parquet folder under disclosure control, and
 * the Delta history.
 */
public final class Pipeline {

    private final List<Stage> stages;
    private final PrintStream progress;
    /**
     * Rows of each table this run has counted: a stage's outputs are the next stages' inputs, and
     * counting one again is another Spark job for a figure already known.
     */
    private final Map<String, Long> rowCounts = new HashMap<>();

    public Pipeline(List<Stage> stages, PrintStream progress) {
        this.stages = List.copyOf(stages);
        this.progress = progress;
    }

    public List<StageReport> run(StageContext given) {
        long started = System.nanoTime();
        StageContext context = given.sharing(SharedDatasets.among(stages));
        List<StageReport> reports = new ArrayList<>();
        List<String> published = runAndPublish(context, reports);
        Refresh refresh = context.config().refresh();
        String output = context.config().output();
        if (!refresh.record()) {
            progress.println(done(started, output) + "; no refresh recorded (refresh.record: false)");
            return reports;
        }
        RefreshFolders folders = new RefreshFolders(context.spark(), output);
        RefreshHistory history = new RefreshHistory(context.spark(), output);
        // Timed apart: the two are most of what a run does after its last stage (figures in the README).
        long folderStarted = System.nanoTime();
        try {
            folders.publish(refresh, published, context.store());
        } catch (Exception | FSError e) {
            throw notRecorded(output, refresh, "its refresh folder " + folders.folder(refresh.id())
                    + " and the history were not written", e);
        }
        double folderSeconds = seconds(folderStarted);
        long historyStarted = System.nanoTime();
        List<String> kept;
        try {
            kept = history.record(refresh, published, context.store());
        } catch (Exception | FSError e) {
            throw notRecorded(output, refresh, "its refresh folder was written but the history under "
                    + history.root() + " was not recorded", e);
        }
        double historySeconds = seconds(historyStarted);
        progress.println(done(started, output));
        progress.printf("refresh %s (as at %s): %d tables kept in the Delta history under %s (%.1f s), published with"
                + " disclosure control under %s (%.1f s)%n", refresh.id(), refresh.asAt(), kept.size(), history.root(),
                historySeconds, folders.folder(refresh.id()), folderSeconds);
        return reports;
    }

    private List<String> runAndPublish(StageContext context, List<StageReport> reports) {
        String step = "starting the stages";
        try {
            for (int i = 0; i < stages.size(); i++) {
                step = "stage " + stages.get(i).name();
                reports.add(runStage(stages.get(i), context));
                // A stage's outputs are in Parquet now and later stages read them from there: whatever it
                // cached would only take memory from the stages after it (at scale factor 150, from the
                // flows' sorts), unless a later stage is yet to read a dataset it shares. Spark clears its
                // cache whole, so a stage run between two that share (`--stage` in another order) keeps its
                // own cached data until then too.
                if (!context.sharedDatasets().stillToBeRead(i)) {
                    clearCache(context);
                }
            }
            step = "publishing the tables";
            return context.store().publish();
        } catch (Exception | FSError e) {
            // Exception, not RuntimeException: Spark throws its checked SparkException (a failed task) unchecked.
            // A shared dataset cached for a stage that will not run now would outlive the run in the session.
            clearCache(context);
            boolean discarded = context.store().discard();
            Optional<OutputFullException> full = OutputFullException.of(e, context.config().output(), step, discarded
                    ? "this run's tables were not published and the outputs before it are as they were"
                    : "this run's tables were published, but its refresh was not recorded");
            if (full.isPresent()) {
                throw full.get();
            }
            throw e;
        }
    }

    private static void clearCache(StageContext context) {
        context.spark().catalog().clearCache();
        context.sharedDatasets().forget();
    }

    /** The run's closing line: how many stages, how long, and where the tables are. */
    private String done(long started, String output) {
        return String.format("done: %d stage%s in %.1f s, tables written under %s", stages.size(),
                stages.size() == 1 ? "" : "s", seconds(started), output);
    }

    private static RefreshNotRecordedException notRecorded(String output, Refresh refresh, String what, Throwable e) {
        String cause = OutputFullException.sign(e).map(sign -> "the output's disk is full: " + sign)
                .orElseGet(() -> e.getClass().getSimpleName() + ": "
                        + (e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("")));
        return new RefreshNotRecordedException("the tables were published under " + output + ", but refresh "
                + refresh.id() + " was not: " + what + " (" + cause + "); re-run the job to record it", e);
    }

    private StageReport runStage(Stage stage, StageContext context) {
        long started = System.nanoTime();
        PeakHeap.reset();
        long rowsIn = 0;
        for (String input : stage.inputs()) {
            rowsIn += rowCounts.computeIfAbsent(input, name -> context.table(name).count());
        }
        long rowsOut = 0;
        StageResult result = stage.run(context);
        Map<String, Dataset<Row>> tables = context.store().writeAll(result.tables());
        for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
            long rows = table.getValue().count();
            rowCounts.put(table.getKey(), rows);
            rowsOut += rows;
        }
        List<String> written = List.copyOf(tables.keySet());
        rowsIn = result.rowsRead().orElse(rowsIn);
        StageReport report = new StageReport(stage.name(), rowsIn, rowsOut, seconds(started), PeakHeap.bytes(), written);
        progress.println(report.line());
        return report;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}

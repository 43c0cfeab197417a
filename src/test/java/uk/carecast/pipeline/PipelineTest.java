package uk.carecast.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.publish.RefreshNotRecordedException;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

/** What the user is told of the refresh recorded after the tables, or when it could not be recorded. */
@SparkTest
class PipelineTest {

    @Test
    void aRefreshFolderThatCannotBeWrittenSaysTheTablesWerePublished(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path output = dir.resolve("output");
        Files.createDirectories(output);
        // A plain file where the refresh folders go: nothing can be written under it.
        Files.writeString(output.resolve("refreshes"), "not a folder");

        var error = assertThrows(RefreshNotRecordedException.class, () -> run(spark, output, 250));
        // The job file's latest snapshot is 2025-09-30, so the refresh is 2025Q3.
        assertTrue(error.getMessage().startsWith("the tables were published under " + output + ", but refresh 2025Q3"
                + " was not: its refresh folder " + output.resolve("refreshes/2025Q3") + " and the history were not"
                + " written ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("); re-run the job to record it"), error.getMessage());
        assertEquals(List.of("250"), Frames.rows(spark.read().parquet(output.resolve("growth").toString()), "amount"));
        assertTrue(Files.notExists(output.resolve("history")));
    }

    @Test
    void aHistoryThatCannotBeRecordedSaysTheTablesAndFolderWerePublished(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path output = dir.resolve("output");
        Files.createDirectories(output);
        Files.writeString(output.resolve("history"), "not a folder");

        var error = assertThrows(RefreshNotRecordedException.class, () -> run(spark, output, 300));
        assertTrue(error.getMessage().startsWith("the tables were published under " + output + ", but refresh 2025Q3"
                + " was not: its refresh folder was written but the history under " + output.resolve("history")
                + " was not recorded ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("); re-run the job to record it"), error.getMessage());
        assertEquals(List.of("300"), Frames.rows(spark.read().parquet(output.resolve("growth").toString()), "amount"));
        assertEquals(List.of("300|2025Q3"), Frames.rows(spark.read().parquet(
                output.resolve("refreshes/2025Q3/growth").toString()), "amount", "refresh_id"));
    }

    @Test
    void aRecordedRefreshSaysHowLongItsFolderAndHistoryTook(SparkSession spark, @TempDir Path dir) throws IOException {
        Path output = dir.resolve("output");
        String said = run(spark, output, 350);
        // One table, "growth", in both; the seconds vary from run to run, so only their form is checked.
        assertTrue(said.lines().anyMatch(line -> line.matches("refresh 2025Q3 \\(as at 2025-09-30\\): 1 tables kept in the"
                + " Delta history under .*history \\(\\d+\\.\\d s\\), published with disclosure control under"
                + " .*refreshes/2025Q3 \\(\\d+\\.\\d s\\)")), said);
        assertEquals(List.of("350|2025Q3"), Frames.rows(spark.read().parquet(
                output.resolve("refreshes/2025Q3/growth").toString()), "amount", "refresh_id"));
    }

    /** Runs a one-stage pipeline writing {@code amount}; returns what it told the user. */
    private static String run(SparkSession spark, Path output, int amount) {
        return TestRuns.run(spark, output, List.of(),
                List.of(new TableStage("growth", context -> spark.sql("select " + amount + " as amount"))));
    }
}

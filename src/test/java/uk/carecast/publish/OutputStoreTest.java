package uk.carecast.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class OutputStoreTest {

    @Test
    void aKilledRunLeavesTheLastCompleteSetAndTheNextRunCleansUp(SparkSession spark, @TempDir Path dir) throws IOException {
        String output = dir.toString();
        OutputStore first = new OutputStore(spark, output, "run-a");
        first.write("growth", amount(spark, 100));
        first.write("budget", amount(spark, 1000));
        first.publish();

        // Killed after writing its growth table and before publishing: nothing of it is visible.
        new OutputStore(spark, output, "run-b").write("growth", amount(spark, 999));
        assertEquals(List.of("100"), read(spark, dir, "growth"));

        // A run of one stage: its growth replaces the published one, the budget comes along unchanged.
        OutputStore third = new OutputStore(spark, output, "run-c");
        third.write("growth", amount(spark, 120));
        third.publish();
        assertEquals(List.of("120"), read(spark, dir, "growth"));
        assertEquals(List.of("1000"), read(spark, dir, "budget"));
        // The killed run's folder is gone; the set just replaced stays one generation for readers still on it.
        assertEquals(List.of("run-a", "run-c"), runs(dir));

        OutputStore fourth = new OutputStore(spark, output, "run-d");
        fourth.write("budget", amount(spark, 1100));
        fourth.publish();
        assertEquals(List.of("run-c", "run-d"), runs(dir));
        assertEquals(List.of("120"), read(spark, dir, "growth"));
        assertEquals(List.of("1100"), read(spark, dir, "budget"));
        assertTrue(Files.isSymbolicLink(dir.resolve("current")));
    }

    @Test
    void aFailureAfterTheLinkSwitchKeepsThePublishedRunAndTheOneBefore(SparkSession spark, @TempDir Path dir)
            throws IOException {
        String output = dir.toString();
        OutputStore first = new OutputStore(spark, output, "run-a");
        first.write("growth", amount(spark, 100));
        first.publish();

        // A folder where a killed run's temporary link would be: removing it, the last tidy-up step after the
        // switch, fails (a non-empty folder is not deleted by deleteIfExists), so the failure comes after run-b
        // is already what current points to.
        Files.createDirectories(dir.resolve("current.next-stale/inside"));
        OutputStore second = new OutputStore(spark, output, "run-b");
        second.write("growth", amount(spark, 200));
        var error = assertThrows(java.io.UncheckedIOException.class, second::publish);
        assertTrue(error.getMessage().startsWith("the tables were published under " + output
                + " (current -> _runs/run-b), but linking or tidying"), error.getMessage());

        // What the pipeline does on any failure: before the fix this deleted _runs/run-b, leaving current dangling.
        second.discard();
        assertEquals(List.of("200"), read(spark, dir, "growth"));
        assertEquals(dir.resolve("_runs/run-b"), dir.resolve("current").toRealPath());
        assertEquals(List.of("run-a", "run-b"), runs(dir), "the generation before stays for readers still on it");
    }

    @Test
    void aTableReadBackHasTheSchemaAndRowsSparkFindsInItsFiles(SparkSession spark, @TempDir Path dir) {
        // The store hands back a table it wrote with the schema it wrote, not one read from the files' footers:
        // the two must agree, nullability and nested types included, before and after publishing.
        OutputStore store = new OutputStore(spark, dir.toString(), "run-a");
        store.write("cells", spark.sql("select 'E08000003' as la_code, cast(12.5 as decimal(12,2)) as weekly_cost,"
                + " date'2025-09-30' as snapshot_date, 3L as clients,"
                + " array(named_struct('rule', 'missing', 'value', cast(null as string))) as problems"));
        var inFiles = spark.read().parquet(dir.resolve("_runs/run-a/cells").toString());
        assertEquals(inFiles.schema(), store.table("cells").schema());
        assertEquals(Frames.rows(inFiles, "la_code", "weekly_cost", "snapshot_date", "clients"),
                Frames.rows(store.table("cells"), "la_code", "weekly_cost", "snapshot_date", "clients"));
        store.publish();
        assertEquals(inFiles.schema(), store.table("cells").schema());
        assertEquals(List.of("E08000003|12.50|2025-09-30|3"),
                Frames.rows(store.table("cells"), "la_code", "weekly_cost", "snapshot_date", "clients"));
    }

    private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> amount(SparkSession spark, int amount) {
        return spark.sql("select " + amount + " as amount");
    }

    private static List<String> read(SparkSession spark, Path dir, String table) {
        return Frames.rows(spark.read().parquet(dir.resolve(table).toString()), "amount");
    }

    private static List<String> runs(Path dir) throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("_runs"))) {
            return runs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

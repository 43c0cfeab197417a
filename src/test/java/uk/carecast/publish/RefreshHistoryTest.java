package uk.carecast.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.config.Refresh;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class RefreshHistoryTest {

    @Test
    void reRunningARefreshReplacesOnlyThatRefresh(SparkSession spark, @TempDir Path dir) {
        String output = dir.toString();
        RefreshHistory history = new RefreshHistory(spark, output);

        publish(spark, output, "Older People", 100);
        history.record(new Refresh("2026Q1", "2026-03-31"), List.of("growth", "placements"), store(spark, output));
        publish(spark, output, "Older People", 120);
        history.record(new Refresh("2026Q2", "2026-06-30"), List.of("growth"), store(spark, output));
        // Q1 re-run with a corrected figure: its 100 goes, Q2's 120 stays, nothing is doubled.
        publish(spark, output, "Older People", 105);
        history.record(new Refresh("2026Q1", "2026-03-31"), List.of("growth"), store(spark, output));

        assertEquals(List.of("2026Q1|2026-03-31|105", "2026Q2|2026-06-30|120"),
                Frames.rows(history.read("growth"), "refresh_id", "as_at_date", "amount"));
        // Three commits, and the first is still there to travel back to: Q1 as first said.
        assertEquals(List.of("2026Q1|100"), Frames.rows(spark.read().format("delta").option("versionAsOf", 0)
                .load(history.path("growth")), "refresh_id", "amount"));
        // A run killed after writing one table of 2026Q3 and before the rest: 2026Q3 is not complete, so no
        // reader sees it in any table until a run records it whole.
        spark.sql("select 'Older People' as service_area, 130 as amount, '2026Q3' as refresh_id,"
                        + " date'2026-09-30' as as_at_date").write().format("delta").mode("append")
                .save(history.path("growth"));
        assertEquals(List.of("2026Q1|105", "2026Q2|120"), Frames.rows(history.read("growth"), "refresh_id", "amount"));
        // The run after it records 2026Q3 whole: the killed run's 130 is replaced, not added to.
        publish(spark, output, "Older People", 135);
        history.record(new Refresh("2026Q3", "2026-09-30"), List.of("growth"), store(spark, output));
        assertEquals(List.of("2026Q1|105", "2026Q2|120", "2026Q3|135"),
                Frames.rows(history.read("growth"), "refresh_id", "amount"));
        // A refresh new to the table is appended (no replay of the log to find files to replace); one it has
        // held before, even uncommitted or killed half way, is replaced: Q1, Q2, Q1 again, the killed Q3, Q3.
        assertEquals(List.of("0|Append|null", "1|Append|null", "2|Overwrite|refresh_id = '2026Q1'", "3|Append|null",
                        "4|Overwrite|refresh_id = '2026Q3'"),
                Frames.rows(DeltaTable.forPath(spark, history.path("growth")).history()
                        .selectExpr("version", "operationParameters['mode'] as mode",
                                "operationParameters['predicate'] as replaced"), "version", "mode", "replaced"));
        // Person-level curated inputs (service_users, placements, transitions) are never kept.
        assertEquals(false, new java.io.File(history.path("placements")).exists());
    }

    @Test
    void theHistoryIsWrittenWithoutPerFileColumnStatistics(SparkSession spark, @TempDir Path dir) throws Exception {
        String output = dir.toString();
        publish(spark, output, "Older People", 100);
        new RefreshHistory(spark, output).record(new Refresh("2026Q1", "2026-03-31"), List.of("growth"),
                store(spark, output));

        // The commit adds the refresh's file(s) with no "stats" (Delta writes "stats":"{\"numRecords\":1,...}"
        // beside each added file when it collects them), and the table still reads back whole.
        List<String> added = Files.readAllLines(Path.of(output, "history", "growth", "_delta_log",
                "00000000000000000000.json")).stream().filter(line -> line.startsWith("{\"add\"")).toList();
        assertEquals(false, added.isEmpty());
        assertEquals(List.of(), added.stream().filter(line -> line.contains("\"stats\"")).toList());
        assertEquals(List.of("2026Q1|100"),
                Frames.rows(new RefreshHistory(spark, output).read("growth"), "refresh_id", "amount"));
    }

    @Test
    void anUnsetRefreshIsTheLatestSnapshotsQuarter() {
        assertEquals(new Refresh("2025Q3", "2025-09-30"),
                new Refresh(null, null).completedFrom(java.time.LocalDate.parse("2025-09-30")));
        assertEquals(new Refresh("budget-2027", "2026-12-31"),
                new Refresh("budget-2027", "2026-12-31").completedFrom(java.time.LocalDate.parse("2025-09-30")));
    }

    private static void publish(SparkSession spark, String output, String area, int amount) {
        OutputStore store = store(spark, output);
        store.write("growth", spark.sql("select '" + area + "' as service_area, " + amount + " as amount"));
        store.write("placements", spark.sql("select 'p1' as person_id"));
        store.publish();
    }

    private static OutputStore store(SparkSession spark, String output) {
        return new OutputStore(spark, output, "test-run");
    }
}

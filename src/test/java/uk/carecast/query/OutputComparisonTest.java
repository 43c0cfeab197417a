package uk.carecast.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.SparkTest;

@SparkTest
class OutputComparisonTest {

    @Test
    void theSameRowsInAnotherOrderWithAnotherRunIdAreTheSame(SparkSession spark, @TempDir Path dir) {
        String a = dir.resolve("a").toString();
        String b = dir.resolve("b").toString();
        OutputFolders.table(spark, a, "growth", "('x', 1), ('x', 1), ('y', 2) as t(area, amount)");
        OutputFolders.table(spark, b, "growth", "('y', 2), ('x', 1), ('x', 1) as t(area, amount)");
        // The same map built in another key order: compared as sorted entries.
        OutputFolders.table(spark, a, "data_quality", "('run-1', map('r1', 3, 'r2', 4)) as t(run_id, problems_by_rule)");
        OutputFolders.table(spark, b, "data_quality", "('run-2', map('r2', 4, 'r1', 3)) as t(run_id, problems_by_rule)");
        OutputFolders.history(spark, a, "growth", "('x', '2025Q3') as t(area, refresh_id)");
        OutputFolders.history(spark, b, "growth", "('x', '2025Q3') as t(area, refresh_id)");
        var printed = new ByteArrayOutputStream();

        boolean same = OutputComparison.run(spark, OutputComparison.Arguments.parse(List.of("--ignore", "run_id", a, b)),
                new PrintStream(printed, true));

        assertTrue(same, printed.toString());
        assertTrue(printed.toString().contains("hold the same 3 tables, row for row (ignoring run_id)"), printed.toString());
        assertTrue(printed.toString().contains("growth_history"), printed.toString());
    }

    @Test
    void aDuplicatedRowAMissingTableAndAnotherColumnAreDifferences(SparkSession spark, @TempDir Path dir) {
        String a = dir.resolve("a").toString();
        String b = dir.resolve("b").toString();
        OutputFolders.table(spark, a, "growth", "('x', 1), ('x', 1), ('y', 2) as t(area, amount)");
        OutputFolders.table(spark, b, "growth", "('x', 1), ('y', 2), ('y', 2) as t(area, amount)");
        OutputFolders.table(spark, a, "flows", "(1) as t(clients)");
        OutputFolders.table(spark, a, "data_quality", "('run-1', 3) as t(run_id, rows_read)");
        OutputFolders.table(spark, b, "data_quality", "('run-2', 3) as t(run_id, rows_read)");

        List<OutputComparison.TableDiff> diffs = OutputComparison.compare(spark, a, b, Set.of());

        assertEquals(List.of("data_quality", "flows", "growth"), diffs.stream().map(OutputComparison.TableDiff::table).toList());
        // Not ignored, the run id is a difference: one row only in each.
        assertEquals(new OutputComparison.TableDiff("data_quality", 1, 1, 1, 1, null), diffs.get(0));
        assertEquals(new OutputComparison.TableDiff("flows", 1, 0, 0, 0, "only in " + a), diffs.get(1));
        // EXCEPT ALL counts copies: a's second ('x', 1) and b's second ('y', 2) have no partner.
        assertEquals(new OutputComparison.TableDiff("growth", 3, 3, 1, 1, null), diffs.get(2));
        assertFalse(diffs.get(2).same());
    }

    @Test
    void theTablesAndTheHistoryAreComparedEachOnItsOwn(SparkSession spark, @TempDir Path dir) {
        // A run killed between publishing its tables and recording its history: B has the new tables
        // (amount 2) beside the previous history (one refresh, 2025Q2); A is the finished run.
        String a = dir.resolve("a").toString();
        String b = dir.resolve("b").toString();
        OutputFolders.table(spark, a, "growth", "('x', 2) as t(area, amount)");
        OutputFolders.table(spark, b, "growth", "('x', 2) as t(area, amount)");
        OutputFolders.history(spark, a, "growth", "('x', 1, '2025Q2'), ('x', 2, '2025Q3') as t(area, amount, refresh_id)");
        OutputFolders.history(spark, b, "growth", "('x', 1, '2025Q2') as t(area, amount, refresh_id)");
        var printed = new ByteArrayOutputStream();

        boolean tables = OutputComparison.run(spark, OutputComparison.Arguments.parse(List.of("--tables", a, b)),
                new PrintStream(printed, true));
        List<OutputComparison.TableDiff> history = OutputComparison.compare(spark, a, b, Set.of(),
                OutputComparison.Scope.HISTORY);
        List<OutputComparison.TableDiff> all = OutputComparison.compare(spark, a, b, Set.of());

        assertTrue(tables, printed.toString());
        assertTrue(printed.toString().contains("hold the same 1 published tables, row for row"), printed.toString());
        // Only the history: A's 2 rows, B's 1, A's 2025Q3 row missing from B.
        assertEquals(List.of(new OutputComparison.TableDiff("growth_history", 2, 1, 1, 0, null)), history);
        assertEquals(List.of("growth", "growth_history"), all.stream().map(OutputComparison.TableDiff::table).toList());
        assertFalse(all.get(1).same());
    }

    @Test
    void tablesAndHistoryCannotBothBeChosen() {
        assertThrows(QueryException.class,
                () -> OutputComparison.Arguments.parse(List.of("--tables", "--history", "a", "b")));
    }
}

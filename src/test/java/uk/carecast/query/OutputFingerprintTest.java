package uk.carecast.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.SparkTest;

@SparkTest
class OutputFingerprintTest {

    @Test
    void theSameRowsInAnotherOrderAndPartitioningHaveTheSameDigest(SparkSession spark, @TempDir Path dir) {
        String a = dir.resolve("a").toString();
        String b = dir.resolve("b").toString();
        OutputFolders.table(spark, a, "growth", "('run-1', 'x', 1), ('run-1', 'x', 1), ('run-1', 'y', 2) as t(run_id, area, amount)");
        spark.sql("select * from values ('run-2', 'y', 2), ('run-2', 'x', 1), ('run-2', 'x', 1) as t(run_id, area, amount)")
                .repartition(3).write().parquet(b + "/growth");
        OutputFolders.history(spark, a, "growth", "('x', '2025Q3') as t(area, refresh_id)");
        OutputFolders.history(spark, b, "growth", "('x', '2025Q3') as t(area, refresh_id)");

        List<OutputFingerprint.TableFingerprint> left = OutputFingerprint.of(spark, a, Set.of("run_id"));
        List<OutputFingerprint.TableFingerprint> right = OutputFingerprint.of(spark, b, Set.of("run_id"));

        assertEquals(left, right);
        assertEquals(List.of("growth", "growth_history"), left.stream().map(OutputFingerprint.TableFingerprint::table).toList());
        // 3 rows of growth, 1 of its history, each in its group.
        assertEquals("tables growth rows=3", left.get(0).line().replaceAll(" digest=.*", ""));
        assertEquals("history growth_history rows=1", left.get(1).line().replaceAll(" digest=.*", ""));
        // Not ignored, the run id makes the rows differ.
        assertNotEquals(OutputFingerprint.of(spark, a, Set.of()).get(0).digest(),
                OutputFingerprint.of(spark, b, Set.of()).get(0).digest());
    }

    @Test
    void aDuplicatedRowInPlaceOfAnotherChangesTheDigestNotTheCount(SparkSession spark, @TempDir Path dir) {
        String a = dir.resolve("a").toString();
        String b = dir.resolve("b").toString();
        // The same distinct rows and the same count (3), but b has ('y', 2) twice where a has ('x', 1) twice.
        OutputFolders.table(spark, a, "growth", "('x', 1), ('x', 1), ('y', 2) as t(area, amount)");
        OutputFolders.table(spark, b, "growth", "('x', 1), ('y', 2), ('y', 2) as t(area, amount)");
        OutputFolders.table(spark, a, "flows", "('x', 1) as t(area, amount) where amount > 1");

        List<OutputFingerprint.TableFingerprint> left = OutputFingerprint.of(spark, a, Set.of());
        OutputFingerprint.TableFingerprint right = OutputFingerprint.of(spark, b, Set.of()).get(0);

        // An empty table: no rows, nothing added up.
        assertEquals(new OutputFingerprint.TableFingerprint("tables", "flows", 0, "0/0"), left.get(0));
        assertEquals(3, left.get(1).rows());
        assertEquals(3, right.rows());
        assertNotEquals(left.get(1).digest(), right.digest());
    }

    @Test
    void oneFolderIsFingerprintedAtATime() {
        assertThrows(QueryException.class, () -> OutputFingerprint.Arguments.parse(List.of("a", "b")));
        assertEquals(new OutputFingerprint.Arguments("a", Set.of("run_id")),
                OutputFingerprint.Arguments.parse(List.of("--ignore", "run_id", "a")));
    }
}

package uk.carecast.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.config.Refresh;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class RefreshFoldersTest {

    @Test
    void eachRefreshIsItsOwnFolderAndARerunSwapsItWhole(SparkSession spark, @TempDir Path dir) throws IOException {
        String output = dir.toString();
        RefreshFolders folders = new RefreshFolders(spark, output);
        folders.publish(new Refresh("2026Q1", "2026-03-31"), List.of("growth", "placements"), staged(spark, output, 100));
        folders.publish(new Refresh("2026Q2", "2026-06-30"), List.of("growth"), staged(spark, output, 120));
        folders.publish(new Refresh("2026Q1", "2026-03-31"), List.of("growth"), staged(spark, output, 105));

        // One glob over every refresh, as DuckDB or pandas would read it: each row says which refresh it is.
        assertEquals(List.of("2026Q1|2026-03-31|105", "2026Q2|2026-06-30|120"),
                Frames.rows(spark.read().parquet(dir.resolve("refreshes/*/growth").toString()),
                        "refresh_id", "as_at_date", "amount"));
        assertTrue(Files.notExists(dir.resolve("refreshes/2026Q1/placements")), "person-level tables stay behind");
        try (Stream<Path> top = Files.list(dir.resolve("refreshes"))) {
            assertEquals(List.of("2026Q1", "2026Q2"), top.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging or replaced folder left behind");
        }
    }

    private static OutputStore staged(SparkSession spark, String output, int amount) {
        OutputStore store = new OutputStore(spark, output, "run-" + amount);
        store.write("growth", spark.sql("select 'Older People' as service_area, " + amount + " as amount"));
        store.write("placements", spark.sql("select 'p1' as person_id"));
        store.publish();
        return store;
    }
}

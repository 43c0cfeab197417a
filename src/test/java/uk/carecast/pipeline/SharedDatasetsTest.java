package uk.carecast.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

/** A dataset two stages of a run share is built once, cached between them, and let go after the last. */
@SparkTest
class SharedDatasetsTest {

    private static final String NUMBERS = "numbers";

    private final AtomicInteger builds = new AtomicInteger();
    /** The dataset each stage was given, in the order they ran. */
    private final List<Dataset<Row>> given = new ArrayList<>();
    private final List<StorageLevel> levelsWhenGiven = new ArrayList<>();

    @Test
    void twoStagesThatShareADatasetBuildItOnceAndTheCacheGoesAfterTheSecond(SparkSession spark, @TempDir Path dir) {
        run(spark, dir, sharing("total", "sum(id)"), sharing("people", "count(*)"));

        assertEquals(1, builds.get());
        assertEquals(List.of(StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK()), levelsWhenGiven);
        assertSame(given.get(0), given.get(1));
        assertEquals(StorageLevel.NONE(), given.get(1).storageLevel());
        // The shared rows are 1, 2, 3 and 4: their sum is 1 + 2 + 3 + 4 = 10, their count 4.
        assertEquals(List.of("10"), Frames.rows(spark.read().parquet(dir.resolve("output/total").toString()), "value"));
        assertEquals(List.of("4"), Frames.rows(spark.read().parquet(dir.resolve("output/people").toString()), "value"));
    }

    @Test
    void aStageThatSharesWithNoOtherStageOfTheRunBuildsItsDatasetWithoutCachingIt(SparkSession spark,
            @TempDir Path dir) {
        run(spark, dir, sharing("people", "count(*)"));

        assertEquals(1, builds.get());
        assertEquals(List.of(StorageLevel.NONE()), levelsWhenGiven);
        assertEquals(List.of("4"), Frames.rows(spark.read().parquet(dir.resolve("output/people").toString()), "value"));
    }

    @Test
    void aStageBetweenTwoThatShareLeavesTheCacheInPlace(SparkSession spark, @TempDir Path dir) {
        Stage between = new TableStage("between", context -> spark.sql("select 1 as value"));

        run(spark, dir, sharing("total", "sum(id)"), between, sharing("people", "count(*)"));

        assertEquals(1, builds.get());
        assertEquals(List.of(StorageLevel.MEMORY_AND_DISK(), StorageLevel.MEMORY_AND_DISK()), levelsWhenGiven);
        assertEquals(StorageLevel.NONE(), given.get(1).storageLevel());
        // As above: 1 + 2 + 3 + 4 = 10, and 4 rows.
        assertEquals(List.of("10"), Frames.rows(spark.read().parquet(dir.resolve("output/total").toString()), "value"));
        assertEquals(List.of("4"), Frames.rows(spark.read().parquet(dir.resolve("output/people").toString()), "value"));
    }

    @Test
    void aRunThatFailsBeforeTheLastStageThatSharesLetsTheCacheGo(SparkSession spark, @TempDir Path dir) {
        Stage failing = new TableStage("people", Set.of(NUMBERS), context -> {
            given.add(numbers(context));
            throw new IllegalStateException("the second stage failed");
        });

        var error = assertThrows(IllegalStateException.class,
                () -> run(spark, dir, sharing("total", "sum(id)"), failing));

        assertEquals("the second stage failed", error.getMessage());
        assertEquals(1, builds.get());
        assertSame(given.get(0), given.get(1));
        assertEquals(StorageLevel.NONE(), given.get(0).storageLevel());
    }

    /** A stage writing one row, {@code aggregate} over the shared rows 1 to 4, as the table {@code name}. */
    private Stage sharing(String name, String aggregate) {
        return new TableStage(name, Set.of(NUMBERS), context -> {
            Dataset<Row> numbers = numbers(context);
            given.add(numbers);
            levelsWhenGiven.add(numbers.storageLevel());
            return numbers.selectExpr(aggregate + " as value");
        });
    }

    private Dataset<Row> numbers(StageContext context) {
        return context.shared(NUMBERS, () -> {
            builds.incrementAndGet();
            return context.spark().range(1, 5).toDF();
        });
    }

    private static void run(SparkSession spark, Path dir, Stage... stages) {
        TestRuns.run(spark, dir.resolve("output"), List.of("refresh.record=false"), List.of(stages));
    }
}

package uk.carecast.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.config.ConfigException;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class OutputLockTest {

    static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void twoOutputFoldersAreLockedApartAndBothCommit(SparkSession spark, @TempDir Path dir) throws IOException {
        OutputStore a = new OutputStore(spark, dir.resolve("a").toString(), "run-a");
        OutputStore b = new OutputStore(spark, dir.resolve("b").toString(), "run-b");
        try (OutputLock lockA = a.lock(NINE); OutputLock lockB = b.lock(NINE.plusSeconds(60))) {
            a.write("growth", spark.sql("select 1 as amount"));
            b.write("growth", spark.sql("select 2 as amount"));
            a.publish();
            b.publish();

            // A second run on a while run-a holds it: one line naming the holder, and nothing of it on disk.
            OutputStore again = new OutputStore(spark, dir.resolve("a").toString(), "run-c");
            var error = assertThrows(ConfigException.class, () -> again.lock(NINE.plusSeconds(120)));
            assertEquals("output folder " + dir.resolve("a") + " is in use by another run (run run-a, started "
                    + "2026-11-23T09:00:00Z); wait for it to finish", error.getMessage());
            assertTrue(Files.notExists(dir.resolve("a/_runs/run-c")));
        }
        assertEquals(List.of("1"), Frames.rows(spark.read().parquet(dir.resolve("a/growth").toString()), "amount"));

        // A run that may wait: told once whom it waits for, it gets the folder as soon as the holder lets go
        // (here, from the waiting thread itself, so the test needs no timing), and commits after it.
        OutputLock first = a.lock(NINE);
        List<String> told = new java.util.ArrayList<>();
        OutputStore waiting = new OutputStore(spark, dir.resolve("a").toString(), "run-e");
        try (OutputLock second = waiting.lock(NINE.plusSeconds(180), java.time.Duration.ofMinutes(5), line -> {
            told.add(line);
            first.close();
        })) {
            waiting.write("growth", spark.sql("select 3 as amount"));
            waiting.publish();
        }
        assertEquals(List.of("output folder " + dir.resolve("a") + " is in use by run run-a (started 2026-11-23T09:00:00Z);"
                + " waiting up to 300 s for it to finish"), told);
        assertEquals(List.of("3"), Frames.rows(spark.read().parquet(dir.resolve("a/growth").toString()), "amount"));
        assertEquals(List.of("2"), Frames.rows(spark.read().parquet(dir.resolve("b/growth").toString()), "amount"));
        assertEquals("run run-b\npid " + ProcessHandle.current().pid() + "\nstarted 2026-11-23T09:01:00Z\n",
                Files.readString(dir.resolve("b/_lock")));

        // Closed, even after a failure inside the block, the folder is free for the next run.
        assertThrows(IllegalStateException.class, () -> {
            try (OutputLock held = a.lock(NINE)) {
                throw new IllegalStateException("a stage failed");
            }
        });
        new OutputStore(spark, dir.resolve("a").toString(), "run-d").lock(NINE).close();
    }

    @Test
    void aLockHeldByAProcessKilledWithSigkillIsFreedByTheOs(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("python3"), "python3 holds the lock from another process");
        Path folder = dir.resolve("out");
        Files.createDirectories(folder);
        // fcntl.lockf takes the same POSIX record lock as FileChannel.tryLock on Linux.
        String holder = """
                import fcntl, os, sys, time
                f = open(sys.argv[1], 'a+')
                fcntl.lockf(f, fcntl.LOCK_EX)
                f.truncate(0); f.write('run run-killed\\npid %d\\nstarted 2026-11-23T08:00:00Z\\n' % os.getpid()); f.flush()
                print('locked', flush=True)
                time.sleep(300)
                """;
        Process process = new ProcessBuilder("python3", "-c", holder, folder.resolve("_lock").toString())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertEquals("locked", line);
            var error = assertThrows(ConfigException.class, () -> OutputLock.acquire(folder, "run-next", NINE));
            assertEquals("output folder " + folder + " is in use by another run (run run-killed, started "
                    + "2026-11-23T08:00:00Z); wait for it to finish", error.getMessage());
            // A run that may wait 1 s gives up after it, saying how long it waited.
            var timedOut = assertThrows(ConfigException.class, () -> OutputLock.acquire(folder, "run-patient", NINE,
                    java.time.Duration.ofSeconds(1), waiting -> { }));
            assertEquals("output folder " + folder + " is in use by another run (run run-killed, started "
                    + "2026-11-23T08:00:00Z); wait for it to finish (waited 1 s)", timedOut.getMessage());
        } finally {
            process.destroyForcibly(); // SIGKILL: the holder gets no chance to let go itself
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
        // The note of the killed run is still in the file, but its lock died with it.
        assertTrue(Files.readString(folder.resolve("_lock")).startsWith("run run-killed\n"));
        try (OutputLock lock = OutputLock.acquire(folder, "run-next", NINE)) {
            assertTrue(Files.readString(folder.resolve("_lock")).startsWith("run run-next\n"));
        }
    }

    @Test
    void aNoteWithoutItsFieldsStillGivesOneLine() {
        // A holder killed between taking the lock and writing its note leaves an empty file.
        assertEquals("output folder /o is in use by another run (run unknown, started unknown); wait for it to finish",
                OutputLock.inUse(Path.of("/o"), OutputLock.Holder.parse("")));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}

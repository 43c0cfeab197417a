package uk.carecast.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The CPU seconds of this JVM's threads whose names match, from Linux's {@code /proc/self/task}:
 * HotSpot's compiler and garbage-collector threads are hidden from Java's own thread beans, and the
 * JVM's own compile-time count is elapsed time, which counts a compile waiting for a busy core too.
 * On 2 cores HotSpot keeps one C1 and one C2 thread for the JVM's life, so the count is theirs
 * since start; with more cores it may stop spare compiler threads when idle, and a stopped thread's
 * CPU leaves the count, so there the compiler's figure can come out low. NaN where there is no
 * {@code /proc} (not Linux).
 */
final class ThreadCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux reports a thread's times in clock ticks, 100 a second on its common builds (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {
    }

    static double seconds(Predicate<String> threadName) {
        if (!Files.isDirectory(TASKS)) {
            return Double.NaN;
        }
        try (Stream<Path> threads = Files.list(TASKS)) {
            return threads.filter(t -> threadName.test(read(t.resolve("comm")).strip()))
                    .mapToLong(t -> ticks(read(t.resolve("stat"))))
                    .sum() / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /**
     * User plus system ticks from a {@code stat} line: {@code tid (name) state ...}, the 14th and 15th
     * fields. The name may hold spaces and brackets, so the fields are counted from its last ')'.
     */
    static long ticks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A thread that ended between listing and reading has no file: it counts as nothing. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}

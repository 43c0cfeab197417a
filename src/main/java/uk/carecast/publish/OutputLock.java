package uk.carecast.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import uk.carecast.config.ConfigException;

/**
 * One run at a time per output folder: an OS lock on {@code output/_lock}, held from before the first
 * stage to the end of the run, whether it succeeds or fails. A run that finds the folder in use waits
 * for it (up to the job's {@code lock_wait_seconds}), so two refreshes started together both commit,
 * one after the other, each over the other's history. The OS drops the lock when the process
 * dies, so a run killed with SIGKILL never blocks the next one (a marker file would, until someone
 * deleted it). The file stays between runs and names the last run that held it; only the lock says
 * whether that run is still going.
 *
 * <p>Only local folders are locked: HDFS and object stores have no such lock (see the README).
 */
public final class OutputLock implements AutoCloseable {

    public static final String FILE = "_lock";

    /** How often a waiting run tries the lock again. */
    private static final Duration POLL = Duration.ofMillis(500);

    /**
     * The lock files this JVM holds. A second run in the same JVM must not even open the file: on Linux,
     * closing any descriptor of a file drops every POSIX lock the process holds on it, the first run's too.
     */
    private static final Map<Path, Holder> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** For an output folder that cannot be locked (HDFS, object stores): holds nothing. */
    static OutputLock none() {
        return new OutputLock(null, null, null);
    }

    /**
     * Takes the lock of {@code outputFolder} for {@code runId}, or fails at once with a
     * {@link ConfigException} naming the run that holds it; a failed attempt changes no file.
     */
    public static OutputLock acquire(Path outputFolder, String runId, Instant started) {
        return acquire(outputFolder, runId, started, Duration.ZERO, waiting -> { });
    }

    /**
     * As {@link #acquire(Path, String, Instant)}, but while another run holds the folder, waits up to
     * {@code wait} for it to finish, telling {@code onWait} once whom it waits for. Two refreshes started
     * at once on one folder so both commit, one after the other, instead of the second failing.
     */
    public static OutputLock acquire(Path outputFolder, String runId, Instant started, Duration wait,
            Consumer<String> onWait) {
        Holder me = new Holder(runId, ProcessHandle.current().pid(), started.toString());
        Path file;
        try {
            Files.createDirectories(outputFolder);
            file = outputFolder.toRealPath().resolve(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the output folder " + outputFolder, e);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            Attempt attempt = attempt(outputFolder, file, me);
            if (attempt.lock() != null) {
                return attempt.lock();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ConfigException(inUse(outputFolder, attempt.holder())
                        + (wait.isZero() ? "" : " (waited " + wait.toSeconds() + " s)"));
            }
            if (!told) {
                onWait.accept(waiting(outputFolder, attempt.holder(), wait));
                told = true;
            }
            sleep(Math.min(POLL.toNanos(), Math.max(1, deadline - System.nanoTime())));
        }
    }

    /** The lock, or the run holding it; opening and closing the file here is safe because no run of this JVM holds it. */
    private static Attempt attempt(Path outputFolder, Path file, Holder me) {
        Holder here = HELD_HERE.putIfAbsent(file, me);
        if (here != null) {
            return new Attempt(null, here);
        }
        FileChannel channel = null;
        try {
            // No TRUNCATE_EXISTING: the holder's note must survive a second run opening the file.
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                Holder holder = Holder.parse(Files.readString(file, StandardCharsets.UTF_8));
                HELD_HERE.remove(file);
                closeQuietly(channel);
                return new Attempt(null, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new Attempt(new OutputLock(file, channel, lock), me);
        } catch (IOException e) {
            HELD_HERE.remove(file);
            closeQuietly(channel);
            throw OutputFullException.orAsIs(new UncheckedIOException("cannot lock the output folder " + outputFolder, e),
                    outputFolder.toString(), "writing the lock file", "nothing was published");
        } catch (RuntimeException e) {
            HELD_HERE.remove(file);
            closeQuietly(channel);
            throw e;
        }
    }

    private record Attempt(OutputLock lock, Holder holder) {
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while waiting for the output folder to be free", e);
        }
    }

    /** The line a run prints once when it starts waiting. */
    static String waiting(Path outputFolder, Holder holder, Duration wait) {
        return "output folder " + outputFolder + " is in use by run " + holder.runId() + " (started " + holder.started()
                + "); waiting up to " + wait.toSeconds() + " s for it to finish";
    }

    /** The one line a run that finds the folder locked ends with. */
    static String inUse(Path outputFolder, Holder holder) {
        return "output folder " + outputFolder + " is in use by another run (run " + holder.runId() + ", started "
                + holder.started() + "); wait for it to finish";
    }

    /** Null when another process, or another run in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Java keeps one lock per file per JVM: a lock taken in this JVM by other code than this class.
            return null;
        }
    }

    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
        HELD_HERE.remove(file);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The lock goes with the channel; nothing else is held.
            }
        }
    }

    /** What the lock file says about the run holding it; "unknown" for what a half-written note lacks. */
    record Holder(String runId, long pid, String started) {

        String text() {
            return "run " + runId + "\npid " + pid + "\nstarted " + started + "\n";
        }

        static Holder parse(String text) {
            return new Holder(field(text, "run").orElse("unknown"),
                    field(text, "pid").map(OutputLock::parsePid).orElse(-1L), field(text, "started").orElse("unknown"));
        }

        private static Optional<String> field(String text, String name) {
            return text.lines().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length() + 1).strip())
                    .filter(v -> !v.isEmpty()).findFirst();
        }
    }

    private static long parsePid(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}

package uk.carecast.spark;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs a few Spark jobs at once from the driver. Writing a table is partly driver work (planning,
 * committing its files, a Delta commit) while the cores wait; with a few writes in flight, one
 * job's driver work overlaps another's tasks.
 */
public final class Concurrently {

    /** Enough to keep two cores busy through the driver's pauses, few enough not to crowd the heap. */
    public static final int WRITERS = 4;

    private Concurrently() {
    }

    /**
     * Does {@code work} to each item, a few at once. Once one item's work has failed, the items not yet
     * started are skipped, as they would have been one by one. Every started item's work has ended
     * before this returns or throws, so nothing is still writing when a caller cleans up after a
     * failure; the failure of the earliest item in the list is rethrown as it was thrown, the others
     * suppressed under it. Only an interrupt of the waiting thread returns sooner.
     */
    public static <T> void forEach(List<T> items, Consumer<T> work) {
        forEach(items, work, () -> {
        });
    }

    /**
     * Works out {@code work} of each item, a few at once, as {@link #forEach(List, Consumer)} does, and returns
     * the results in the items' order (not the order they finished in), so a caller reports as it would have
     * one by one.
     */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        Object[] results = new Object[items.size()];
        // Each position is written by one task only, and forEach's wait on every task publishes the writes.
        forEach(IntStream.range(0, items.size()).boxed().toList(), i -> results[i] = work.apply(items.get(i)));
        @SuppressWarnings("unchecked")
        List<R> inOrder = (List<R>) Arrays.asList(results);
        return Collections.unmodifiableList(inOrder);
    }

    /**
     * As {@link #forEach(List, Consumer)}, calling {@code failureRecorded} once a failure has been recorded
     * and the items not yet started will be skipped: a test waits on it, rather than racing the recording.
     */
    static <T> void forEach(List<T> items, Consumer<T> work, Runnable failureRecorded) {
        if (items.isEmpty()) {
            return;
        }
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(WRITERS, items.size()));
        try {
            List<Future<?>> running = items.stream().<Future<?>>map(item -> pool.submit(() -> {
                if (failed.get()) {
                    return;
                }
                try {
                    work.accept(item);
                } catch (Throwable e) {
                    // Throwable: Spark throws its checked SparkException unchecked, and that must stop the rest too.
                    failed.set(true);
                    failureRecorded.run();
                    throw e;
                }
            })).toList();
            Throwable failure = null;
            for (Future<?> task : running) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else if (e.getCause() != failure) {
                        failure.addSuppressed(e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw Concurrently.<RuntimeException>rethrow(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark jobs", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Spark throws its checked SparkException unchecked; so does this, rather than wrap it in another. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable failure) throws E {
        throw (E) failure;
    }
}

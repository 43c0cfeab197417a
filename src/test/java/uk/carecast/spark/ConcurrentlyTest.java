package uk.carecast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    @Test
    void theStartedItemsEndAndTheRestAreSkippedBeforeTheFirstItemsFailureIsRethrownAsItWasThrown() {
        IllegalArgumentException first = new IllegalArgumentException("item 1");
        List<Integer> finished = new CopyOnWriteArrayList<>();
        CountDownLatch othersStarted = new CountDownLatch(3);
        CountDownLatch failureRecorded = new CountDownLatch(1);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Concurrently.forEach(List.of(1, 2, 3, 4, 5, 6), item -> {
                    if (item == 1) {
                        await(othersStarted);
                        throw first;
                    }
                    othersStarted.countDown();
                    // Not before the failure is recorded: a writer freed sooner could start item 5.
                    await(failureRecorded);
                    if (item == 2) {
                        throw new IllegalStateException("item 2");
                    }
                    finished.add(item);
                }, failureRecorded::countDown));

        // Items 1 to 4 start at once (4 writers), and 2 to 4 wait until 1's failure is recorded, so 5 and 6,
        // queued for a writer, are never started; 3 and 4 finish, and 2's failure is suppressed under item 1's.
        assertSame(first, thrown);
        assertEquals(List.of(3, 4), finished.stream().sorted().toList());
        assertEquals(List.of("item 2"), List.of(thrown.getSuppressed()).stream().map(Throwable::getMessage).toList());
    }

    @Test
    void oneFailureThrownByTwoItemsIsRethrownOnce() {
        IllegalStateException shared = new IllegalStateException("the disk is full");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Concurrently.forEach(List.of(1, 2), item -> {
                    throw shared;
                }));

        assertSame(shared, thrown);
        assertEquals(0, thrown.getSuppressed().length);
    }

    @Test
    void mapReturnsTheResultsInTheItemsOrderNotTheOrderTheyFinishedIn() {
        List<Integer> finishOrder = new CopyOnWriteArrayList<>();
        CountDownLatch othersFinished = new CountDownLatch(3);

        List<String> results = Concurrently.map(List.of(1, 2, 3, 4), item -> {
            if (item == 1) {
                await(othersFinished);
            }
            finishOrder.add(item);
            if (item != 1) {
                othersFinished.countDown();
            }
            return "table " + item;
        });

        // All four start at once (4 writers) and item 1 waits for the other three, so it finishes last,
        // yet its result still comes first.
        assertEquals(1, finishOrder.get(3));
        assertEquals(List.of("table 1", "table 2", "table 3", "table 4"), results);
    }

    @Test
    void mapRethrowsAnItemsFailureAsItWasThrown() {
        IllegalStateException failure = new IllegalStateException("table 2 is unreadable");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Concurrently.map(List.of(1, 2, 3), item -> {
                    if (item == 2) {
                        throw failure;
                    }
                    return item;
                }));

        assertSame(failure, thrown);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

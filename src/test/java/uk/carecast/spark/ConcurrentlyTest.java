package uk.carecast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    @Test
    void everyItemHasEndedWhenTheFirstFailureIsRethrownAsItWasThrown() {
        IllegalArgumentException first = new IllegalArgumentException("item 1");
        AtomicInteger finished = new AtomicInteger();

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Concurrently.forEach(List.of(1, 2, 3, 4, 5, 6), item -> {
                    if (item == 1) {
                        throw first;
                    }
                    pause(item == 2 ? 300 : 100);
                    if (item == 2) {
                        throw new IllegalStateException("item 2");
                    }
                    finished.incrementAndGet();
                }));

        // Items 3 to 6 finish, 5 and 6 after waiting for a free writer (4 at once): 4 of them.
        assertSame(first, thrown);
        assertEquals(4, finished.get());
        assertEquals(List.of("item 2"), List.of(thrown.getSuppressed()).stream().map(Throwable::getMessage).toList());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

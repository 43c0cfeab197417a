package uk.carecast.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real full disk is jobs/faults disk-full (a small tmpfs); this is how its sign is found in Spark's wrapping. */
class OutputFullExceptionTest {

    @Test
    void aFullDiskDeepInATaskFailureIsNamedWithTheStepAndWhatIsLeft() {
        // As Spark reports a task whose Parquet write hit ENOSPC: the job's exception, the task's, then the write's.
        RuntimeException failure = new IllegalStateException("Job aborted due to stage failure: Task 3 in stage 7.0 failed",
                new RuntimeException("Task failed while writing rows",
                        new UncheckedIOException(new IOException("No space left on device"))));
        RuntimeException named = OutputFullException.orAsIs(failure, "/data/out", "stage ingest", "nothing was published");

        assertTrue(named instanceof OutputFullException, named.toString());
        assertEquals("the disk of the output folder /data/out filled up during stage ingest (No space left on device):"
                + " nothing was published; free some space and run again", named.getMessage());
        assertSame(failure, named.getCause());
        assertEquals(Optional.of("Disk quota exceeded"),
                OutputFullException.sign(new UncheckedIOException(new IOException("Disk quota exceeded"))));
    }

    @Test
    void anyOtherFailureIsLeftAsItIs() {
        RuntimeException failure = new IllegalStateException("boom", new IOException("Permission denied"));
        assertSame(failure, OutputFullException.orAsIs(failure, "/data/out", "stage ingest", "nothing was published"));
        // A cause that is its own cause (a cycle) ends the search instead of looping.
        RuntimeException cycle = new RuntimeException("loop") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertEquals(Optional.empty(), OutputFullException.sign(cycle));
    }
}

package uk.carecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last-resort handler's line and trace file; the exit status is System.exit's, not testable in-process. */
class MainTest {

    @Test
    void anInternalErrorIsOneLineNamingTheExceptionClass() {
        // Spark's messages run over several lines, indented: folded to single spaces.
        assertEquals("java.lang.IllegalStateException: [INTERNAL_ERROR] plan failed: Project [a] +- Relation",
                Main.oneLine(new IllegalStateException("[INTERNAL_ERROR] plan failed:\n  Project [a]\n  +- Relation\n")));
        assertEquals("java.lang.NullPointerException: (no message)", Main.oneLine(new NullPointerException()));
        // 500 characters of message: the first 400 and an ellipsis, so the line stays readable.
        String line = Main.oneLine(new RuntimeException("x".repeat(500)));
        assertEquals("java.lang.RuntimeException: ".length() + 400 + "...".length(), line.length());
        assertTrue(line.endsWith("x..."), line);
    }

    @Test
    void theFullTraceGoesToAFileNamedByTheTime(@TempDir Path dir) throws IOException {
        var error = new IllegalStateException("outer", new java.io.IOException("No space left on device"));
        Path file = Main.writeTrace(error, dir.resolve("logs"), Instant.parse("2026-11-23T09:45:00.123Z"));
        assertEquals(dir.resolve("logs/carecast-error-20261123-094500-123.log"), file);
        String trace = Files.readString(file);
        assertTrue(trace.startsWith("java.lang.IllegalStateException: outer\n\tat uk.carecast.MainTest."), trace);
        assertTrue(trace.contains("Caused by: java.io.IOException: No space left on device"), trace);
    }
}

package uk.carecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code jobs/run} and {@code jobs/cluster} refuse a Java that carecast does not run on before they
 * build or start anything. A stand-in {@code java} first on PATH says which version it is; the
 * scripts must stop at its version line, so nothing else of it is needed.
 */
class JavaVersionCheckTest {

    private record Outcome(int exit, String errors) {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Java 25: Hadoop's Subject.getSubject call fails at start-up, so the reason names it.
            "jobs/run|openjdk version \"25.0.3\" 2026-04-21 LTS|Java 25.0.3: from Java 23 on, Hadoop's login code",
            "jobs/cluster|openjdk version \"23\" 2024-09-17|Java 23: from Java 23 on, Hadoop's login code",
            // Java 8 writes its version as 1.8: major version 8, below 17.
            "jobs/run|java version \"1.8.0_392\"|Java 1.8.0_392: it is built for Java 17"})
    void aJavaOutsideSeventeenToTwentyTwoStopsTheScriptWithTheReason(String script, String versionLine, String reason,
            @TempDir Path dir) throws Exception {
        Outcome outcome = run(dir, versionLine, script);
        assertEquals(2, outcome.exit(), outcome.errors());
        assertTrue(outcome.errors().startsWith(script + ": carecast runs on Java 17 or 21 (Spark 4.1's), but the java on PATH ("
                + dir.resolve("bin/java") + ") is " + reason), outcome.errors());
        assertTrue(outcome.errors().contains("Put a JDK 17 or 21 first on PATH."), outcome.errors());
        // Refused before the build: no "building carecast" line, no Maven.
        assertEquals(1, outcome.errors().lines().count(), outcome.errors());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"openjdk version \"17.0.15\" 2025-04-15", "openjdk version \"21.0.2\" 2024-01-16"})
    void javaSeventeenAndTwentyOnePassTheCheck(String versionLine, @TempDir Path dir) throws Exception {
        Outcome outcome = run(dir, versionLine, "jobs/check-java");
        assertEquals(0, outcome.exit(), outcome.errors());
        assertEquals("", outcome.errors());
    }

    @Test
    void aVersionLineItCannotReadIsSaidAsItIs(@TempDir Path dir) throws Exception {
        Outcome outcome = run(dir, "some other runtime 4", "jobs/run");
        assertEquals(2, outcome.exit(), outcome.errors());
        assertEquals("jobs/run: cannot tell which Java " + dir.resolve("bin/java")
                + " is (java -version said: some other runtime 4)", outcome.errors().strip());
    }

    /** Runs {@code script demand-forecast} with a stand-in java, saying {@code versionLine}, first on PATH. */
    private static Outcome run(Path dir, String versionLine, String script) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\ncat >&2 <<'LINE'\n" + versionLine + "\nLINE\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", script, "demand-forecast").redirectOutput(
                ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String errors = new String(process.getErrorStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script did not stop");
        return new Outcome(process.exitValue(), errors);
    }
}

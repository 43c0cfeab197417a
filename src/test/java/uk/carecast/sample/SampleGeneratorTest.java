package uk.carecast.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

    @Test
    void theSameSeedWritesTheSameBytes(@TempDir Path dir) throws IOException {
        for (String run : new String[] {"a", "b"}) {
            new SampleGenerator(new SampleConfig("generate-sample", dir.resolve(run).toString(), 7L, 1, null, null, null))
                    .writeAll(new PrintStream(new ByteArrayOutputStream()));
        }
        for (String file : new String[] {"service_users.csv.gz", "placements.csv.gz", "cost_assumptions.csv", "budgets.csv",
                "transitions.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)),
                    file);
        }
    }

    @Test
    void theCommittedSampleIsWhatTheJobFileGenerates(@TempDir Path dir) throws IOException {
        var config = uk.carecast.config.JobFile.read(Path.of("jobs/generate-sample.yaml"),
                java.util.List.of("out=" + dir)).bind(SampleConfig.class);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        new SampleGenerator(config).writeAll(new PrintStream(progress));
        for (String file : new String[] {"service_users.csv.gz", "placements.csv.gz", "cost_assumptions.csv", "budgets.csv",
                "transitions.csv"}) {
            assertArrayEquals(Files.readAllBytes(Path.of("data/sample").resolve(file)), Files.readAllBytes(dir.resolve(file)),
                    file + " differs from a fresh jobs/run generate-sample");
        }
        assertTrue(progress.toString().contains("people"), progress.toString());
    }
}

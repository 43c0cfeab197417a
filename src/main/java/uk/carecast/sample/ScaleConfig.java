package uk.carecast.sample;

import uk.carecast.config.ConfigException;

/**
 * Every council at once: {@code scale_factor} councils (1 = the sample council alone), the folder
 * to write to (default {@code target/scale/sf<N>}), the seed, the placement history window and
 * the SNPP files of the sample council that the synthetic councils' populations are scaled from.
 */
public record ScaleConfig(String job, int scaleFactor, String out, Long seed, String historyStart, String latest,
        String population, Integer partitions) implements java.io.Serializable {

    public ScaleConfig {
        if (scaleFactor < 1) {
            throw new ConfigException("scale_factor must be 1 or more, got " + scaleFactor);
        }
        out = out == null ? "target/scale/sf" + scaleFactor : out;
        seed = seed == null ? 20201231L : seed;
        historyStart = historyStart == null ? "2019-04-01" : historyStart;
        latest = latest == null ? "2025-09-30" : latest;
        population = population == null ? "data/sample/population" : population;
        partitions = partitions == null ? Math.max(1, Math.min(scaleFactor, 16)) : partitions;
    }
}

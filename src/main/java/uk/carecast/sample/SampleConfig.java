package uk.carecast.sample;

import uk.carecast.config.ConfigException;

/**
 * The synthetic council: where to write it, the random seed, a scale factor (1 = one council of
 * Manchester's size), its ONS code and the placement history window.
 */
public record SampleConfig(String job, String out, long seed, int scale, String laCode, String historyStart,
        String latest) {

    public SampleConfig {
        if (out == null) {
            throw new ConfigException("generate-sample needs 'out', the folder to write to");
        }
        if (scale < 1) {
            throw new ConfigException("scale must be 1 or more, got " + scale);
        }
        laCode = laCode == null ? "E08000003" : laCode;
        historyStart = historyStart == null ? "2019-04-01" : historyStart;
        latest = latest == null ? "2025-09-30" : latest;
    }
}

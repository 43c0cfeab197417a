package uk.carecast.pipeline;

import java.util.List;

/** What one stage did: rows read, rows written, seconds, and the tables it wrote. */
public record StageReport(String stage, long rowsIn, long rowsOut, double seconds, List<String> tables) {

    public String line() {
        return String.format("stage %-18s %,12d rows in %,12d rows out %7.1f s  -> %s", stage, rowsIn, rowsOut,
                seconds, String.join(", ", tables));
    }
}

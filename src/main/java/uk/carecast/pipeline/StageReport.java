package uk.carecast.pipeline;

import java.util.List;

/**
 * What one stage did: rows read, rows written, seconds, the driver's peak heap while it ran, and
 * the tables it wrote.
 */
public record StageReport(String stage, long rowsIn, long rowsOut, double seconds, long peakHeapBytes,
        List<String> tables) {

    public String line() {
        return String.format("stage %-18s %,12d rows in %,12d rows out %7.1f s %,7d MB heap  -> %s", stage, rowsIn,
                rowsOut, seconds, peakHeapBytes >> 20, String.join(", ", tables));
    }

    /** Rows read and written a second; the work a stage does grows with both. */
    public double rowsPerSecond() {
        return seconds > 0 ? (rowsIn + rowsOut) / seconds : 0;
    }
}

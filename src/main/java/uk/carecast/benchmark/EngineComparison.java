package uk.carecast.benchmark;

/**
 * One aggregation run on both engines over the same Parquet: seconds each (read, aggregate, write
 * Parquet), rows each, and rows that are in one result and not the other (0 when they agree).
 */
record EngineComparison(String stage, double sparkSeconds, double duckdbSeconds, long sparkRows, long duckdbRows,
        long differingRows) {

    double ratio() {
        return sparkSeconds / duckdbSeconds;
    }

    boolean same() {
        return differingRows == 0 && sparkRows == duckdbRows;
    }

    String line() {
        return String.format("%-16s spark %7.2f s  duckdb %7.2f s  ratio %5.2f x  rows %,d / %,d  %s", stage,
                sparkSeconds, duckdbSeconds, ratio(), sparkRows, duckdbRows,
                same() ? "same numbers" : differingRows + " rows DIFFER");
    }
}

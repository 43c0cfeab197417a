package uk.carecast.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * One aggregation run on both engines over the same Parquet, in rounds (Spark, then DuckDB, each
 * reading, aggregating and writing Parquet): the seconds of every round, rows each, and rows that
 * are in one result and not the other (0 when they agree).
 *
 * <p>The first round is "cold": in a fresh JVM it includes HotSpot compiling Spark's generated
 * code, which at SF150 was about half of Spark's time. The later rounds are "hot", as a query
 * repeated in a long-lived session would run; their median is reported beside the first round,
 * never in place of it.
 */
record EngineComparison(String stage, List<Double> sparkSeconds, List<Double> duckdbSeconds, long sparkRows,
        long duckdbRows, long differingRows) {

    EngineComparison {
        if (sparkSeconds.isEmpty() || sparkSeconds.size() != duckdbSeconds.size()) {
            throw new IllegalArgumentException("each engine needs the same number of rounds, at least one");
        }
        sparkSeconds = List.copyOf(sparkSeconds);
        duckdbSeconds = List.copyOf(duckdbSeconds);
    }

    int rounds() {
        return sparkSeconds.size();
    }

    double coldSpark() {
        return sparkSeconds.get(0);
    }

    double coldDuckdb() {
        return duckdbSeconds.get(0);
    }

    double coldRatio() {
        return coldSpark() / coldDuckdb();
    }

    boolean hasHotRounds() {
        return rounds() > 1;
    }

    double hotSpark() {
        return median(sparkSeconds.subList(1, rounds()));
    }

    double hotDuckdb() {
        return median(duckdbSeconds.subList(1, rounds()));
    }

    double hotRatio() {
        return hotSpark() / hotDuckdb();
    }

    boolean same() {
        return differingRows == 0 && sparkRows == duckdbRows;
    }

    String line() {
        String cold = String.format(Locale.ROOT, "first run: spark %6.2f s, duckdb %6.2f s, ratio %5.2f x",
                coldSpark(), coldDuckdb(), coldRatio());
        String hot = hasHotRounds()
                ? String.format(Locale.ROOT,
                        "; later runs (median of %d): spark %6.2f s, duckdb %6.2f s, ratio %5.2f x",
                        rounds() - 1, hotSpark(), hotDuckdb(), hotRatio())
                : "";
        return String.format(Locale.ROOT, "%-16s %s%s; rows %,d / %,d  %s", stage, cold, hot, sparkRows, duckdbRows,
                same() ? "same numbers" : differingRows + " rows DIFFER");
    }

    /** The JSON line's figures; the first run keeps the keys earlier lines used for it, so old and new lines compare. */
    Map<String, Object> figures(DoubleUnaryOperator round) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("spark_seconds", round.applyAsDouble(coldSpark()));
        figures.put("duckdb_seconds", round.applyAsDouble(coldDuckdb()));
        figures.put("ratio", round.applyAsDouble(coldRatio()));
        figures.put("rounds", rounds());
        if (hasHotRounds()) {
            figures.put("hot_spark_seconds", round.applyAsDouble(hotSpark()));
            figures.put("hot_duckdb_seconds", round.applyAsDouble(hotDuckdb()));
            figures.put("hot_ratio", round.applyAsDouble(hotRatio()));
        }
        figures.put("same", same());
        return figures;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

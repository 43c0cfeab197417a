package uk.carecast.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineComparisonTest {

    @Test
    void firstRunAndLaterRunsAreReportedApart() {
        EngineComparison c = new EngineComparison("demand_snapshot", List.of(26.0, 14.0, 12.0), List.of(6.5, 5.0, 6.0),
                100, 100, 0);
        // First run: 26.0 / 6.5 = 4.0. Later runs: Spark's median of 14.0 and 12.0 is 13.0, DuckDB's of
        // 5.0 and 6.0 is 5.5, so 13.0 / 5.5 = 2.3636...
        assertEquals(4.0, c.coldRatio(), 1e-9);
        assertEquals(13.0, c.hotSpark(), 1e-9);
        assertEquals(5.5, c.hotDuckdb(), 1e-9);
        assertEquals(13.0 / 5.5, c.hotRatio(), 1e-9);
        assertEquals("demand_snapshot  first run: spark  26.00 s, duckdb   6.50 s, ratio  4.00 x; later runs (median of 2):"
                + " spark  13.00 s, duckdb   5.50 s, ratio  2.36 x; rows 100 / 100  same numbers", c.line());
    }

    @Test
    void medianOfAnOddNumberIsTheMiddleValue() {
        // 9, 3, 5 sorted is 3, 5, 9: the middle is 5.
        assertEquals(5.0, EngineComparison.median(List.of(9.0, 3.0, 5.0)), 1e-9);
    }

    @Test
    void oneRoundHasNoLaterRuns() {
        EngineComparison c = new EngineComparison("unit_costs", List.of(10.0), List.of(4.0), 7, 7, 0);
        assertFalse(c.hasHotRounds());
        // 10.0 / 4.0 = 2.5
        assertEquals("unit_costs       first run: spark  10.00 s, duckdb   4.00 s, ratio  2.50 x; rows 7 / 7  same numbers",
                c.line());
    }

    @Test
    void differingRowsAreNotTheSame() {
        EngineComparison c = new EngineComparison("unit_costs", List.of(10.0), List.of(4.0), 7, 7, 2);
        assertFalse(c.same());
        assertTrue(c.line().endsWith("2 rows DIFFER"));
    }

    @Test
    void eachEngineNeedsTheSameRounds() {
        assertThrows(IllegalArgumentException.class,
                () -> new EngineComparison("unit_costs", List.of(1.0, 2.0), List.of(1.0), 1, 1, 0));
    }

    @Test
    void figuresKeepTheFirstRunUnderTheOldKeysAndAddTheLaterRuns() {
        EngineComparison c = new EngineComparison("demand_snapshot", List.of(26.0, 14.0, 12.0), List.of(6.5, 5.0, 6.0),
                100, 100, 0);
        // Rounded to 2 places: first run 26.0 / 6.5 = 4.0; later runs 13.0 / 5.5 = 2.3636... -> 2.36.
        Map<String, Object> figures = c.figures(BenchmarkCommand::round);
        assertEquals(List.of("spark_seconds", "duckdb_seconds", "ratio", "rounds", "hot_spark_seconds",
                "hot_duckdb_seconds", "hot_ratio", "same"), List.copyOf(figures.keySet()));
        assertEquals(26.0, figures.get("spark_seconds"));
        assertEquals(6.5, figures.get("duckdb_seconds"));
        assertEquals(4.0, figures.get("ratio"));
        assertEquals(3, figures.get("rounds"));
        assertEquals(13.0, figures.get("hot_spark_seconds"));
        assertEquals(5.5, figures.get("hot_duckdb_seconds"));
        assertEquals(2.36, figures.get("hot_ratio"));
        assertEquals(true, figures.get("same"));
    }

    @Test
    void oneRoundHasNoLaterRunFigures() {
        EngineComparison c = new EngineComparison("unit_costs", List.of(10.0), List.of(4.0), 7, 7, 2);
        // 10.0 / 4.0 = 2.5; two differing rows are not the same numbers.
        assertEquals(Map.of("spark_seconds", 10.0, "duckdb_seconds", 4.0, "ratio", 2.5, "rounds", 1, "same", false),
                c.figures(x -> x));
    }
}

package uk.carecast.refresh;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one refresh said, as far as its variance needs: its cost projection (cells with their
 * price index), the population it projected with, its growth requirement (every scenario), and
 * the scenario its budget rolled forward.
 */
public record RefreshFigures(Dataset<Row> costProjection, Dataset<Row> population, Dataset<Row> growthRequirement,
        String budgetScenario) {
}

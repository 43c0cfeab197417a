package uk.carecast.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class RefreshVarianceTest {

    @Test
    void theChangeSinceTheLastRefreshSplitsIntoVolumeUnitCostAndAssumptions(SparkSession spark) {
        Dataset<Row> previous = costs(spark, "('E1', 'Other Care', '2026/27', 10.0, 11000.00, 1.10)");
        Dataset<Row> current = costs(spark, "('E1', 'Other Care', '2026/27', 12.0, 14742.00, 1.17),"
                + " ('E1', 'Reablement', '2026/27', 5.0, 1000.00, 1.00)");

        var variance = RefreshVarianceStage.variance(current, previous, "2026Q1");

        // Other Care: base-price cost 11,000 / 1.10 = 10,000 before, 14,742 / 1.17 = 12,600 now; change 3,742.
        // Volume = (12 − 10) × 10,000 / 10 = 2,000; unit cost = 12,600 − 10,000 − 2,000 = 600;
        // assumptions = (14,742 − 12,600) − (11,000 − 10,000) = 1,142; 2,000 + 600 + 1,142 = 3,742.
        // Reablement is new: no previous cost per client, so its 1,000 is all unit cost.
        assertEquals(List.of("Other Care|2026Q1|3742.00|2000.00|600.00|1142.00",
                        "Reablement|2026Q1|1000.00|0.00|1000.00|0.00"),
                Frames.rows(variance, "service_area", "previous_refresh_id", "change", "volume", "unit_cost",
                        "assumptions"));
    }

    private static Dataset<Row> costs(SparkSession spark, String values) {
        return spark.sql("select la_code, service_area, financial_year, cast(c as decimal(18,4)) projected_clients,"
                + " cast(g as decimal(18,2)) gross_cost, cast(i as decimal(20,10)) price_index from values " + values
                + " as t(la_code, service_area, financial_year, c, g, i)");
    }
}

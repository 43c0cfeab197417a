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
    void theChangeSinceTheLastRefreshSplitsIntoItsCauses(SparkSession spark) {
        RefreshFigures previous = new RefreshFigures(
                costs(spark, "('E1', 'Other Care', '2026/27', 10.0, 11000.00, 1.10)"),
                population(spark, 1000),
                growth(spark, "('do_nothing', 'demography', 300.00), ('do_nothing', 'inflation', 200.00),"
                        + " ('better_outcomes', 'demography', 400.00)"),
                "do_nothing");
        RefreshFigures current = new RefreshFigures(
                costs(spark, "('E1', 'Other Care', '2026/27', 12.0, 14742.00, 1.17),"
                        + " ('E1', 'Reablement', '2026/27', 5.0, 1000.00, 1.00)"),
                population(spark, 1050),
                growth(spark, "('do_nothing', 'demography', 450.00), ('do_nothing', 'inflation', 250.00),"
                        + " ('better_outcomes', 'demography', 600.00)"),
                "better_outcomes");

        var variance = RefreshVarianceStage.variance(current, previous, "2026Q1");

        // Other Care: base-price cost 11,000 / 1.10 = 10,000 before, 14,742 / 1.17 = 12,600 now; change 3,742.
        // All client change at the previous 1,000 per client: (12 − 10) × 10,000 / 10 = 2,000, of which the new
        // population (1,050 women 65-74 against 1,000) brings 10,000 × 50 / 1,000 = 500 and the rest 1,500;
        // unit cost = 12,600 − 10,000 − 2,000 = 600; assumptions = (14,742 − 12,600) − (11,000 − 10,000) = 1,142;
        // 500 + 1,500 + 600 + 1,142 = 3,742.
        // Growth: the budget now rolls forward better_outcomes (600) where it took do-nothing (500): change 100;
        // do-nothing moved 700 − 500 = 200; the scenario part (600 − 700) − (500 − 500) = −100; 200 − 100 = 100.
        // Reablement is new: no previous cost per client, so its 1,000 is all unit cost; it has no growth.
        assertEquals(List.of("Other Care|2026Q1|3742.00|500.00|1500.00|600.00|1142.00|100.00|200.00|-100.00",
                        "Reablement|2026Q1|1000.00|0.00|0.00|1000.00|0.00|0.00|0.00|0.00"),
                Frames.rows(variance, "service_area", "previous_refresh_id", "change", "population", "volume",
                        "unit_cost", "assumptions", "growth_change", "growth_demand", "scenarios"));
    }

    private static Dataset<Row> costs(SparkSession spark, String values) {
        return spark.sql("select la_code, service_area, financial_year, 'F' sex, '65-74' age_band,"
                + " cast(c as decimal(18,4)) projected_clients, cast(g as decimal(18,2)) gross_cost,"
                + " cast(i as decimal(20,10)) price_index from values " + values
                + " as t(la_code, service_area, financial_year, c, g, i)");
    }

    private static Dataset<Row> population(SparkSession spark, int women65to74) {
        return spark.sql("select 'E1' la_code, 'F' sex, '65-74' age_band, '2026/27' financial_year,"
                + " cast(" + women65to74 + " as decimal(18,5)) population");
    }

    private static Dataset<Row> growth(SparkSession spark, String values) {
        return spark.sql("select 'E1' la_code, scenario, 'Other Care' service_area, '2026/27' financial_year, driver,"
                + " cast(a as decimal(18,2)) amount from values " + values + " as t(scenario, driver, a)");
    }
}

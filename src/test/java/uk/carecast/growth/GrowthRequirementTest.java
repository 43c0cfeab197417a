package uk.carecast.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.ingest.Money;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class GrowthRequirementTest {

    static final StructType COST = new StructType()
            .add("la_code", DataTypes.StringType).add("primary_support_reason", DataTypes.StringType)
            .add("age_band", DataTypes.StringType).add("sex", DataTypes.StringType)
            .add("setting", DataTypes.StringType).add("service_area", DataTypes.StringType)
            .add("financial_year", DataTypes.StringType).add("projected_clients", ProjectionStage.CLIENT_COUNT)
            .add("gross_cost", Money.POUNDS);

    @Test
    void splitsEachYearsChangeIntoDemographyAndPriceThatAddUpToThePenny(SparkSession spark) {
        var cost = Frames.of(spark, COST,
                cell("residential", "2025/26", "10", "260714.29"),
                cell("residential", "2026/27", "11", "306860.71"),
                cell("home_care", "2025/26", "3", "1000.00"),
                cell("home_care", "2026/27", "2.5", "900.00"));
        var growth = GrowthRequirementStage.growth(cost);

        // Residential: change 306,860.71 - 260,714.29 = 46,146.42; demography (11 - 10) × 260,714.29 / 10
        // = 26,071.429 → 26,071.43; price = 46,146.42 - 26,071.43 = 20,074.99 (≈ 11 × (27,896.43 - 26,071.43)
        // = 20,075.00, a penny of rounding). Home care: change 900 - 1000 = -100.00; demography
        // (2.5 - 3) × 1000 / 3 = -166.666… → -166.67; price = -100.00 + 166.67 = 66.67.
        // Same service area: demography 26,071.43 - 166.67 = 25,904.76; price 20,074.99 + 66.67 = 20,141.66;
        // together 46,046.42 = the area's change (307,760.71 - 261,714.29).
        assertEquals(List.of("2026/27|demography|25904.76", "2026/27|price|20141.66"),
                Frames.rows(growth, "financial_year", "driver", "amount"));
    }

    private static Object[] cell(String setting, String year, String clients, String cost) {
        return new Object[] {"E1", "R", "65-74", "Female", setting, "Other Care", year,
                new BigDecimal(clients).setScale(4), money(cost)};
    }
}

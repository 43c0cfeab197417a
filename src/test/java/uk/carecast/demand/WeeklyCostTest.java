package uk.carecast.demand;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.money;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.ingest.Money;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class WeeklyCostTest {

    @Test
    void everyFrequencyBecomesAWeeklyEquivalent(SparkSession spark) {
        StructType schema = new StructType()
                .add("id", DataTypes.StringType)
                .add("unit_cost", Money.POUNDS)
                .add("cost_frequency", DataTypes.StringType)
                .add("units_per_week", DataTypes.createDecimalType(10, 2));
        var df = Frames.of(spark, schema,
                new Object[] {"hourly", money("21.50"), "hourly", money("12.00")},
                new Object[] {"daily", money("110.00"), "daily", null},
                new Object[] {"weekly", money("850.00"), "weekly", null},
                new Object[] {"four_weekly", money("1400.00"), "four_weekly", null},
                new Object[] {"monthly", money("3000.00"), "monthly", null},
                new Object[] {"annual", money("60000.00"), "annual", null},
                new Object[] {"one_off", money("500.00"), "one_off", null});
        var weekly = df.select(col("id"),
                Money.toPence(WeeklyCost.of(col("unit_cost"), col("cost_frequency"), col("units_per_week"))).as("w"));
        // hourly 21.50 × 12 h = 258.00; daily 110 × 7 = 770.00; weekly 850.00; four-weekly 1400 ÷ 4 = 350.00;
        // monthly 3000 × 12 ÷ (365.25 ÷ 7) = 36000 ÷ 52.178571… = 689.938… → 689.94; annual 60000 ÷ 52.178571… = 1149.90;
        // one-off: no weekly equivalent.
        assertEquals(List.of("annual|1149.90", "daily|770.00", "four_weekly|350.00", "hourly|258.00",
                "monthly|689.94", "one_off|null", "weekly|850.00"), Frames.rows(weekly, "id", "w"));
    }
}

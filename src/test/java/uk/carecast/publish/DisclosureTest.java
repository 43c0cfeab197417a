package uk.carecast.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class DisclosureTest {

    static final StructType SCHEMA = new StructType()
            .add("setting", DataTypes.StringType).add("age_band", DataTypes.StringType).add("clients", DataTypes.LongType);

    static Object[][] table() {
        return new Object[][] {
                {"home_care", "18-64", 3L}, {"home_care", "65-74", 10L}, {"home_care", "75-84", 12L}, {"home_care", "85+", 7L},
                {"nursing", "65-74", 20L}, {"nursing", "75-84", 2L}, {"nursing", "85+", 1L},
                {"day_care", "18-64", 40L}, {"day_care", "65-74", 25L}};
    }

    @Test
    void suppressesSmallCountsAndOneMoreWhereATotalWouldGiveThemAway(SparkSession spark) {
        var published = Disclosure.suppress(Frames.of(spark, SCHEMA, table()), "clients", List.of("setting"));
        // Home care: 3 is suppressed; alone in its setting, the setting total (32) minus the others would
        // reveal it, so the smallest other cell, 7 (85+), goes too. Nursing: 2 and 1 are both suppressed,
        // their sum is all the total reveals. Day care: nothing under 5.
        assertEquals(List.of(
                        "day_care|18-64|40|false", "day_care|65-74|25|false",
                        "home_care|18-64|null|true", "home_care|65-74|10|false", "home_care|75-84|12|false",
                        "home_care|85+|null|true",
                        "nursing|65-74|20|false", "nursing|75-84|null|true", "nursing|85+|null|true"),
                Frames.rows(published, "setting", "age_band", "clients", "suppressed"));
    }

    @Test
    void roundsEveryCountToTheNearestFive(SparkSession spark) {
        var published = Disclosure.roundToFive(Frames.of(spark, SCHEMA, table()), "clients");
        // 3 → 5, 10 → 10, 12 → 10, 7 → 5, 20 → 20, 2 → 0, 1 → 0, 40 → 40, 25 → 25.
        assertEquals(List.of("day_care|18-64|40", "day_care|65-74|25", "home_care|18-64|5", "home_care|65-74|10",
                        "home_care|75-84|10", "home_care|85+|5", "nursing|65-74|20", "nursing|75-84|0", "nursing|85+|0"),
                Frames.rows(published, "setting", "age_band", "clients"));
    }
}

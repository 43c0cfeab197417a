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
    void eachCountOfARowIsJudgedOnItsOwn(SparkSession spark) {
        StructType schema = new StructType().add("setting", DataTypes.StringType).add("age_band", DataTypes.StringType)
                .add("admissions", DataTypes.LongType).add("exits", DataTypes.LongType);
        var flows = Frames.of(spark, schema, new Object[][] {
                {"home_care", "18-64", 3L, 6L}, {"home_care", "65-74", 10L, 2L}, {"home_care", "75-84", 12L, 9L},
                {"nursing", "65-74", 20L, 1L}, {"nursing", "75-84", 20L, 7L}, {"nursing", "85+", 30L, 7L}});
        var published = Disclosure.suppress(flows, List.of("admissions", "exits"), List.of("setting"),
                List.of("admissions_suppressed", "exits_suppressed"));
        // Home care admissions: 3 goes, then the smallest other, 10 (65-74). Home care exits: 2 goes, then the
        // smallest other, 6 (18-64). Nursing admissions: nothing under 5. Nursing exits: 1 goes; the smallest
        // others tie at 7, and the next column, age band, picks "75-84" before "85+".
        assertEquals(List.of("home_care|18-64|null|null|true|true", "home_care|65-74|null|null|true|true",
                        "home_care|75-84|12|9|false|false", "nursing|65-74|20|null|false|true",
                        "nursing|75-84|20|null|false|true", "nursing|85+|30|7|false|false"),
                Frames.rows(published, "setting", "age_band", "admissions", "exits", "admissions_suppressed",
                        "exits_suppressed"));
    }

    @Test
    void aTieIsBrokenByTheColumnsOutsideTheGroupEvenWhereAGroupValueIsNull(SparkSession spark) {
        StructType schema = new StructType().add("area", DataTypes.StringType).add("setting", DataTypes.StringType)
                .add("age_band", DataTypes.StringType).add("clients", DataTypes.LongType);
        var table = Frames.of(spark, schema, new Object[][] {
                {null, "home_care", "18-64", 2L}, {null, "home_care", "65-74", 8L}, {null, "home_care", "75-84", 8L},
                {null, "home_care", "85+", 9L},
                {"E08000003", "home_care", "18-64", 2L}, {"E08000003", "home_care", "65-74", 8L}});
        var published = Disclosure.suppress(table, "clients", List.of("area", "setting"));
        // The rows without an area are one group of their own: 2 goes, then the smallest other, where 8 and 8 tie
        // and the age band picks "65-74" before "75-84"; 9 stays. E08000003's 2 goes, and its only other cell, 8.
        assertEquals(List.of("E08000003|home_care|18-64|null|true", "E08000003|home_care|65-74|null|true",
                        "null|home_care|18-64|null|true", "null|home_care|65-74|null|true",
                        "null|home_care|75-84|8|false", "null|home_care|85+|9|false"),
                Frames.rows(published, "area", "setting", "age_band", "clients", "suppressed"));
    }

    @Test
    void roundsEveryCountToTheNearestFive(SparkSession spark) {
        var published = Disclosure.roundToFive(Frames.of(spark, SCHEMA, table()), "clients");
        // 3 → 5, 10 → 10, 12 → 10, 7 → 5, 20 → 20, 2 → 0, 1 → 0, 40 → 40, 25 → 25.
        assertEquals(List.of("day_care|18-64|40", "day_care|65-74|25", "home_care|18-64|5", "home_care|65-74|10",
                        "home_care|75-84|10", "home_care|85+|5", "nursing|65-74|20", "nursing|75-84|0", "nursing|85+|0"),
                Frames.rows(published, "setting", "age_band", "clients"));
    }

    @Test
    void aPublishedTableLosesTheFiguresThatWouldGiveASuppressedCountAway(SparkSession spark) {
        StructType schema = new StructType().add("setting", DataTypes.StringType).add("age_band", DataTypes.StringType)
                .add("clients", DataTypes.LongType).add("mean_weekly_cost", DataTypes.createDecimalType(18, 2));
        var unitCosts = Frames.of(spark, schema, new Object[][] {
                {"home_care", "18-64", 3L, new java.math.BigDecimal("100.00")},
                {"home_care", "65-74", 10L, new java.math.BigDecimal("200.00")},
                {"home_care", "75-84", 12L, new java.math.BigDecimal("300.00")},
                {"nursing", "65-74", 20L, new java.math.BigDecimal("900.00")},
                {"nursing", "75-84", 6L, new java.math.BigDecimal("800.00")}});
        // Home care's 3 goes, then its smallest other cell (10) so the setting total cannot give it away; the
        // mean cost of those few people goes with each count. Nursing has nothing under 5.
        assertEquals(List.of("home_care|18-64|null|null|true", "home_care|65-74|null|null|true",
                        "home_care|75-84|12|300.00|false", "nursing|65-74|20|900.00|false", "nursing|75-84|6|800.00|false"),
                Frames.rows(PublishedSet.protect("unit_costs", unitCosts),
                        "setting", "age_band", "clients", "mean_weekly_cost", "suppressed"));
    }

    @Test
    void aModelledCountUnderFiveIsSuppressedButMoneyStays(SparkSession spark) {
        StructType schema = new StructType().add("setting", DataTypes.StringType).add("age_band", DataTypes.StringType)
                .add("projected_clients", DataTypes.createDecimalType(18, 4))
                .add("weekly_unit_cost", DataTypes.createDecimalType(18, 2))
                .add("gross_cost", DataTypes.createDecimalType(18, 2));
        var projection = Frames.of(spark, schema, new Object[][] {
                {"nursing", "65-74", new java.math.BigDecimal("4.9000"), new java.math.BigDecimal("1000.00"),
                        new java.math.BigDecimal("255500.00")},
                {"nursing", "75-84", new java.math.BigDecimal("0.0000"), new java.math.BigDecimal("900.00"),
                        new java.math.BigDecimal("0.00")},
                {"nursing", "85+", new java.math.BigDecimal("5.0000"), new java.math.BigDecimal("800.00"),
                        new java.math.BigDecimal("208571.43")}});
        // 4.9 stands for one to four people: suppressed, and its unit cost with it (gross ÷ unit cost would
        // rebuild the count). 0 is not a disclosure; 5.0 is the smallest other non-zero cell, so it goes too.
        // Gross cost stays on every row: the budget totals must still add up.
        assertEquals(List.of("nursing|65-74|null|null|255500.00|true", "nursing|75-84|0.0000|900.00|0.00|false",
                        "nursing|85+|null|null|208571.43|true"),
                Frames.rows(PublishedSet.protect("cost_projection", projection),
                        "setting", "age_band", "projected_clients", "weekly_unit_cost", "gross_cost", "suppressed"));
    }
}

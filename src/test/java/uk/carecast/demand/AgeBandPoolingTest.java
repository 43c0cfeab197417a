package uk.carecast.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;
import static uk.carecast.support.Frames.money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.config.NetCost;
import uk.carecast.config.RateOptions;
import uk.carecast.ingest.Contracts;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class AgeBandPoolingTest {

    private static final List<LocalDate> SNAPSHOT = List.of(LocalDate.parse("2025-03-31"));

    @Test
    void fiveYearCellsStandWhereEveryOneHoldsEnoughPeople(SparkSession spark) {
        // 65-74 home care: two people of 66-67 (65-69) and three of 71-73 (70-74); both cells hold at least 2.
        // 75-84: three people of 81-83 and nobody 75-79, so that group pools whatever the threshold.
        var snapshot = snapshot(spark, new RateOptions("five_year", 2));

        assertEquals(List.of("65-69|2", "70-74|3", "75-84|3"), Frames.rows(snapshot, "age_band", "clients"));
    }

    @Test
    void aGroupWithASmallCellPoolsIntoItsBroadBand(SparkSession spark) {
        // With a threshold of 3, 65-69 (2 people) is too small: all five 65-74s form one cell, 2 + 3 = 5.
        var snapshot = snapshot(spark, new RateOptions("five_year", 3));

        assertEquals(List.of("65-74|5|500.00", "75-84|3|300.00"),
                Frames.rows(snapshot, "age_band", "clients", "weekly_cost"));
    }

    @Test
    void broadBandsAreTheDefault(SparkSession spark) {
        var snapshot = snapshot(spark, RateOptions.DEFAULTS);

        assertEquals(List.of("65-74|5", "75-84|3"), Frames.rows(snapshot, "age_band", "clients"));
    }

    private static Dataset<Row> snapshot(SparkSession spark, RateOptions rates) {
        // Born in January, so age on 31 March 2025 = 2025 - birth year.
        int[] ages = {66, 67, 71, 72, 73, 81, 82, 83};
        List<Object[]> users = new ArrayList<>();
        List<Object[]> placements = new ArrayList<>();
        for (int i = 0; i < ages.length; i++) {
            users.add(new Object[] {"P" + i, 2025 - ages[i], 1, "Female", null, "E1", DemandSnapshotTest.PC, null});
            placements.add(new Object[] {"H" + i, "P" + i, "home_care", "external", date("2024-01-01"), null,
                    money("100.00"), "weekly", null, "la", null});
        }
        return DemandSnapshotStage.snapshot(SNAPSHOT,
                Frames.of(spark, Contracts.PLACEMENTS.curatedSchema(), placements.toArray(Object[][]::new)),
                Frames.of(spark, Contracts.SERVICE_USERS.curatedSchema(), users.toArray(Object[][]::new)),
                NetCost.DEFAULTS, rates);
    }
}

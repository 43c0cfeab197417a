package uk.carecast.demand;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.ingest.Columns.*;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.NetCost;
import uk.carecast.population.AgeBands;

/**
 * Placements active on each snapshot date, one row per placement and date, with the person's
 * attributes on that date. Active on d: start ≤ d, end empty or ≥ d, and not dead before d.
 * The snapshot dates are a handful of rows, broadcast and filtered in the join, so nothing is
 * exploded into a row per day. One-off costs are not recurring support and are left out, as are
 * people under 18 on the date (children's services).
 */
public final class ActivePlacements {

    private ActivePlacements() {
    }

    public static Dataset<Row> on(SparkSession spark, List<LocalDate> dates, Dataset<Row> placements, Dataset<Row> users) {
        return on(spark, dates, placements, users, NetCost.DEFAULTS);
    }

    public static Dataset<Row> on(SparkSession spark, List<LocalDate> dates, Dataset<Row> placements, Dataset<Row> users,
            NetCost netCost) {
        Dataset<Row> snapshotDates = spark.createDataset(dates.stream().map(Date::valueOf).toList(), Encoders.DATE())
                .toDF(SNAPSHOT_DATE);
        Dataset<Row> people = users.select(PERSON_ID, BIRTH_YEAR, BIRTH_MONTH, SEX, LA_CODE, PRIMARY_SUPPORT_REASON,
                DATE_OF_DEATH);
        return placements
                .filter(col(COST_FREQUENCY).notEqual("one_off"))
                .join(people.hint("shuffle_hash"), PERSON_ID)
                .join(broadcast(snapshotDates),
                        col(START_DATE).leq(col(SNAPSHOT_DATE))
                                .and(col(END_DATE).isNull().or(col(END_DATE).geq(col(SNAPSHOT_DATE))))
                                .and(col(DATE_OF_DEATH).isNull().or(col(DATE_OF_DEATH).geq(col(SNAPSHOT_DATE)))))
                .withColumn("age", AgeBands.ageOn(col(SNAPSHOT_DATE), col(BIRTH_YEAR), col(BIRTH_MONTH)))
                .withColumn(AGE_BAND, AgeBands.of(col("age")))
                .filter(col(AGE_BAND).isNotNull())
                .select(col(SNAPSHOT_DATE), col(PERSON_ID), col(LA_CODE), col(PRIMARY_SUPPORT_REASON), col(AGE_BAND),
                        AgeBands.fiveYear(col("age")).as(FIVE_YEAR_BAND), col(SEX), col(SETTING), col(PROVIDER_TYPE),
                        ClientGroups.of(col(PRIMARY_SUPPORT_REASON), col(AGE_BAND)).as(CLIENT_GROUP),
                        WeeklyCost.of(col(UNIT_COST), col(COST_FREQUENCY), col(UNITS_PER_WEEK)).as(WEEKLY_COST),
                        col(FUNDING_SOURCE), col(CLIENT_CONTRIBUTION_WEEKLY))
                .withColumn(WEEKLY_NET_COST, NetWeeklyCost.of(col(WEEKLY_COST), col(FUNDING_SOURCE),
                        col(CLIENT_CONTRIBUTION_WEEKLY), netCost))
                .drop(FUNDING_SOURCE, CLIENT_CONTRIBUTION_WEEKLY);
    }
}

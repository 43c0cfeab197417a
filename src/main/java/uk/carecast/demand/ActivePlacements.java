package uk.carecast.demand;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.ingest.Columns.*;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.config.NetCost;
import uk.carecast.ingest.IngestStage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.population.AgeBands;

/**
 * Placements active on each snapshot date, one row per placement and date, with the person's
 * attributes on that date. Active on d: start ≤ d, end empty or ≥ d, and not dead before d.
 * Each placement first lists the snapshot dates it spans (a handful of literals, so nothing is
 * exploded into a row per day); placements that span none, most of a per-year extract's records,
 * are dropped before the join with the people, and the rest become one row per date after it.
 * One-off costs are not recurring support and are left out, as are people under 18 on the date
 * (children's services).
 */
public final class ActivePlacements {

    /** The name {@code demand_snapshot} and {@code unit_costs} share these rows under ({@link StageContext#shared}). */
    public static final String SHARED = "active_placements";

    private static final String DATES = "__dates";

    private ActivePlacements() {
    }

    /** The run's placements active on its snapshot dates, built once for all its stages that share them. */
    public static Dataset<Row> of(StageContext context) {
        return context.shared(SHARED, () -> on(context.config().snapshots().dates(),
                context.table(IngestStage.PLACEMENTS), context.table(IngestStage.SERVICE_USERS),
                context.config().netCost()));
    }

    public static Dataset<Row> on(List<LocalDate> dates, Dataset<Row> placements, Dataset<Row> users) {
        return on(dates, placements, users, NetCost.DEFAULTS);
    }

    public static Dataset<Row> on(List<LocalDate> dates, Dataset<Row> placements, Dataset<Row> users, NetCost netCost) {
        Dataset<Row> people = users.select(PERSON_ID, BIRTH_YEAR, BIRTH_MONTH, SEX, LA_CODE, PRIMARY_SUPPORT_REASON,
                DATE_OF_DEATH);
        // Plain conditions rather than a lambda over the dates (or array_compact, which is one): Spark
        // compiles these and interprets lambdas. A date the placement does not span is a null, dropped
        // after the explode.
        List<Column> days = dates.stream().map(d -> lit(Date.valueOf(d))).toList();
        List<Column> spans = days.stream()
                .map(d -> col(START_DATE).leq(d).and(col(END_DATE).isNull().or(col(END_DATE).geq(d)))).toList();
        Column spanned = array(IntStream.range(0, days.size())
                .mapToObj(i -> when(spans.get(i), days.get(i))).toArray(Column[]::new));
        return placements
                .filter(col(COST_FREQUENCY).notEqual("one_off").and(spans.stream().reduce(Column::or).orElse(lit(false))))
                .withColumn(DATES, spanned)
                .join(people.hint("shuffle_hash"), PERSON_ID)
                .withColumn(SNAPSHOT_DATE, explode(col(DATES)))
                .filter(col(SNAPSHOT_DATE).isNotNull()
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

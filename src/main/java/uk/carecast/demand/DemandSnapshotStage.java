package uk.carecast.demand;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.ingest.Columns.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.config.NetCost;
import uk.carecast.config.RateOptions;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.spark.ColumnLists;
import uk.carecast.spark.ExactPercentiles;

/**
 * {@code demand_snapshot}: per snapshot date, area, support reason, age band, sex and setting,
 * the distinct people active in that setting, the sum of their weekly-equivalent costs (gross and
 * net) and the median of a person's weekly cost. A person with two settings counts once in each.
 */
public final class DemandSnapshotStage implements Stage {

    public static final String TABLE = "demand_snapshot";

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(IngestStage.SERVICE_USERS, IngestStage.PLACEMENTS);
    }

    @Override
    public Set<String> shares() {
        return Set.of(ActivePlacements.SHARED);
    }

    @Override
    public StageResult run(StageContext context) {
        return StageResult.of(Map.of(TABLE, snapshot(ActivePlacements.of(context), context.config().rates())));
    }

    public static Dataset<Row> snapshot(List<LocalDate> dates, Dataset<Row> placements,
            Dataset<Row> users) {
        return snapshot(dates, placements, users, NetCost.DEFAULTS, RateOptions.DEFAULTS);
    }

    /** With {@code rates.age_bands: five_year}, cells are five-year bands, pooled where small. */
    public static Dataset<Row> snapshot(List<LocalDate> dates, Dataset<Row> placements,
            Dataset<Row> users, NetCost netCost, RateOptions rates) {
        return snapshot(ActivePlacements.on(dates, placements, users, netCost), rates);
    }

    /** The snapshot of {@link ActivePlacements}' rows. */
    public static Dataset<Row> snapshot(Dataset<Row> active, RateOptions rates) {
        Column[] cell = ColumnLists.cols(SNAPSHOT_DATE, LA_CODE, PRIMARY_SUPPORT_REASON, AGE_BAND, SEX, SETTING,
                CLIENT_GROUP);
        if (rates.fiveYear()) {
            active = AgeBandPooling.apply(active, rates.minCellClients());
        }
        Dataset<Row> perPerson = active
                .groupBy(ColumnLists.join(cell, col(PERSON_ID)))
                .agg(sum(WEEKLY_COST).as(WEEKLY_COST), sum(WEEKLY_NET_COST).as(WEEKLY_NET_COST));
        return perPerson
                .groupBy(cell)
                .agg(count(lit(1)).as(CLIENTS), Money.toPence(sum(WEEKLY_COST)).as(WEEKLY_COST),
                        Money.toPence(sum(WEEKLY_NET_COST)).as(WEEKLY_NET_COST),
                        ExactPercentiles.sorted(WEEKLY_COST))
                .select(ColumnLists.join(cell, col(CLIENTS), col(WEEKLY_COST), col(WEEKLY_NET_COST),
                        ExactPercentiles.value("0.5", WEEKLY_COST).as(MEDIAN_WEEKLY_COST)));
    }
}

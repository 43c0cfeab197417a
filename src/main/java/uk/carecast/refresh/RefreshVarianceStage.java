package uk.carecast.refresh;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.ingest.Columns.*;
import static uk.carecast.projection.ProjectionColumns.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.config.Refresh;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.publish.RefreshHistory;
import uk.carecast.spark.Seqs;

/**
 * {@code refresh_variance}: per area, service area and financial year, how the projected gross
 * cost moved since the previous refresh in the history (the latest one with an earlier as-at
 * date), split into volume (more or fewer clients at the previous cost per client), unit cost
 * (the change in cost per client at base-year prices) and assumptions (what the price index, the
 * general and NLW uplifts, adds on top). The three parts add up to the change to the penny.
 * Empty when the history holds no earlier refresh.
 */
public final class RefreshVarianceStage implements Stage {

    public static final String TABLE = "refresh_variance";
    public static final String PREVIOUS_REFRESH_ID = "previous_refresh_id";
    public static final String PREVIOUS_CLIENTS = "previous_clients";
    public static final String PREVIOUS_GROSS_COST = "previous_gross_cost";
    public static final String CHANGE = "change";
    public static final String VOLUME = "volume";
    public static final String UNIT_COST = "unit_cost";
    public static final String ASSUMPTIONS = "assumptions";

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(ProjectionStage.COST_TABLE);
    }

    @Override
    public StageResult run(StageContext context) {
        Refresh refresh = context.config().refresh();
        Dataset<Row> current = context.table(ProjectionStage.COST_TABLE);
        Optional<Dataset<Row>> history = new RefreshHistory(context.spark(), context.config().output())
                .readIfExists(ProjectionStage.COST_TABLE);
        Optional<Row> previous = history.flatMap(h -> previous(h, refresh));
        Dataset<Row> variance = previous.isPresent()
                ? variance(current, history.get().filter(col(RefreshHistory.REFRESH_ID).equalTo(previous.get().getString(0))),
                        previous.get().getString(0))
                // A first refresh has nothing to explain: the table is there, with no rows.
                : variance(current, current.limit(0), "none").limit(0);
        return StageResult.of(Map.of(TABLE, variance.withColumn(RefreshHistory.REFRESH_ID, lit(refresh.id()))));
    }

    /** The latest refresh with an as-at date before this one's: id and as-at date. */
    static Optional<Row> previous(Dataset<Row> history, Refresh refresh) {
        List<Row> earlier = history.filter(col(RefreshHistory.AS_AT_DATE).lt(lit(java.sql.Date.valueOf(refresh.asAtDate()))))
                .select(RefreshHistory.REFRESH_ID, RefreshHistory.AS_AT_DATE).distinct()
                .orderBy(col(RefreshHistory.AS_AT_DATE).desc(), col(RefreshHistory.REFRESH_ID).desc()).limit(1)
                .collectAsList();
        return earlier.stream().findFirst();
    }

    public static Dataset<Row> variance(Dataset<Row> current, Dataset<Row> previous, String previousId) {
        Dataset<Row> now = totals(current, "now");
        Dataset<Row> before = totals(previous, "before");
        Column zero = lit(BigDecimal.ZERO);
        Dataset<Row> joined = now.join(before, Seqs.of(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR), "full")
                .na().fill(0, new String[] {"clients_now", "cost_now", "base_now", "clients_before", "cost_before",
                        "base_before"});
        // Volume at the previous base-price cost per client; a service area new to this refresh has none.
        Column volume = coalesce(Money.toPence(try_divide(
                col("clients_now").minus(col("clients_before")).multiply(col("base_before")), col("clients_before"))), zero);
        Column assumptions = col("cost_now").minus(col("base_now")).minus(col("cost_before").minus(col("base_before")));
        return joined.select(col(LA_CODE), col(SERVICE_AREA), col(FINANCIAL_YEAR), lit(previousId).as(PREVIOUS_REFRESH_ID),
                        col("clients_before").as(PREVIOUS_CLIENTS), col("clients_now").as(PROJECTED_CLIENTS),
                        col("cost_before").cast(Money.POUNDS).as(PREVIOUS_GROSS_COST),
                        col("cost_now").cast(Money.POUNDS).as(GROSS_COST),
                        col("cost_now").minus(col("cost_before")).cast(Money.POUNDS).as(CHANGE),
                        volume.cast(Money.POUNDS).as(VOLUME),
                        col("base_now").minus(col("base_before")).minus(volume).cast(Money.POUNDS).as(UNIT_COST),
                        assumptions.cast(Money.POUNDS).as(ASSUMPTIONS));
    }

    /** Clients, cost, and cost at base-year prices (cost ÷ price index, to the penny), per service area × FY. */
    private static Dataset<Row> totals(Dataset<Row> costProjection, String suffix) {
        return costProjection.groupBy(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR)
                .agg(sum(PROJECTED_CLIENTS).as("clients_" + suffix), sum(GROSS_COST).as("cost_" + suffix),
                        sum(Money.toPence(col(GROSS_COST).divide(col(PRICE_INDEX)))).as("base_" + suffix));
    }
}

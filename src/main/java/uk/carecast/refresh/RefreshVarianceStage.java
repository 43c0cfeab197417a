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
import uk.carecast.budget.BudgetMtfsStage;
import uk.carecast.config.Refresh;
import uk.carecast.config.Scenario;
import uk.carecast.growth.GrowthRequirementStage;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.population.PopulationColumns;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.publish.RefreshHistory;
import uk.carecast.scenario.ScenarioStage;
import uk.carecast.spark.Seqs;

/**
 * {@code refresh_variance}: per area, service area and financial year, what moved since the
 * previous refresh in the history (the latest one with an earlier as-at date).
 * <ul>
 * <li>Projected gross cost: {@code change} = {@code population} (the new population vintage at the
 * previous rates and costs) + {@code volume} (other changes in client numbers, at the previous
 * cost per client) + {@code unit_cost} (cost per client at base-year prices) + {@code assumptions}
 * (what the price index, general and NLW uplifts, adds on top).</li>
 * <li>Growth requirement of the budget scenario: {@code growth_change} = {@code growth_demand} (the
 * do-nothing growth: the cost movement above year on year, and transitions) + {@code scenarios}
 * (the change in what the budget scenario takes off or adds to do-nothing, including a change of
 * budget scenario).</li>
 * </ul>
 * Each set of parts adds up to its change to the penny. Empty when the history holds no earlier refresh.
 */
public final class RefreshVarianceStage implements Stage {

    public static final String TABLE = "refresh_variance";
    public static final String PREVIOUS_REFRESH_ID = "previous_refresh_id";
    public static final String PREVIOUS_CLIENTS = "previous_clients";
    public static final String PREVIOUS_GROSS_COST = "previous_gross_cost";
    public static final String CHANGE = "change";
    public static final String POPULATION = "population";
    public static final String VOLUME = "volume";
    public static final String UNIT_COST = "unit_cost";
    public static final String ASSUMPTIONS = "assumptions";
    public static final String PREVIOUS_GROWTH = "previous_growth";
    public static final String GROWTH = "growth";
    public static final String GROWTH_CHANGE = "growth_change";
    public static final String GROWTH_DEMAND = "growth_demand";
    public static final String SCENARIOS = "scenarios";

    private static final List<String> CELL = List.of(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR);

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(ProjectionStage.COST_TABLE, GrowthRequirementStage.TABLE);
    }

    @Override
    public StageResult run(StageContext context) {
        Refresh refresh = context.config().refresh();
        RefreshFigures now = new RefreshFigures(context.table(ProjectionStage.COST_TABLE),
                context.table(IngestStage.POPULATION), context.table(GrowthRequirementStage.TABLE),
                context.config().budgetScenario());
        RefreshHistory history = new RefreshHistory(context.spark(), context.config().output());
        Optional<Dataset<Row>> costHistory = history.readIfExists(ProjectionStage.COST_TABLE);
        Optional<String> previousId = costHistory.flatMap(h -> previous(h, refresh)).map(r -> r.getString(0));
        Dataset<Row> variance = previousId
                .map(id -> variance(now, figures(history, costHistory.get(), now, id), id))
                // A first refresh has nothing to explain: the table is there, with no rows.
                .orElseGet(() -> variance(now, now, "none").limit(0));
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

    /** The previous refresh's figures; a table it did not record (an older version) reads as this refresh's. */
    private static RefreshFigures figures(RefreshHistory history, Dataset<Row> costHistory, RefreshFigures now, String id) {
        Column ofRefresh = col(RefreshHistory.REFRESH_ID).equalTo(id);
        Dataset<Row> population = history.readIfExists(IngestStage.POPULATION).map(h -> h.filter(ofRefresh))
                .orElse(now.population());
        Dataset<Row> growth = history.readIfExists(GrowthRequirementStage.TABLE).map(h -> h.filter(ofRefresh))
                .orElse(now.growthRequirement());
        String budgetScenario = history.readIfExists(BudgetMtfsStage.TABLE)
                .flatMap(h -> h.filter(ofRefresh).select(ScenarioStage.SCENARIO).distinct().collectAsList().stream()
                        .map(r -> r.getString(0)).findFirst())
                .orElse(now.budgetScenario());
        return new RefreshFigures(costHistory.filter(ofRefresh), population, growth, budgetScenario);
    }

    public static Dataset<Row> variance(RefreshFigures current, RefreshFigures previous, String previousId) {
        Column zero = lit(BigDecimal.ZERO);
        Dataset<Row> joined = totals(current.costProjection(), "now")
                .join(totals(previous.costProjection(), "before"), Seqs.of(CELL.toArray(String[]::new)), "full")
                .join(populationEffect(current, previous), Seqs.of(CELL.toArray(String[]::new)), "left")
                .join(growth(current, "now"), Seqs.of(CELL.toArray(String[]::new)), "full")
                .join(growth(previous, "before"), Seqs.of(CELL.toArray(String[]::new)), "full")
                .na().fill(0, new String[] {"clients_now", "cost_now", "base_now", "clients_before", "cost_before",
                        "base_before", "population_effect", "growth_now", "do_nothing_now", "growth_before",
                        "do_nothing_before"});
        // Volume at the previous base-price cost per client; a service area new to this refresh has none.
        Column volume = coalesce(Money.toPence(try_divide(
                col("clients_now").minus(col("clients_before")).multiply(col("base_before")), col("clients_before"))), zero);
        Column assumptions = col("cost_now").minus(col("base_now")).minus(col("cost_before").minus(col("base_before")));
        Column scenarios = col("growth_now").minus(col("do_nothing_now"))
                .minus(col("growth_before").minus(col("do_nothing_before")));
        return joined.select(col(LA_CODE), col(SERVICE_AREA), col(FINANCIAL_YEAR), lit(previousId).as(PREVIOUS_REFRESH_ID),
                        col("clients_before").as(PREVIOUS_CLIENTS), col("clients_now").as(PROJECTED_CLIENTS),
                        col("cost_before").cast(Money.POUNDS).as(PREVIOUS_GROSS_COST),
                        col("cost_now").cast(Money.POUNDS).as(GROSS_COST),
                        col("cost_now").minus(col("cost_before")).cast(Money.POUNDS).as(CHANGE),
                        col("population_effect").cast(Money.POUNDS).as(POPULATION),
                        volume.minus(col("population_effect")).cast(Money.POUNDS).as(VOLUME),
                        col("base_now").minus(col("base_before")).minus(volume).cast(Money.POUNDS).as(UNIT_COST),
                        assumptions.cast(Money.POUNDS).as(ASSUMPTIONS),
                        col("growth_before").cast(Money.POUNDS).as(PREVIOUS_GROWTH),
                        col("growth_now").cast(Money.POUNDS).as(GROWTH),
                        col("growth_now").minus(col("growth_before")).cast(Money.POUNDS).as(GROWTH_CHANGE),
                        col("do_nothing_now").minus(col("do_nothing_before")).cast(Money.POUNDS).as(GROWTH_DEMAND),
                        scenarios.cast(Money.POUNDS).as(SCENARIOS))
                .orderBy(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR);
    }

    /** Clients, cost, and cost at base-year prices (cost ÷ price index, to the penny), per service area × FY. */
    private static Dataset<Row> totals(Dataset<Row> costProjection, String suffix) {
        return costProjection.groupBy(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR)
                .agg(sum(PROJECTED_CLIENTS).as("clients_" + suffix), sum(GROSS_COST).as("cost_" + suffix),
                        sum(basePrices()).as("base_" + suffix));
    }

    /**
     * What the new population alone moves: each previous cell's base-price cost scaled by its
     * population now over its population then. Cells the population does not key (five-year bands)
     * get no population part; their change stays in volume.
     */
    private static Dataset<Row> populationEffect(RefreshFigures current, RefreshFigures previous) {
        List<String> key = List.of(LA_CODE, SEX, PopulationColumns.AGE_BAND, FINANCIAL_YEAR);
        Dataset<Row> ratio = current.population().select(col(LA_CODE), col(SEX), col(PopulationColumns.AGE_BAND), col(FINANCIAL_YEAR),
                        col(PopulationColumns.POPULATION).as("pop_now"))
                .join(previous.population().select(col(LA_CODE), col(SEX), col(PopulationColumns.AGE_BAND), col(FINANCIAL_YEAR),
                        col(PopulationColumns.POPULATION).as("pop_before")), Seqs.of(key.toArray(String[]::new)))
                .filter(col("pop_before").gt(0));
        return previous.costProjection().join(ratio, Seqs.of(key.toArray(String[]::new)))
                .groupBy(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR)
                .agg(sum(Money.toPence(basePrices().multiply(col("pop_now").minus(col("pop_before")))
                        .divide(col("pop_before")))).as("population_effect"));
    }

    /** The budget scenario's growth and do-nothing's, per service area × FY. */
    private static Dataset<Row> growth(RefreshFigures figures, String suffix) {
        Column scenario = col(ScenarioStage.SCENARIO);
        Column amount = col(AMOUNT);
        return figures.growthRequirement().groupBy(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR)
                .agg(sum(when(scenario.equalTo(figures.budgetScenario()), amount)).as("growth_" + suffix),
                        sum(when(scenario.equalTo(Scenario.DO_NOTHING), amount)).as("do_nothing_" + suffix));
    }

    private static Column basePrices() {
        return Money.toPence(col(GROSS_COST).divide(col(PRICE_INDEX)));
    }
}

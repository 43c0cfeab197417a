package uk.carecast.scenario;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.AGE_BAND;
import static uk.carecast.demand.DemandColumns.CLIENT_GROUP;
import static uk.carecast.ingest.Columns.*;
import static uk.carecast.projection.ProjectionColumns.GROSS_COST;
import static uk.carecast.projection.ProjectionColumns.PROJECTED_CLIENTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.config.Intervention;
import uk.carecast.config.Scenario;
import uk.carecast.config.ServiceAreaRule;
import uk.carecast.demand.ServiceAreas;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.spark.ColumnLists;
import uk.carecast.spark.Decimals;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYear;
import uk.carecast.time.FinancialYears;

/**
 * {@code scenario_projection} and {@code scenario_impact}: the do-nothing projection (always
 * there) and each named scenario's interventions applied to it, per cell and year; and per
 * scenario, area, setting and year, clients and gross cost against do-nothing, the impact being
 * the difference, in the shape of a council's "do-nothing against potential impact" table.
 */
public final class ScenarioStage implements Stage {

    public static final String PROJECTION_TABLE = "scenario_projection";
    public static final String IMPACT_TABLE = "scenario_impact";
    public static final String SCENARIO = "scenario";
    public static final String CLIENTS_IMPACT = "clients_impact";
    public static final String COST_IMPACT = "cost_impact";

    private static final List<String> CELL = List.of(LA_CODE, PRIMARY_SUPPORT_REASON, AGE_BAND, SEX, SETTING,
            CLIENT_GROUP, SERVICE_AREA, FINANCIAL_YEAR);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public String name() {
        return "scenarios";
    }

    @Override
    public List<String> inputs() {
        return List.of(ProjectionStage.COST_TABLE);
    }

    @Override
    public StageResult run(StageContext context) {
        List<Scenario> scenarios = context.config().scenarios();
        // Kept: the impact reads the projections too, and each reading redid every intervention's joins.
        Dataset<Row> projections = project(context.table(ProjectionStage.COST_TABLE), scenarios,
                context.config().serviceAreas()).cache();
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(PROJECTION_TABLE, projections);
        tables.put(IMPACT_TABLE, impact(projections, scenarios));
        return StageResult.of(tables);
    }

    /** Do-nothing and every scenario, one row per scenario × cell × year. */
    public static Dataset<Row> project(Dataset<Row> costProjection, List<Scenario> scenarios, List<ServiceAreaRule> areas) {
        Dataset<Row> doNothing = costProjection.select(ColumnLists.join(ColumnLists.cols(CELL),
                col(PROJECTED_CLIENTS), col(GROSS_COST)));
        Dataset<Row> all = doNothing.withColumn(SCENARIO, lit(Scenario.DO_NOTHING));
        for (Scenario scenario : scenarios) {
            Dataset<Row> applied = doNothing;
            for (Intervention intervention : scenario.interventions()) {
                applied = apply(applied, intervention, areas);
            }
            all = all.unionByName(applied.withColumn(SCENARIO, lit(scenario.name())));
        }
        return all.select(ColumnLists.join(new Column[] {col(SCENARIO)}, ColumnLists.join(ColumnLists.cols(CELL),
                col(PROJECTED_CLIENTS), col(GROSS_COST))));
    }

    static Dataset<Row> apply(Dataset<Row> cells, Intervention intervention, List<ServiceAreaRule> areas) {
        int start = FinancialYear.parse(intervention.start()).startYear();
        Column year = FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR));
        Column from = year.geq(start).and(ServiceAreaRule.ANY.equals(intervention.setting()) ? lit(true)
                : col(SETTING).equalTo(intervention.setting()));
        BigDecimal share = intervention.percent().divide(HUNDRED);
        return switch (intervention.type()) {
            case "clients" -> scale(cells, from, lit(BigDecimal.ONE.add(share)), true);
            case "price" -> scale(cells, from, Decimals.compound(lit(share), year.minus(start).plus(1),
                    org.apache.spark.sql.types.DataTypes.createDecimalType(20, 10)), false);
            default -> shift(cells, from, share, intervention.to(), areas);
        };
    }

    private static Dataset<Row> scale(Dataset<Row> cells, Column where, Column factor, boolean clientsToo) {
        Dataset<Row> scaled = cells.withColumn(GROSS_COST,
                when(where, Money.toPence(col(GROSS_COST).multiply(factor))).otherwise(col(GROSS_COST)));
        return clientsToo
                ? scaled.withColumn(PROJECTED_CLIENTS, when(where, col(PROJECTED_CLIENTS).multiply(factor)
                        .cast(ProjectionStage.CLIENT_COUNT)).otherwise(col(PROJECTED_CLIENTS)))
                : scaled;
    }

    /**
     * Moves a share of the clients where {@code from} holds to setting {@code to}, costed at that
     * setting's average cost per client in the same area and year (or at their old cost per client
     * where the area has no one in it).
     */
    private static Dataset<Row> shift(Dataset<Row> cells, Column from, BigDecimal share, String to,
            List<ServiceAreaRule> areas) {
        Dataset<Row> targetCost = cells.filter(col(SETTING).equalTo(to))
                .groupBy(LA_CODE, FINANCIAL_YEAR)
                .agg(sum(GROSS_COST).divide(sum(PROJECTED_CLIENTS)).as("to_cost_per_client"));
        Dataset<Row> moved = cells.filter(from)
                .withColumn("moved", col(PROJECTED_CLIENTS).multiply(lit(share)).cast(ProjectionStage.CLIENT_COUNT))
                .join(targetCost, Seqs.of(LA_CODE, FINANCIAL_YEAR), "left")
                .select(col(LA_CODE), col(PRIMARY_SUPPORT_REASON), col(AGE_BAND), col(SEX), lit(to).as(SETTING),
                        col(CLIENT_GROUP), ServiceAreas.of(areas, to, col(CLIENT_GROUP)).as(SERVICE_AREA),
                        col(FINANCIAL_YEAR), col("moved").as(PROJECTED_CLIENTS),
                        Money.toPence(col("moved").multiply(coalesce(col("to_cost_per_client"),
                                col(GROSS_COST).divide(col(PROJECTED_CLIENTS))))).as(GROSS_COST));
        Dataset<Row> left = cells
                .withColumn("moved", when(from, col(PROJECTED_CLIENTS).multiply(lit(share))
                        .cast(ProjectionStage.CLIENT_COUNT)).otherwise(lit(BigDecimal.ZERO)))
                .withColumn(GROSS_COST, when(from, col(GROSS_COST).minus(Money.toPence(
                        col(GROSS_COST).multiply(col("moved")).divide(col(PROJECTED_CLIENTS))))).otherwise(col(GROSS_COST))
                        .cast(Money.POUNDS))
                .withColumn(PROJECTED_CLIENTS, col(PROJECTED_CLIENTS).minus(col("moved")).cast(ProjectionStage.CLIENT_COUNT))
                .drop("moved");
        return left.unionByName(moved)
                .groupBy(ColumnLists.cols(CELL))
                .agg(sum(PROJECTED_CLIENTS).cast(ProjectionStage.CLIENT_COUNT).as(PROJECTED_CLIENTS),
                        sum(GROSS_COST).cast(Money.POUNDS).as(GROSS_COST));
    }

    /**
     * Per scenario, area, setting and year: clients and cost, do-nothing's, and the impact.
     * {@code scenarios} must be the ones {@link #project} made {@code projections} for: a scenario
     * listed but not projected would show zero clients and minus do-nothing's cost as its impact.
     * The names come from the list rather than the rows, which took one more pass over every
     * scenario's projection.
     */
    public static Dataset<Row> impact(Dataset<Row> projections, List<Scenario> scenarios) {
        Dataset<Row> totals = projections.groupBy(SCENARIO, LA_CODE, SETTING, FINANCIAL_YEAR)
                .agg(sum(PROJECTED_CLIENTS).as(PROJECTED_CLIENTS), sum(GROSS_COST).cast(Money.POUNDS).as(GROSS_COST));
        Dataset<Row> doNothing = totals.filter(col(SCENARIO).equalTo(Scenario.DO_NOTHING))
                .select(col(LA_CODE), col(SETTING), col(FINANCIAL_YEAR), col(PROJECTED_CLIENTS).as("do_nothing_clients"),
                        col(GROSS_COST).as("do_nothing_cost"));
        List<String> names = new ArrayList<>(List.of(Scenario.DO_NOTHING));
        scenarios.stream().map(Scenario::name).filter(name -> !names.contains(name))
                .forEach(names::add);
        Dataset<Row> grid = doNothing.select(LA_CODE, SETTING, FINANCIAL_YEAR)
                .union(totals.select(LA_CODE, SETTING, FINANCIAL_YEAR)).distinct()
                .crossJoin(projections.sparkSession().createDataset(names, org.apache.spark.sql.Encoders.STRING())
                        .toDF(SCENARIO));
        Column zero = lit(BigDecimal.ZERO);
        return grid.join(totals, Seqs.of(SCENARIO, LA_CODE, SETTING, FINANCIAL_YEAR), "left")
                .join(doNothing, Seqs.of(LA_CODE, SETTING, FINANCIAL_YEAR), "left")
                .select(col(SCENARIO), col(LA_CODE), col(SETTING), col(FINANCIAL_YEAR),
                        coalesce(col(PROJECTED_CLIENTS), zero).cast(ProjectionStage.CLIENT_COUNT).as(PROJECTED_CLIENTS),
                        coalesce(col(GROSS_COST), zero).cast(Money.POUNDS).as(GROSS_COST),
                        coalesce(col("do_nothing_clients"), zero).cast(ProjectionStage.CLIENT_COUNT).as("do_nothing_clients"),
                        coalesce(col("do_nothing_cost"), zero).cast(Money.POUNDS).as("do_nothing_cost"))
                .withColumn(CLIENTS_IMPACT, col(PROJECTED_CLIENTS).minus(col("do_nothing_clients"))
                        .cast(ProjectionStage.CLIENT_COUNT))
                .withColumn(COST_IMPACT, col(GROSS_COST).minus(col("do_nothing_cost")).cast(Money.POUNDS));
    }
}

package uk.carecast.growth;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.AGE_BAND;
import static uk.carecast.ingest.Columns.*;
import static uk.carecast.projection.ProjectionColumns.DEMOGRAPHY_CLIENTS;
import static uk.carecast.projection.ProjectionColumns.GROSS_COST;
import static uk.carecast.projection.ProjectionColumns.NLW_PART_PCT;
import static uk.carecast.projection.ProjectionColumns.UPLIFT_PCT;
import static uk.carecast.projection.ProjectionColumns.PROJECTED_CLIENTS;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.projection.ProjectionStage;
import java.math.BigDecimal;
import uk.carecast.config.Scenario;
import uk.carecast.scenario.ScenarioStage;
import uk.carecast.spark.ColumnLists;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYears;
import uk.carecast.transitions.TransitionsStage;

/**
 * {@code growth_requirement}: each projected year's change in gross cost per area and service
 * area, split into drivers. Per cell: volume = Δclients × last year's cost per client, of which
 * demography is the part from population (Δdemography clients × last year's cost per demography
 * client) and trend the rest; nlw = this year's cost × NLW part of the uplift ÷ (1 + uplift), the cost the National
 * Living Wage rise adds on the labour share; price = the rest of the change (the general uplift on
 * the rest of the cost, and the calendar: a 366-day year). Volume, demography and nlw are rounded
 * to the penny, trend and price are remainders of the already-rounded costs, so the drivers add up
 * to the change exactly. {@code transitions} is the change in the cost of young people arriving at
 * 18, so all the drivers add up to the change in cost_projection + transitions_projection.
 */
public final class GrowthRequirementStage implements Stage {

    public static final String TABLE = "growth_requirement";
    public static final String DRIVER = "driver";
    public static final String DEMOGRAPHY = "demography";
    public static final String TREND = "trend";
    public static final String PRICE = "price";
    public static final String NLW = "nlw";
    public static final String SCENARIO_EFFECT = "scenario";
    public static final String TRANSITIONS = "transitions";

    private static final String[] CELL = {LA_CODE, PRIMARY_SUPPORT_REASON, AGE_BAND, SEX, SETTING};

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(ProjectionStage.COST_TABLE, ScenarioStage.PROJECTION_TABLE, TransitionsStage.TABLE);
    }

    @Override
    public StageResult run(StageContext context) {
        Dataset<Row> doNothing = growth(context.table(ProjectionStage.COST_TABLE));
        Dataset<Row> withTransitions = doNothing.unionByName(
                transitions(doNothing, context.table(TransitionsStage.TABLE)));
        return StageResult.of(Map.of(TABLE, withScenarios(withTransitions,
                context.table(ScenarioStage.PROJECTION_TABLE))));
    }

    /**
     * The {@code transitions} driver: the year's change in the cost of young people arriving at 18
     * ({@code transitions_projection}, already in pence), per area × service area. The first
     * projected year's driver is its cost less the base year's (which holds those turning 18
     * between the latest snapshot and 31 March). Every area and year that has other drivers gets
     * the row, 0.00 when no young person arrives there (or the council gave no transitions), so the
     * driver is always listed; an area with transitions alone gets the row too. The cost is the
     * same in every scenario, so {@link #withScenarios} carries the driver into each.
     */
    public static Dataset<Row> transitions(Dataset<Row> doNothingGrowth, Dataset<Row> transitionsProjection) {
        Dataset<Row> byArea = transitionsProjection.groupBy(col(LA_CODE), col(SERVICE_AREA),
                        FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR)).as("fy_start"))
                .agg(sum(GROSS_COST).as("cost"));
        Dataset<Row> before = byArea.select(col(LA_CODE), col(SERVICE_AREA), col("fy_start").plus(1).as("fy_start"),
                col("cost").as("cost_before"));
        // Every area has every year of the horizon in transitions_projection, so the base year, with no
        // year before it, is the only one the inner join drops.
        Dataset<Row> change = byArea.join(before, Seqs.of(LA_CODE, SERVICE_AREA, "fy_start"))
                .select(col(LA_CODE), col(SERVICE_AREA), FinancialYears.label(col("fy_start")).as(FINANCIAL_YEAR),
                        col("cost").minus(col("cost_before")).as("change"));
        return doNothingGrowth.select(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR).distinct()
                .join(change, Seqs.of(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR), "full")
                .select(col(LA_CODE), col(SERVICE_AREA), col(FINANCIAL_YEAR), lit(TRANSITIONS).as(DRIVER),
                        coalesce(col("change"), lit(BigDecimal.ZERO)).cast(Money.POUNDS).as(AMOUNT));
    }

    /**
     * Every scenario's growth: do-nothing's drivers, and for each named scenario the same drivers
     * plus {@code scenario}, the year's change in the scenario's effect (its cost less do-nothing's,
     * per service area), so a scenario's drivers add up to the change in its own cost.
     */
    public static Dataset<Row> withScenarios(Dataset<Row> doNothingGrowth, Dataset<Row> scenarioProjection) {
        Column scenarioCost = col(GROSS_COST);
        Dataset<Row> byArea = scenarioProjection.groupBy(col(ScenarioStage.SCENARIO), col(LA_CODE), col(SERVICE_AREA),
                        FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR)).as("fy_start"))
                .agg(sum(scenarioCost).as("cost"));
        Dataset<Row> doNothing = byArea.filter(col(ScenarioStage.SCENARIO).equalTo(Scenario.DO_NOTHING))
                .select(col(LA_CODE), col(SERVICE_AREA), col("fy_start"), col("cost").as("do_nothing_cost"));
        Dataset<Row> effect = byArea.filter(col(ScenarioStage.SCENARIO).notEqual(Scenario.DO_NOTHING))
                .join(doNothing, Seqs.of(LA_CODE, SERVICE_AREA, "fy_start"), "full")
                .select(col(ScenarioStage.SCENARIO), col(LA_CODE), col(SERVICE_AREA), col("fy_start"),
                        coalesce(col("cost"), lit(BigDecimal.ZERO)).minus(coalesce(col("do_nothing_cost"), lit(BigDecimal.ZERO)))
                                .as("effect"))
                .filter(col(ScenarioStage.SCENARIO).isNotNull());
        Dataset<Row> effectBefore = effect.select(col(ScenarioStage.SCENARIO), col(LA_CODE), col(SERVICE_AREA),
                col("fy_start").plus(1).as("fy_start"), col("effect").as("effect_before"));
        // An area a scenario moves people into may have no cost the year before: its effect was 0 then.
        int baseYear = byArea.agg(min("fy_start")).first().getInt(0);
        Dataset<Row> scenarioDriver = effect.filter(col("fy_start").gt(baseYear))
                .join(effectBefore, Seqs.of(ScenarioStage.SCENARIO, LA_CODE, SERVICE_AREA, "fy_start"), "left")
                .select(col(LA_CODE), col(ScenarioStage.SCENARIO), col(SERVICE_AREA),
                        FinancialYears.label(col("fy_start")).as(FINANCIAL_YEAR), lit(SCENARIO_EFFECT).as(DRIVER),
                        col("effect").minus(coalesce(col("effect_before"), lit(BigDecimal.ZERO))).cast(Money.POUNDS)
                                .as(AMOUNT));
        Dataset<Row> scenarios = scenarioProjection.select(ScenarioStage.SCENARIO).distinct();
        Dataset<Row> drivers = doNothingGrowth.crossJoin(scenarios)
                .select(col(LA_CODE), col(ScenarioStage.SCENARIO), col(SERVICE_AREA), col(FINANCIAL_YEAR), col(DRIVER),
                        col(AMOUNT));
        return drivers.unionByName(scenarioDriver);
    }

    public static Dataset<Row> growth(Dataset<Row> costProjection) {
        Dataset<Row> thisYear = costProjection
                .withColumn("fy_start", FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR)));
        Dataset<Row> lastYear = thisYear
                .select(ColumnLists.join(ColumnLists.cols(CELL),
                        col("fy_start").plus(1).as("fy_start"),
                        col(PROJECTED_CLIENTS).as("clients_before"),
                        col(DEMOGRAPHY_CLIENTS).as("demography_before"),
                        col(GROSS_COST).as("cost_before")));
        Dataset<Row> perCell = thisYear.join(lastYear, Seqs.of(LA_CODE, PRIMARY_SUPPORT_REASON, AGE_BAND, SEX, SETTING,
                        "fy_start"))
                .withColumn("change", col(GROSS_COST).minus(col("cost_before")))
                // A cell with no one last year has no cost per client to carry: its change is all remainder.
                .withColumn(DEMOGRAPHY, coalesce(Money.toPence(try_divide(col(DEMOGRAPHY_CLIENTS)
                        .minus(col("demography_before")).multiply(col("cost_before")), col("demography_before"))),
                        lit(BigDecimal.ZERO)))
                .withColumn("volume", coalesce(Money.toPence(try_divide(col(PROJECTED_CLIENTS).minus(col("clients_before"))
                        .multiply(col("cost_before")), col("clients_before"))), lit(BigDecimal.ZERO)))
                .withColumn(TREND, col("volume").minus(col(DEMOGRAPHY)).cast(Money.POUNDS))
                .withColumn(NLW, Money.toPence(col(GROSS_COST).multiply(col(NLW_PART_PCT))
                        .divide(col(UPLIFT_PCT).plus(lit(100)))))
                .withColumn(PRICE, col("change").minus(col("volume")).minus(col(NLW)).cast(Money.POUNDS));
        return perCell.groupBy(LA_CODE, SERVICE_AREA, FINANCIAL_YEAR)
                .agg(sum(DEMOGRAPHY).cast(Money.POUNDS).as(DEMOGRAPHY), sum(TREND).cast(Money.POUNDS).as(TREND),
                        sum(PRICE).cast(Money.POUNDS).as(PRICE), sum(NLW).cast(Money.POUNDS).as(NLW))
                .select(col(LA_CODE), col(SERVICE_AREA), col(FINANCIAL_YEAR),
                        explode(array(
                                struct(lit(DEMOGRAPHY).as(DRIVER), col(DEMOGRAPHY).as(AMOUNT)),
                                struct(lit(TREND).as(DRIVER), col(TREND).as(AMOUNT)),
                                struct(lit(PRICE).as(DRIVER), col(PRICE).as(AMOUNT)),
                                struct(lit(NLW).as(DRIVER), col(NLW).as(AMOUNT)))).as("d"))
                .select(col(LA_CODE), col(SERVICE_AREA), col(FINANCIAL_YEAR), col("d." + DRIVER).as(DRIVER),
                        col("d." + AMOUNT).as(AMOUNT));
    }
}

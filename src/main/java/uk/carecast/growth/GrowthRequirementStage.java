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

/**
 * {@code growth_requirement}: each projected year's change in gross cost per area and service
 * area, split into drivers. Per cell: volume = Δclients × last year's cost per client, of which
 * demography is the part from population (Δdemography clients × last year's cost per demography
 * client) and trend the rest; nlw = this year's cost × NLW part of the uplift ÷ (1 + uplift), the cost the National
 * Living Wage rise adds on the labour share; price = the rest of the change (the general uplift on
 * the rest of the cost, and the calendar: a 366-day year). Volume, demography and nlw are rounded
 * to the penny, trend and price are remainders of the already-rounded costs, so the drivers add up
 * to the change exactly.
 */
public final class GrowthRequirementStage implements Stage {

    public static final String TABLE = "growth_requirement";
    public static final String DRIVER = "driver";
    public static final String DEMOGRAPHY = "demography";
    public static final String TREND = "trend";
    public static final String PRICE = "price";
    public static final String NLW = "nlw";
    public static final String SCENARIO_EFFECT = "scenario";

    private static final String[] CELL = {LA_CODE, PRIMARY_SUPPORT_REASON, AGE_BAND, SEX, SETTING};

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(ProjectionStage.COST_TABLE, ScenarioStage.PROJECTION_TABLE);
    }

    @Override
    public StageResult run(StageContext context) {
        return StageResult.of(Map.of(TABLE, withScenarios(growth(context.table(ProjectionStage.COST_TABLE)),
                context.table(ScenarioStage.PROJECTION_TABLE))));
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

package uk.carecast.budget;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.ingest.Columns.*;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import uk.carecast.growth.GrowthRequirementStage;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.scenario.ScenarioStage;
import uk.carecast.pipeline.StageResult;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYears;

/**
 * {@code budget_mtfs}: the medium-term financial strategy per service area, rolled forward from
 * the latest base budget: budget(y) = budget(y−1) + transfers + growth + other pressures −
 * savings. Growth is the model's growth requirement (all drivers) plus any growth lines the
 * council entered itself. Savings are entered as positive reductions; a negative saving (a
 * reversal) raises the budget. Every year from the base year + 1 to the last year with a line or
 * a growth figure gets a row, so a year with no changes still shows its budget. The growth is that
 * of the job's {@code budget_scenario} (do-nothing unless set), named in a {@code scenario} column.
 */
public final class BudgetMtfsStage implements Stage {

    public static final String TABLE = "budget_mtfs";
    public static final String PRIOR_YEAR_BUDGET = "prior_year_budget";
    public static final String TRANSFERS = "transfers";
    public static final String GROWTH = "growth";
    public static final String SAVINGS = "savings";
    public static final String OTHER_PRESSURES = "other_pressures";
    public static final String NET_BUDGET = "net_budget";

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(IngestStage.BUDGETS, GrowthRequirementStage.TABLE);
    }

    @Override
    public StageResult run(StageContext context) {
        String scenario = context.config().budgetScenario();
        Dataset<Row> growth = context.table(GrowthRequirementStage.TABLE)
                .filter(col(ScenarioStage.SCENARIO).equalTo(scenario));
        return StageResult.of(Map.of(TABLE, roll(context.table(IngestStage.BUDGETS), growth)
                .withColumn(ScenarioStage.SCENARIO, lit(scenario))));
    }

    public static Dataset<Row> roll(Dataset<Row> budgets, Dataset<Row> growthRequirement) {
        Dataset<Row> lines = budgets.withColumn("fy", FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR)));
        Dataset<Row> baseYear = lines.filter(col(LINE_TYPE).equalTo("base"))
                .groupBy(LA_CODE).agg(max("fy").as("base_fy"));
        Dataset<Row> base = lines.join(baseYear, LA_CODE)
                .filter(col(LINE_TYPE).equalTo("base").and(col("fy").equalTo(col("base_fy"))))
                .groupBy(LA_CODE, SERVICE_AREA).agg(sum(AMOUNT).as("base_amount"));

        Dataset<Row> councilLines = lines.join(baseYear, LA_CODE)
                .filter(col("fy").gt(col("base_fy")).and(col(LINE_TYPE).notEqual("base")))
                .groupBy(col(LA_CODE), col(SERVICE_AREA), col("fy"))
                .agg(amountOf("transfer").as(TRANSFERS), amountOf("growth").as("growth_lines"),
                        amountOf("saving").as(SAVINGS), amountOf("pressure").as(OTHER_PRESSURES));
        Dataset<Row> modelGrowth = growthRequirement
                .groupBy(col(LA_CODE), col(SERVICE_AREA), FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR)).as("fy"))
                .agg(sum(AMOUNT).as("growth_model"));

        Dataset<Row> lastYear = councilLines.select(LA_CODE, "fy").union(modelGrowth.select(LA_CODE, "fy"))
                .groupBy(LA_CODE).agg(max("fy").as("last_fy"));
        Dataset<Row> areas = base.select(LA_CODE, SERVICE_AREA)
                .union(councilLines.select(LA_CODE, SERVICE_AREA))
                .union(modelGrowth.select(LA_CODE, SERVICE_AREA))
                .distinct();
        Dataset<Row> grid = areas.join(baseYear, LA_CODE).join(lastYear, LA_CODE)
                .withColumn("fy", explode(sequence(col("base_fy").plus(1), col("last_fy"))));

        WindowSpec upToThisYear = Window.partitionBy(LA_CODE, SERVICE_AREA).orderBy("fy")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column change = col(TRANSFERS).plus(col(GROWTH)).plus(col(OTHER_PRESSURES)).minus(col(SAVINGS));
        return grid
                .join(base, Seqs.of(LA_CODE, SERVICE_AREA), "left")
                .join(councilLines, Seqs.of(LA_CODE, SERVICE_AREA, "fy"), "left")
                .join(modelGrowth, Seqs.of(LA_CODE, SERVICE_AREA, "fy"), "left")
                .select(col(LA_CODE), col(SERVICE_AREA), col("fy"),
                        pounds(col("base_amount")).as("base_amount"),
                        pounds(col(TRANSFERS)).as(TRANSFERS),
                        pounds(col("growth_lines")).plus(pounds(col("growth_model"))).as(GROWTH),
                        pounds(col(SAVINGS)).as(SAVINGS),
                        pounds(col(OTHER_PRESSURES)).as(OTHER_PRESSURES))
                .withColumn(NET_BUDGET, col("base_amount").plus(sum(change).over(upToThisYear)))
                .select(col(LA_CODE), col(SERVICE_AREA), FinancialYears.label(col("fy")).as(FINANCIAL_YEAR),
                        col(NET_BUDGET).minus(change).cast(Money.POUNDS).as(PRIOR_YEAR_BUDGET),
                        col(TRANSFERS).cast(Money.POUNDS).as(TRANSFERS),
                        col(GROWTH).cast(Money.POUNDS).as(GROWTH),
                        col(SAVINGS).cast(Money.POUNDS).as(SAVINGS),
                        col(OTHER_PRESSURES).cast(Money.POUNDS).as(OTHER_PRESSURES),
                        col(NET_BUDGET).cast(Money.POUNDS).as(NET_BUDGET));
    }

    private static Column amountOf(String lineType) {
        return sum(when(col(LINE_TYPE).equalTo(lineType), col(AMOUNT)).otherwise(lit(java.math.BigDecimal.ZERO)));
    }

    private static Column pounds(Column amount) {
        return coalesce(amount, lit(java.math.BigDecimal.ZERO)).cast(Money.POUNDS);
    }
}

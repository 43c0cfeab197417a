package uk.carecast.backtest;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.CLIENTS;
import static uk.carecast.demand.DemandColumns.SNAPSHOT_DATE;
import static uk.carecast.demand.DemandColumns.WEEKLY_COST;
import static uk.carecast.ingest.Columns.FINANCIAL_YEAR;
import static uk.carecast.ingest.Columns.SETTING;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import uk.carecast.config.ConfigException;
import uk.carecast.config.JobConfig;
import uk.carecast.demand.DemandSnapshotStage;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.projection.ProjectionColumns;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.projection.UsageTrend;
import uk.carecast.rates.UsageRatesStage;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYears;

/**
 * {@code backtest_accuracy}: the model fitted on an earlier 31 March snapshot, projected forward,
 * against what the records show at each later 31 March. Per setting (and all settings) and
 * financial year: clients, and gross cost annualised from the weekly cost at the year end
 * (weekly cost × days in the year ÷ 7, the same basis the projection costs a year on); actual,
 * projected and error %. Projected clients of a year are set against the people active on its
 * closing 31 March.
 */
public final class BacktestStage implements Stage {

    public static final String TABLE = "backtest_accuracy";
    public static final String MEASURE = "measure";
    public static final String ACTUAL = "actual";
    public static final String PROJECTED = "projected";
    public static final String ERROR_PCT = "error_pct";
    public static final String ALL_SETTINGS = "all settings";
    static final DecimalType AMOUNT = DataTypes.createDecimalType(20, 2);

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public List<String> inputs() {
        return List.of(UsageRatesStage.TABLE, DemandSnapshotStage.TABLE, IngestStage.POPULATION,
                IngestStage.POPULATION_FIVE_YEAR, IngestStage.COST_ASSUMPTIONS);
    }

    @Override
    public StageResult run(StageContext context) {
        JobConfig config = context.config();
        if (config.backtest() == null) {
            throw new ConfigException("the backtest job needs backtest.fit_year_end");
        }
        LocalDate fit = config.backtest().fitDate();
        List<LocalDate> yearEnds = config.snapshots().dates().stream()
                .filter(d -> d.isAfter(fit) && d.getMonthValue() == 3 && d.getDayOfMonth() == 31).toList();
        if (yearEnds.isEmpty()) {
            throw new ConfigException("backtest.fit_year_end " + fit + " leaves no later 31 March snapshot to compare with");
        }
        Dataset<Row> rates = context.table(UsageRatesStage.TABLE).filter(col(SNAPSHOT_DATE).leq(lit(Date.valueOf(fit))));
        Dataset<Row> population = UsageRatesStage.population(context);
        Dataset<Row> trend = UsageTrend.annual(rates, population, fit, config.trend());
        Dataset<Row> demand = ProjectionStage.demand(rates, population, yearEnds.size(), trend);
        Dataset<Row> cost = ProjectionStage.cost(context.spark(), demand, rates,
                context.table(IngestStage.COST_ASSUMPTIONS), config.serviceAreas(), config.projection());
        Dataset<Row> accuracy = accuracy(cost, context.table(DemandSnapshotStage.TABLE), yearEnds);
        printSummary(context, accuracy);
        return StageResult.of(Map.of(TABLE, accuracy));
    }

    public static Dataset<Row> accuracy(Dataset<Row> costProjection, Dataset<Row> snapshot, List<LocalDate> yearEnds) {
        Dataset<Row> projected = bySetting(costProjection.select(col(SETTING), col(FINANCIAL_YEAR),
                col(ProjectionColumns.PROJECTED_CLIENTS).as("clients"), col(ProjectionColumns.GROSS_COST).as("cost")));
        Column[] ends = yearEnds.stream().map(d -> lit(Date.valueOf(d))).toArray(Column[]::new);
        Column fyStart = FinancialYears.startYearOf(col(SNAPSHOT_DATE));
        Dataset<Row> actual = bySetting(snapshot.filter(col(SNAPSHOT_DATE).isin((Object[]) ends))
                .select(col(SETTING), FinancialYears.label(fyStart).as(FINANCIAL_YEAR), col(CLIENTS).as("clients"),
                        col(WEEKLY_COST).multiply(FinancialYears.days(fyStart)).divide(lit(7)).as("cost")));
        Dataset<Row> both = actual.withColumnRenamed("value", ACTUAL)
                .join(projected.withColumnRenamed("value", PROJECTED), Seqs.of(SETTING, FINANCIAL_YEAR, MEASURE));
        return both.select(col(SETTING), col(FINANCIAL_YEAR), col(MEASURE),
                col(ACTUAL), col(PROJECTED),
                round(try_divide(col(PROJECTED).minus(col(ACTUAL)).multiply(lit(100)), col(ACTUAL)), 2)
                        .cast(DataTypes.createDecimalType(12, 2)).as(ERROR_PCT));
    }

    /** Clients and cost per setting and year, plus an all-settings row, as (measure, value) rows. */
    private static Dataset<Row> bySetting(Dataset<Row> rows) {
        Dataset<Row> perSetting = rows.groupBy(SETTING, FINANCIAL_YEAR)
                .agg(sum("clients").as("clients"), sum("cost").as("cost"));
        Dataset<Row> all = rows.groupBy(FINANCIAL_YEAR)
                .agg(sum("clients").as("clients"), sum("cost").as("cost"))
                .withColumn(SETTING, lit(ALL_SETTINGS));
        return perSetting.unionByName(all)
                .select(col(SETTING), col(FINANCIAL_YEAR), explode(array(
                        struct(lit("clients").as(MEASURE), round(col("clients"), 2).cast(AMOUNT).as("value")),
                        struct(lit("gross_cost").as(MEASURE), Money.toPence(col("cost")).cast(AMOUNT).as("value"))))
                        .as("m"))
                .select(col(SETTING), col(FINANCIAL_YEAR), col("m." + MEASURE).as(MEASURE), col("m.value").as("value"));
    }

    private static void printSummary(StageContext context, Dataset<Row> accuracy) {
        context.progress().println("backtest: mean absolute percentage error (MAPE) over the years compared");
        accuracy.groupBy(SETTING, MEASURE).agg(round(avg(abs(col(ERROR_PCT))), 1).as("mape"))
                .orderBy(col(MEASURE), col(SETTING)).collectAsList()
                .forEach(r -> context.progress().printf("  %-12s %-24s MAPE %6s%%%n", r.getString(1), r.getString(0),
                        r.get(2)));
    }
}

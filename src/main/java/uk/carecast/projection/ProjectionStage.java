package uk.carecast.projection;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.ingest.Columns.*;
import static uk.carecast.projection.ProjectionColumns.*;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import uk.carecast.config.ProjectionOptions;
import uk.carecast.config.ServiceAreaRule;
import uk.carecast.demand.ServiceAreas;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.InputException;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.price.CostAssumption;
import uk.carecast.price.PriceIndex;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.population.PopulationColumns;
import uk.carecast.population.PopulationLookup;
import uk.carecast.rates.UsageRatesStage;
import uk.carecast.spark.Decimals;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYear;
import uk.carecast.time.FinancialYears;

/**
 * {@code demand_projection} and {@code cost_projection}: each cell of the latest snapshot carried
 * through the base financial year and the horizon. Projected clients = base usage rate ×
 * projected population, computed as base clients × population(y) ÷ population(base) so the base
 * year reproduces the observed count exactly, with a low and high band from the base count (see
 * {@link RateInterval}). Gross cost = clients × weekly unit cost (the cell's mean, or median, at
 * the base snapshot) × days in the year ÷ 7 × cumulative price index.
 */
public final class ProjectionStage implements Stage {

    public static final String DEMAND_TABLE = "demand_projection";
    public static final String COST_TABLE = "cost_projection";
    public static final DecimalType CLIENT_COUNT = DataTypes.createDecimalType(18, 4);
    public static final DecimalType INDEX = DataTypes.createDecimalType(20, PriceIndex.SCALE);
    public static final DecimalType PCT = DataTypes.createDecimalType(12, 6);

    @Override
    public String name() {
        return "projection";
    }

    @Override
    public List<String> inputs() {
        return List.of(UsageRatesStage.TABLE, IngestStage.POPULATION, IngestStage.POPULATION_FIVE_YEAR,
                IngestStage.COST_ASSUMPTIONS);
    }

    @Override
    public StageResult run(StageContext context) {
        Dataset<Row> rates = context.table(UsageRatesStage.TABLE);
        Dataset<Row> population = UsageRatesStage.population(context);
        Date base = rates.agg(max(SNAPSHOT_DATE)).first().getDate(0);
        if (base == null) {
            // Nobody in care on any snapshot leaves no base year to project from.
            throw new InputException("nothing to project: no placement in " + context.config().inputs().placements()
                    + " is active on any snapshot date " + context.config().snapshots().dates());
        }
        Dataset<Row> trend = UsageTrend.annual(rates, population, base.toLocalDate(), context.config().trend());
        Dataset<Row> demand = demand(rates, population, context.config().horizonYears(), trend);
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(DEMAND_TABLE, demand);
        tables.put(COST_TABLE, cost(context.spark(), demand, context.table(UsageRatesStage.TABLE),
                context.table(IngestStage.COST_ASSUMPTIONS), context.config().serviceAreas(),
                context.config().projection()));
        return StageResult.of(tables);
    }

    public static Dataset<Row> demand(Dataset<Row> usageRates, Dataset<Row> population, int horizonYears) {
        return demand(usageRates, population, horizonYears, UsageTrend.none(usageRates));
    }

    /**
     * As above, with the trend: projected clients = demography clients × (1 + annual trend) to the
     * power of the years since the base year, per setting × client group.
     */
    public static Dataset<Row> demand(Dataset<Row> usageRates, Dataset<Row> population, int horizonYears,
            Dataset<Row> trend) {
        Date baseDate = usageRates.agg(max(SNAPSHOT_DATE)).first().getDate(0);
        FinancialYear base = FinancialYear.containing(baseDate.toLocalDate());
        Column years = sequence(lit(base.startYear()), lit(base.startYear() + horizonYears));
        Dataset<Row> cells = usageRates.filter(col(SNAPSHOT_DATE).equalTo(lit(baseDate)))
                .select(col(LA_CODE), col(PRIMARY_SUPPORT_REASON), col(AGE_BAND), col(SEX), col(SETTING),
                        col(CLIENT_GROUP), col(SNAPSHOT_DATE).as(BASE_SNAPSHOT_DATE), col(CLIENTS).as(BASE_CLIENTS),
                        col(UsageRatesStage.RATE_PER_1000), col(PopulationColumns.POPULATION).as(BASE_POPULATION))
                .withColumn("fy_start", explode(years));
        Dataset<Row> projected = PopulationLookup.attach(cells, col("fy_start"), population);
        UsageRatesStage.requirePopulation(projected);
        Column yearsOn = col("fy_start").minus(base.startYear());
        Column multiplier = Decimals.compound(col(UsageTrend.ANNUAL_TREND), col("fy_start").minus(base.startYear()),
                UsageTrend.RATE);
        return projected
                .join(broadcast(trend.select(LA_CODE, SETTING, CLIENT_GROUP, UsageTrend.ANNUAL_TREND)),
                        Seqs.of(LA_CODE, SETTING, CLIENT_GROUP), "left")
                .na().fill(0, new String[] {UsageTrend.ANNUAL_TREND})
                .withColumn(FINANCIAL_YEAR, FinancialYears.label(col("fy_start")))
                .withColumn(DEMOGRAPHY_CLIENTS, col(BASE_CLIENTS).cast(DataTypes.createDecimalType(12, 0))
                        .multiply(col(PopulationColumns.POPULATION)).divide(col(BASE_POPULATION)).cast(CLIENT_COUNT))
                .withColumn(TREND_MULTIPLIER, multiplier)
                .withColumn(PROJECTED_CLIENTS, col(DEMOGRAPHY_CLIENTS).multiply(col(TREND_MULTIPLIER)).cast(CLIENT_COUNT))
                .withColumn(PROJECTED_CLIENTS_LOW, col(PROJECTED_CLIENTS)
                        .multiply(RateInterval.lowFactor(col(BASE_CLIENTS))).cast(CLIENT_COUNT))
                .withColumn(PROJECTED_CLIENTS_HIGH, col(PROJECTED_CLIENTS)
                        .multiply(RateInterval.highFactor(col(BASE_CLIENTS))).cast(CLIENT_COUNT))
                .drop("fy_start");
    }

    public static Dataset<Row> cost(SparkSession spark, Dataset<Row> demand, Dataset<Row> usageRates,
            Dataset<Row> costAssumptions, List<ServiceAreaRule> serviceAreas) {
        return cost(spark, demand, usageRates, costAssumptions, serviceAreas, ProjectionOptions.DEFAULTS);
    }

    public static Dataset<Row> cost(SparkSession spark, Dataset<Row> demand, Dataset<Row> usageRates,
            Dataset<Row> costAssumptions, List<ServiceAreaRule> serviceAreas, ProjectionOptions options) {
        Column meanGross = col(WEEKLY_COST).divide(col(CLIENTS));
        Column meanNet = col(WEEKLY_NET_COST).divide(col(CLIENTS));
        Column gross = options.usesMedian() ? col(MEDIAN_WEEKLY_COST) : meanGross;
        // The median has no net counterpart of its own: keep the cell's share the council pays.
        Column net = options.usesMedian()
                ? coalesce(try_divide(col(MEDIAN_WEEKLY_COST).multiply(col(WEEKLY_NET_COST)), col(WEEKLY_COST)),
                        lit(java.math.BigDecimal.ZERO))
                : meanNet;
        Dataset<Row> unitCosts = usageRates
                .join(demand.select(BASE_SNAPSHOT_DATE).distinct(), col(SNAPSHOT_DATE).equalTo(col(BASE_SNAPSHOT_DATE)))
                .select(col(LA_CODE), col(PRIMARY_SUPPORT_REASON), col(AGE_BAND), col(SEX), col(SETTING),
                        Money.toPence(gross.cast(Money.EXACT)).as(WEEKLY_UNIT_COST),
                        Money.toPence(net.cast(Money.EXACT)).as(WEEKLY_NET_UNIT_COST));
        Dataset<Row> index = priceIndex(spark, demand, costAssumptions);
        Column days = FinancialYears.days(FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR)));
        return demand
                .join(unitCosts, Seqs.of(LA_CODE, PRIMARY_SUPPORT_REASON, AGE_BAND, SEX, SETTING))
                .join(broadcast(index), Seqs.of(SETTING, FINANCIAL_YEAR))
                .select(col(LA_CODE), col(PRIMARY_SUPPORT_REASON), col(AGE_BAND), col(SEX), col(SETTING),
                        col(CLIENT_GROUP),
                        ServiceAreas.of(serviceAreas, col(SETTING), col(CLIENT_GROUP)).as(SERVICE_AREA),
                        col(FINANCIAL_YEAR), col(DEMOGRAPHY_CLIENTS), col(PROJECTED_CLIENTS),
                        col(PROJECTED_CLIENTS_LOW), col(PROJECTED_CLIENTS_HIGH), col(WEEKLY_UNIT_COST),
                        days.as(DAYS), col(PRICE_INDEX), col(UPLIFT_PCT), col(NLW_PART_PCT),
                        yearCost(col(PROJECTED_CLIENTS), col(WEEKLY_UNIT_COST), days).as(GROSS_COST),
                        yearCost(col(PROJECTED_CLIENTS_LOW), col(WEEKLY_UNIT_COST), days).as(GROSS_COST_LOW),
                        yearCost(col(PROJECTED_CLIENTS_HIGH), col(WEEKLY_UNIT_COST), days).as(GROSS_COST_HIGH),
                        col(WEEKLY_NET_UNIT_COST),
                        yearCost(col(PROJECTED_CLIENTS), col(WEEKLY_NET_UNIT_COST), days).as(NET_COST));
    }

    /** Clients × weekly unit cost × days ÷ 7 × price index, to the penny. */
    private static Column yearCost(Column clients, Column weeklyUnitCost, Column days) {
        return Money.toPence(clients.multiply(weeklyUnitCost).multiply(days).divide(lit(7)).multiply(col(PRICE_INDEX)));
    }

    private static Dataset<Row> priceIndex(SparkSession spark, Dataset<Row> demand, Dataset<Row> costAssumptions) {
        List<String> settings = demand.select(SETTING).distinct().collectAsList().stream().map(r -> r.getString(0))
                .sorted().toList();
        List<String> years = demand.select(FINANCIAL_YEAR).distinct().collectAsList().stream()
                .map(r -> r.getString(0)).sorted().toList();
        return priceIndex(spark, settings, FinancialYear.parse(years.get(0)),
                FinancialYear.parse(years.get(years.size() - 1)), costAssumptions);
    }

    /**
     * The cumulative price index per setting × financial year from {@code base} (index 1) to
     * {@code last}, with each year's uplift and its NLW part: the figures {@code cost_projection}
     * carries, for any list of settings (transitions may expect a setting no one is in today).
     */
    public static Dataset<Row> priceIndex(SparkSession spark, List<String> settings, FinancialYear base,
            FinancialYear last, Dataset<Row> costAssumptions) {
        List<CostAssumption> assumptions = CostAssumption.of(costAssumptions);
        List<Row> rows = PriceIndex.cumulative(assumptions, settings, base, last).stream()
                .map(e -> RowFactory.create(e.setting(), e.year().label(), e.index(),
                        e.upliftPct().setScale(PCT.scale(), java.math.RoundingMode.HALF_UP),
                        e.nlwUpliftPct().setScale(PCT.scale(), java.math.RoundingMode.HALF_UP)))
                .toList();
        StructType schema = new StructType()
                .add(SETTING, DataTypes.StringType)
                .add(FINANCIAL_YEAR, DataTypes.StringType)
                .add(PRICE_INDEX, INDEX)
                .add(UPLIFT_PCT, PCT)
                .add(NLW_PART_PCT, PCT);
        return spark.createDataFrame(rows, schema);
    }
}

package uk.carecast.flows;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.flows.FlowYears.FY_START;
import static uk.carecast.flows.FlowsColumns.*;
import static uk.carecast.ingest.Columns.*;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import uk.carecast.population.PopulationColumns;
import uk.carecast.population.PopulationLookup;
import uk.carecast.projection.ProjectionColumns;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.rates.UsageRatesStage;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYear;
import uk.carecast.time.FinancialYears;

/**
 * {@code stock_flow_projection}: the people in each area × setting × client group carried year by
 * year by their flows instead of by a usage rate:
 * clients(y) = clients(y−1) + admissions(y) − exits(y), from the clients at the base snapshot.
 * admissions(y) = Σ over age bands of the band's admissions per head in the rate year × its
 * population in y, so admissions grow with demography and ageing. exits(y) = exit share ×
 * (clients(y−1) + admissions(y)), the exit share being exits ÷ (opening + admissions) in the rate
 * year: the share of everyone in the setting during a year who left it. A rate applied to last
 * year's stock alone (exits ÷ average stock, or 1 ÷ mean stay) exceeds 1 for short stays such as
 * reablement and would drive the stock negative; the share stays between 0 and 1 and, with
 * steady flows, reproduces the rate year's stock. The rate year is the last complete financial
 * year by the base snapshot: the base year itself is part-observed when the snapshot is mid-year.
 */
public final class StockFlowProjection {

    public static final DecimalType SHARE = DataTypes.createDecimalType(12, 8);
    /** Working precision of the year-by-year recursion, rounded to {@link ProjectionStage#CLIENT_COUNT} on output. */
    private static final DecimalType WORKING = DataTypes.createDecimalType(30, 10);
    private static final String[] GROUP = {LA_CODE, SETTING, CLIENT_GROUP};
    private static final String PATH = "__admissions_path";

    private StockFlowProjection() {
    }

    public static Dataset<Row> project(SparkSession spark, Dataset<Row> flows, Dataset<Row> population,
            Dataset<Row> demandProjection) {
        Date baseDate = demandProjection.agg(max(ProjectionColumns.BASE_SNAPSHOT_DATE)).first().getDate(0);
        FinancialYear base = FinancialYear.containing(baseDate.toLocalDate());
        FinancialYear rateYear = FlowYears.lastCompleteBy(baseDate.toLocalDate());
        List<Integer> projected = demandProjection.select(FINANCIAL_YEAR).distinct().collectAsList().stream()
                .map(r -> FinancialYear.parse(r.getString(0)).startYear())
                .filter(y -> y > base.startYear()).sorted().toList();

        Dataset<Row> rateFlows = flows.filter(col(FINANCIAL_YEAR).equalTo(rateYear.label()));
        Dataset<Row> exitShares = rateFlows.groupBy(GROUP[0], GROUP[1], GROUP[2])
                .agg(sum(col(EXITS_ENDED).plus(col(EXITS_DIED))).as("__exits"),
                        sum(col(OPENING_CLIENTS).plus(col(ADMISSIONS))).as("__at_risk"))
                .select(col(LA_CODE), col(SETTING), col(CLIENT_GROUP),
                        when(col("__at_risk").gt(0), col("__exits").cast(DataTypes.createDecimalType(20, 0))
                                .divide(col("__at_risk"))).otherwise(lit(BigDecimal.ZERO)).cast(SHARE).as(EXIT_SHARE));
        Dataset<Row> baseStock = demandProjection.filter(col(FINANCIAL_YEAR).equalTo(base.label()))
                .groupBy(GROUP[0], GROUP[1], GROUP[2]).agg(sum(ProjectionColumns.BASE_CLIENTS).as("__base_clients"));
        Dataset<Row> cells = baseStock.join(exitShares, Seqs.of(GROUP), "full_outer")
                .select(col(LA_CODE), col(SETTING), col(CLIENT_GROUP),
                        coalesce(col("__base_clients"), lit(0L)).cast(WORKING).as("__base_clients"),
                        coalesce(col(EXIT_SHARE), lit(BigDecimal.ZERO).cast(SHARE)).as(EXIT_SHARE));

        Dataset<Row> admissions = cells.select(GROUP[0], GROUP[1], GROUP[2])
                .crossJoin(broadcast(years(spark, projected)))
                .join(projectedAdmissions(spark, rateFlows, population, projected),
                        Seqs.of(LA_CODE, SETTING, CLIENT_GROUP, FY_START), "left")
                .withColumn(ADMISSIONS, coalesce(col(ADMISSIONS), lit(BigDecimal.ZERO)).cast(WORKING));
        Dataset<Row> paths = admissions.groupBy(GROUP[0], GROUP[1], GROUP[2])
                .agg(collect_list(struct(col(FY_START), col(ADMISSIONS))).as(PATH));

        List<Integer> allYears = new ArrayList<>(List.of(base.startYear()));
        allYears.addAll(projected);
        Column stay = lit(BigDecimal.ONE).minus(col(EXIT_SHARE));
        Column clients = aggregate(filter(col(PATH), step -> step.getField(FY_START).leq(col(FY_START))),
                col("__base_clients"),
                (stock, step) -> stay.multiply(stock.plus(step.getField(ADMISSIONS))).cast(WORKING));
        Column clientsBefore = lag(col(CLIENTS), 1).over(Window.partitionBy(GROUP[0], GROUP[1], GROUP[2]).orderBy(FY_START));
        Dataset<Row> rateMethod = demandProjection.groupBy(LA_CODE, SETTING, CLIENT_GROUP, FINANCIAL_YEAR)
                .agg(sum(ProjectionColumns.PROJECTED_CLIENTS).as(RATE_METHOD_CLIENTS));
        return cells.join(paths, Seqs.of(GROUP), "left")
                .crossJoin(broadcast(years(spark, allYears)))
                .withColumn(CLIENTS, when(col(PATH).isNull(), col("__base_clients")).otherwise(clients))
                .join(admissions, Seqs.of(LA_CODE, SETTING, CLIENT_GROUP, FY_START), "left")
                .withColumn(EXITS, clientsBefore.plus(col(ADMISSIONS)).minus(col(CLIENTS)))
                .withColumn(FINANCIAL_YEAR, FinancialYears.label(col(FY_START)))
                .join(rateMethod, Seqs.of(LA_CODE, SETTING, CLIENT_GROUP, FINANCIAL_YEAR), "left")
                .select(col(LA_CODE), col(SETTING), col(CLIENT_GROUP), col(FINANCIAL_YEAR),
                        lit(baseDate).as(ProjectionColumns.BASE_SNAPSHOT_DATE),
                        lit(rateYear.label()).as(RATE_FINANCIAL_YEAR), col(EXIT_SHARE),
                        col(ADMISSIONS).cast(ProjectionStage.CLIENT_COUNT).as(ADMISSIONS),
                        col(EXITS).cast(ProjectionStage.CLIENT_COUNT).as(EXITS),
                        col(CLIENTS).cast(ProjectionStage.CLIENT_COUNT).as(CLIENTS),
                        coalesce(col(RATE_METHOD_CLIENTS), lit(BigDecimal.ZERO)).cast(ProjectionStage.CLIENT_COUNT)
                                .as(RATE_METHOD_CLIENTS));
    }

    /** Per cell and projected year: Σ over age bands of admissions ÷ population in the rate year × population(y). */
    private static Dataset<Row> projectedAdmissions(SparkSession spark, Dataset<Row> rateFlows, Dataset<Row> population,
            List<Integer> projected) {
        Dataset<Row> perHead = rateFlows.filter(col(PopulationColumns.POPULATION).gt(0))
                .select(col(LA_CODE), col(SETTING), col(CLIENT_GROUP), col(AGE_BAND),
                        col(ADMISSIONS).cast(DataTypes.createDecimalType(12, 0)).as("__admissions"),
                        col(PopulationColumns.POPULATION).as("__rate_population"))
                .crossJoin(broadcast(years(spark, projected)))
                .withColumn(SEX, lit(PopulationColumns.ALL_SEXES));
        Dataset<Row> withPopulation = PopulationLookup.attach(perHead, col(FY_START), population);
        UsageRatesStage.requirePopulation(withPopulation);
        return withPopulation.groupBy(LA_CODE, SETTING, CLIENT_GROUP, FY_START)
                .agg(sum(col("__admissions").multiply(col(PopulationColumns.POPULATION)).divide(col("__rate_population"))
                        .cast(WORKING)).as(ADMISSIONS));
    }

    private static Dataset<Row> years(SparkSession spark, List<Integer> startYears) {
        return spark.createDataFrame(startYears.stream().map(y -> RowFactory.create(y)).toList(),
                new StructType().add(FY_START, DataTypes.IntegerType));
    }
}

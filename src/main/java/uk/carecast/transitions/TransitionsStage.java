package uk.carecast.transitions;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.AGE_BAND;
import static uk.carecast.demand.DemandColumns.CLIENT_GROUP;
import static uk.carecast.ingest.Columns.*;
import static uk.carecast.projection.ProjectionColumns.DAYS;
import static uk.carecast.projection.ProjectionColumns.GROSS_COST;
import static uk.carecast.projection.ProjectionColumns.PRICE_INDEX;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.ServiceAreaRule;
import uk.carecast.demand.ClientGroups;
import uk.carecast.demand.ServiceAreas;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYear;
import uk.carecast.time.FinancialYears;

/**
 * {@code transitions_projection}: the young people aged 14-17 with expected adult needs, as new
 * adult clients from their 18th birthday (the 1st of the birth month, as ages are taken
 * everywhere) and their cost, per area × client group × service area × setting × financial year
 * of the projection (the years of {@code cost_projection}). Each person counts as their
 * likelihood, the chance the need continues into adult services: new clients = Σ likelihood of
 * those turning 18 in the year; cumulative clients = Σ likelihood of all who are 18 by the year's
 * end (they stay in service, as the projection's cells do); gross cost = Σ likelihood × expected
 * weekly cost × days of the year from the 18th birthday ÷ 7 × the setting's price index, the index
 * of {@code cost_projection}. Rounded to the penny once, per published row.
 */
public final class TransitionsStage implements Stage {

    public static final String TABLE = "transitions_projection";
    public static final String NEW_CLIENTS = "new_clients";
    public static final String CUMULATIVE_CLIENTS = "cumulative_clients";

    /** At 18 every young person is in the 18-64 band: the client group follows from the support reason. */
    private static final String ADULT_BAND = "18-64";

    @Override
    public String name() {
        return "transitions";
    }

    @Override
    public List<String> inputs() {
        return List.of(IngestStage.TRANSITIONS, IngestStage.COST_ASSUMPTIONS);
    }

    @Override
    public StageResult run(StageContext context) {
        // The projection's years, from the job itself: the FY of the latest snapshot and the horizon after it.
        FinancialYear base = FinancialYear.containing(context.config().snapshots().latestDate());
        return StageResult.of(Map.of(TABLE, project(context.spark(), context.table(IngestStage.TRANSITIONS),
                base, base.plus(context.config().horizonYears()),
                context.table(IngestStage.COST_ASSUMPTIONS), context.config().serviceAreas())));
    }

    /** The projection from {@code base} to {@code last}, priced with the index of {@code cost_projection}. */
    public static Dataset<Row> project(SparkSession spark, Dataset<Row> transitions, FinancialYear base,
            FinancialYear last, Dataset<Row> costAssumptions, List<ServiceAreaRule> serviceAreas) {
        List<String> settings = transitions.select(EXPECTED_SETTING).distinct().collectAsList().stream()
                .map(r -> r.getString(0)).sorted().toList();
        Dataset<Row> index = ProjectionStage.priceIndex(spark, settings, base, last, costAssumptions)
                .select(SETTING, FINANCIAL_YEAR, PRICE_INDEX);
        return project(transitions, base, last, index, serviceAreas);
    }

    /** As above with the price index given (setting × financial year → {@code price_index}). */
    public static Dataset<Row> project(Dataset<Row> transitions, FinancialYear base, FinancialYear last,
            Dataset<Row> priceIndex, List<ServiceAreaRule> serviceAreas) {
        Column fyStart = col("fy_start");
        Column firstDay = make_date(fyStart, lit(4), lit(1));
        Column nextFirstDay = make_date(fyStart.plus(1), lit(4), lit(1));
        Column adultFrom = col("adult_from");
        // Days of the year on which the person is an adult: from the later of the birthday and 1 April.
        Column adultDays = greatest(lit(0), datediff(nextFirstDay, greatest(adultFrom, firstDay)));
        Column likelihood = col(LIKELIHOOD);
        Column zero = lit(BigDecimal.ZERO);
        Dataset<Row> personYears = transitions
                .select(col(LA_CODE), col(PRIMARY_SUPPORT_REASON), col(EXPECTED_SETTING).as(SETTING),
                        col(EXPECTED_WEEKLY_COST),
                        // An empty likelihood means the need is expected to continue: 1.
                        coalesce(col(LIKELIHOOD), lit(BigDecimal.ONE)).as(LIKELIHOOD),
                        make_date(col(BIRTH_YEAR).plus(18), col(BIRTH_MONTH), lit(1)).as("adult_from"))
                .withColumn(AGE_BAND, lit(ADULT_BAND))
                .withColumn(CLIENT_GROUP, ClientGroups.of(col(PRIMARY_SUPPORT_REASON), col(AGE_BAND)))
                .withColumn(SERVICE_AREA, ServiceAreas.of(serviceAreas, col(SETTING), col(CLIENT_GROUP)))
                .withColumn("fy_start", explode(sequence(lit(base.startYear()), lit(last.startYear()))))
                .withColumn(FINANCIAL_YEAR, FinancialYears.label(fyStart))
                .withColumn("new", when(adultFrom.geq(firstDay).and(adultFrom.lt(nextFirstDay)), likelihood)
                        .otherwise(zero))
                .withColumn("cumulative", when(adultFrom.lt(nextFirstDay), likelihood).otherwise(zero))
                .withColumn("cost", likelihood.multiply(col(EXPECTED_WEEKLY_COST)).multiply(adultDays)
                        .divide(lit(7)).cast(Money.EXACT))
                .join(broadcast(priceIndex), Seqs.of(SETTING, FINANCIAL_YEAR), "left");
        return personYears
                .groupBy(col(LA_CODE), col(CLIENT_GROUP), col(SERVICE_AREA), col(SETTING), col(FINANCIAL_YEAR),
                        FinancialYears.days(fyStart).as(DAYS), col(PRICE_INDEX))
                .agg(sum("new").cast(ProjectionStage.CLIENT_COUNT).as(NEW_CLIENTS),
                        sum("cumulative").cast(ProjectionStage.CLIENT_COUNT).as(CUMULATIVE_CLIENTS),
                        sum("cost").as("cost"))
                .select(col(LA_CODE), col(CLIENT_GROUP), col(SERVICE_AREA), col(SETTING), col(FINANCIAL_YEAR),
                        col(NEW_CLIENTS), col(CUMULATIVE_CLIENTS), col(DAYS), col(PRICE_INDEX),
                        Money.toPence(col("cost").multiply(col(PRICE_INDEX))).as(GROSS_COST));
    }
}

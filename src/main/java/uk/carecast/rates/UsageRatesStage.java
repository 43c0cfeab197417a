package uk.carecast.rates;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import uk.carecast.demand.DemandSnapshotStage;
import uk.carecast.ingest.Columns;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.InputException;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.population.PopulationColumns;
import uk.carecast.population.PopulationLookup;
import uk.carecast.time.FinancialYears;

/**
 * {@code usage_rates}: clients per 1,000 population in each demand cell at each snapshot, against
 * the financial-year population of the year the snapshot falls in.
 */
public final class UsageRatesStage implements Stage {

    public static final String TABLE = "usage_rates";
    public static final String RATE_PER_1000 = "rate_per_1000";
    public static final DecimalType RATE = DataTypes.createDecimalType(20, 8);

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(DemandSnapshotStage.TABLE, IngestStage.POPULATION, IngestStage.POPULATION_FIVE_YEAR);
    }

    @Override
    public StageResult run(StageContext context) {
        return StageResult.of(Map.of(TABLE,
                rates(context.table(DemandSnapshotStage.TABLE), population(context))));
    }

    /**
     * The population rate cells are looked up in: the broad bands, and with five-year rates the
     * five-year bands too (a pooled cell is a broad band, the others five-year ones).
     */
    public static Dataset<Row> population(StageContext context) {
        Dataset<Row> broad = context.table(IngestStage.POPULATION);
        return context.config().rates().fiveYear()
                ? PopulationLookup.allBands(broad, context.table(IngestStage.POPULATION_FIVE_YEAR))
                : broad;
    }

    public static Dataset<Row> rates(Dataset<Row> snapshot, Dataset<Row> population) {
        Dataset<Row> withPopulation = PopulationLookup.attach(snapshot,
                FinancialYears.startYearOf(col(SNAPSHOT_DATE)), population);
        requirePopulation(withPopulation);
        return withPopulation.withColumn(RATE_PER_1000,
                col(CLIENTS).cast(DataTypes.createDecimalType(12, 0)).multiply(lit(1000))
                        .divide(col(PopulationColumns.POPULATION)).cast(RATE));
    }

    public static void requirePopulation(Dataset<Row> cells) {
        List<Row> missing = cells.filter(col(PopulationColumns.POPULATION).isNull().or(col(PopulationColumns.POPULATION).leq(0)))
                .select(Columns.LA_CODE, AGE_BAND, Columns.SEX).distinct().limit(5).collectAsList();
        if (!missing.isEmpty()) {
            throw new InputException("population files have no positive population for " + missing.stream()
                    .map(r -> "la_code " + r.get(0) + ", age band " + r.get(1) + ", sex " + r.get(2)).toList()
                    + ": add the SNPP files for these areas to inputs.population");
        }
    }
}

package uk.carecast.demand;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.ingest.Columns.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.population.AgeBands;
import uk.carecast.spark.ColumnLists;
import uk.carecast.spark.MapLookup;
import uk.carecast.spark.Seqs;

/**
 * Puts active placements into five-year age bands where there are people enough to measure a rate,
 * and pools the rest back into their broad band. The unit pooled is a whole broad band × snapshot ×
 * area × support reason × sex × setting: if any of its five-year cells holds fewer than the
 * threshold (an empty one holds none), all of them become the broad band. Pooling whole groups
 * keeps every person in exactly one cell, so the base year's clients still add up to what was
 * observed.
 */
public final class AgeBandPooling {

    private static final String[] GROUP = {SNAPSHOT_DATE, LA_CODE, PRIMARY_SUPPORT_REASON, AGE_BAND, SEX, SETTING};

    private AgeBandPooling() {
    }

    /** {@code active} with {@code age_band} the five-year band, or the broad band where pooled. */
    public static Dataset<Row> apply(Dataset<Row> active, int minCellClients) {
        Dataset<Row> fineCells = active.groupBy(ColumnLists.join(ColumnLists.cols(GROUP), col(FIVE_YEAR_BAND)))
                .agg(countDistinct(PERSON_ID).as("fine_clients"));
        Dataset<Row> pooled = fineCells.groupBy(ColumnLists.cols(GROUP))
                .agg(min("fine_clients").as("smallest"), count(lit(1)).as("bands"))
                .withColumn("pooled", col("smallest").lt(minCellClients)
                        .or(col("bands").lt(bandsIn(col(AGE_BAND)))))
                .drop("smallest", "bands");
        return active.join(pooled, Seqs.of(GROUP))
                .withColumn(AGE_BAND, when(col("pooled"), col(AGE_BAND)).otherwise(col(FIVE_YEAR_BAND)))
                .drop("pooled");
    }

    private static Column bandsIn(Column broadBand) {
        return MapLookup.of(AgeBands.FIVE_YEAR_BANDS_IN, broadBand);
    }
}

package uk.carecast.publish;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import uk.carecast.spark.ColumnLists;

/**
 * NHS England's disclosure control for counts of people in tables that leave the team. Internal
 * tables keep exact counts; the published set (quarterly-refresh issue) passes its count columns
 * through one of these rules.
 */
public final class Disclosure {

    public static final String SUPPRESSED = "suppressed";

    private Disclosure() {
    }

    /**
     * Counts from 1 to 4 are suppressed (null); a modelled count (a decimal) above 0 and below 5 is
     * treated the same way, since it stands for one to four people. Where a group (the cells a published total adds up,
     * e.g. the age bands of one setting) has exactly one suppressed cell, its smallest other
     * non-zero cell is suppressed too, so the total cannot give the small count away. Adds a
     * {@code suppressed} flag.
     */
    public static Dataset<Row> suppress(Dataset<Row> table, String count, List<String> group) {
        Column small = col(count).gt(0).and(col(count).lt(5));
        WindowSpec inGroup = Window.partitionBy(ColumnLists.cols(group));
        // Unsuppressed non-zero cells first, smallest first, then every other column, so the choice is stable.
        Column[] order = ColumnLists.join(new Column[] {when(small.or(col(count).leq(0)), 1).otherwise(0), col(count)},
                ColumnLists.cols(java.util.Arrays.stream(table.columns()).filter(c -> !c.equals(count)).toList()));
        Dataset<Row> ranked = table
                .withColumn("_small", small)
                .withColumn("_small_in_group", sum(when(small, 1).otherwise(0)).over(inGroup))
                .withColumn("_cells", count(lit(1)).over(inGroup))
                .withColumn("_rank", row_number().over(inGroup.orderBy(order)));
        Column secondary = col("_small_in_group").equalTo(1).and(col("_cells").gt(1)).and(not(col("_small")))
                .and(col(count).gt(0)).and(col("_rank").equalTo(1));
        return ranked
                .withColumn(SUPPRESSED, col("_small").or(secondary))
                .withColumn(count, when(col(SUPPRESSED), lit(null)).otherwise(col(count)))
                .drop("_small", "_small_in_group", "_cells", "_rank");
    }

    /** Every count rounded to the nearest 5 (1 and 2 become 0, 3 and 4 become 5). */
    public static Dataset<Row> roundToFive(Dataset<Row> table, String count) {
        return table.withColumn(count, round(col(count).divide(5)).multiply(5).cast("long"));
    }
}

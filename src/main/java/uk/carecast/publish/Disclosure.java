package uk.carecast.publish;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
        return suppress(table, List.of(count), group, List.of(SUPPRESSED));
    }

    /**
     * {@link #suppress(Dataset, String, List)} for each of {@code counts}, each judged on its own, with
     * its flag in the matching column of {@code flags}. Every count is worked out in one window over the
     * group: a window per count sorted the table again for each (flows has six), and ranking the cells
     * sorted it once more, where the smallest cell is only a minimum. Each count is judged on the table
     * as it came in; the cell picked is the least in the order below, so two cells equal in every
     * column would both go (a table's keys leave none).
     */
    public static Dataset<Row> suppress(Dataset<Row> table, List<String> counts, List<String> group, List<String> flags) {
        if (counts.size() != flags.size() || Set.copyOf(counts).size() != counts.size()) {
            throw new IllegalArgumentException("one flag per count, each count once: " + counts + ", " + flags);
        }
        if (counts.isEmpty()) {
            return table;
        }
        WindowSpec inGroup = Window.partitionBy(ColumnLists.cols(group));
        List<Column> columns = new ArrayList<>(List.of(ColumnLists.cols(table.columns())));
        columns.add(count(lit(1)).over(inGroup).as("_cells"));
        for (int i = 0; i < counts.size(); i++) {
            String count = counts.get(i);
            Column small = small(col(count));
            // Unsuppressed non-zero cells first, smallest first, then every other column, so the choice is stable.
            // The group's own columns are left out: equal throughout the window, they never decide, and copying
            // their text into every row's struct cost time (SF150's nine tables: 28-29 s in a new JVM, from 32-33 s).
            Column order = struct(ColumnLists.join(
                    new Column[] {when(small.or(col(count).leq(0)), 1).otherwise(0), col(count)},
                    ColumnLists.cols(Arrays.stream(table.columns())
                            .filter(c -> !c.equals(count) && !group.contains(c)).toList())));
            columns.add(sum(when(small, 1).otherwise(0)).over(inGroup).as("_small_in_group_" + i));
            columns.add(min(order).over(inGroup).eqNullSafe(order).as("_first_" + i));
        }
        Dataset<Row> out = table.select(columns.toArray(Column[]::new));
        for (int i = 0; i < counts.size(); i++) {
            String count = counts.get(i);
            Column small = small(col(count));
            Column secondary = col("_small_in_group_" + i).equalTo(1).and(col("_cells").gt(1)).and(not(small))
                    .and(col(count).gt(0)).and(col("_first_" + i));
            out = out.withColumn(flags.get(i), small.or(secondary))
                    .withColumn(count, when(col(flags.get(i)), lit(null)).otherwise(col(count)))
                    .drop("_small_in_group_" + i, "_first_" + i);
        }
        return out.drop("_cells");
    }

    private static Column small(Column count) {
        return count.gt(0).and(count.lt(5));
    }

    /** Every count rounded to the nearest 5 (1 and 2 become 0, 3 and 4 become 5). */
    public static Dataset<Row> roundToFive(Dataset<Row> table, String count) {
        return table.withColumn(count, round(col(count).divide(5)).multiply(5).cast("long"));
    }
}

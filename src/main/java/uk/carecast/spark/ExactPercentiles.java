package uk.carecast.spark;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import uk.carecast.ingest.Money;

/**
 * Percentiles of money computed on the exact decimals, interpolating linearly between ranked
 * values as Excel's PERCENTILE.INC does. Spark's own percentile functions return doubles, and
 * money must stay decimal. Aggregate one row per person with {@link #sorted}, then select
 * {@link #value} for each percentile.
 *
 * <p>The group's values are gathered into one sorted array by the aggregation itself, where a
 * window ranking them would shuffle and sort every person's row once more.
 */
public final class ExactPercentiles {

    private ExactPercentiles() {
    }

    /** Aggregate: the group's values, ascending (nulls left out, as the ranking of a percentile ignores them). */
    public static Column sorted(String value) {
        return array_sort(collect_list(col(value))).as(sortedName(value));
    }

    /** The percentile {@code p} of the {@link #sorted} values, rounded to the penny; null for an empty group. */
    public static Column value(String p, String value) {
        Column values = col("`" + sortedName(value) + "`");
        // Position p × (n − 1) in the 0-based ranking: its whole part picks the lower value.
        Column position = lit(new BigDecimal(p)).multiply(size(values).minus(1));
        Column whole = floor(position);
        Column low = try_element_at(values, whole.plus(1).cast("int"));
        Column high = coalesce(try_element_at(values, whole.plus(2).cast("int")), low);
        return Money.toPence(low.plus(position.minus(whole).multiply(high.minus(low))));
    }

    private static String sortedName(String value) {
        return "__sorted_" + value;
    }
}

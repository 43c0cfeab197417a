package uk.carecast.spark;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import uk.carecast.ingest.Money;

/**
 * Percentiles of money computed on the exact decimals, interpolating linearly between ranked
 * values as Excel's PERCENTILE.INC does. Spark's own percentile functions return doubles, and
 * money must stay decimal. Use {@link #ranked} on one row per person, then aggregate with
 * {@link #parts} and select {@link #value}.
 */
public final class ExactPercentiles {

    private static final String RANK = "__rank";
    private static final String COUNT = "__n";

    private ExactPercentiles() {
    }

    /** Each row's 1-based rank by {@code value} within its group, and the group's size. */
    public static Dataset<Row> ranked(Dataset<Row> rows, Column[] group, String value) {
        return rows.withColumn(RANK, row_number().over(Window.partitionBy(group).orderBy(value)))
                .withColumn(COUNT, count(lit(1)).over(Window.partitionBy(group)));
    }

    /** Aggregate: the two ranked values around percentile {@code p}'s position, and the fraction between. */
    public static Column parts(String p, String value) {
        Column lowerRank = floor(position(p)).plus(1);
        return struct(
                max(when(col(RANK).equalTo(lowerRank), col(value))).as("low"),
                max(when(col(RANK).equalTo(lowerRank.plus(1)), col(value))).as("high"),
                first(position(p).minus(floor(position(p)))).as("fraction"))
                .as(partsName(p, value));
    }

    /** The percentile from its {@link #parts}, rounded to the penny. */
    public static Column value(String p, String value) {
        Column parts = col("`" + partsName(p, value) + "`");
        Column low = parts.getField("low");
        Column high = coalesce(parts.getField("high"), low);
        return Money.toPence(low.plus(parts.getField("fraction").multiply(high.minus(low))));
    }

    /** Position p × (n − 1) in the 0-based ranking: its whole part picks the lower value. */
    private static Column position(String p) {
        return lit(new BigDecimal(p)).multiply(col(COUNT).minus(1));
    }

    private static String partsName(String p, String value) {
        return "__p" + p + "_" + value;
    }
}

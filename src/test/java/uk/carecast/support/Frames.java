package uk.carecast.support;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Small DataFrames built in a test, and their rows as sorted text for order-free comparison. */
public final class Frames {

    private Frames() {
    }

    public static Dataset<Row> of(SparkSession spark, StructType schema, Object[]... rows) {
        return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), schema);
    }

    public static Date date(String iso) {
        return Date.valueOf(iso);
    }

    public static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /** Each row as "a|b|c" from the named columns, sorted, so tests compare without caring about order. */
    public static List<String> rows(Dataset<Row> df, String... columns) {
        return df.selectExpr(columns).collectAsList().stream()
                .map(r -> java.util.stream.IntStream.range(0, r.size()).mapToObj(i -> String.valueOf(r.get(i)))
                        .collect(Collectors.joining("|")))
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}

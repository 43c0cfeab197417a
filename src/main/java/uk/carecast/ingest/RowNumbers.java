package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Numbers a Parquet file's rows from 1 in file order, the way a reader lists them, so a reject can
 * name its row. Parquet has no lines to count, and a window over the whole file would move every
 * row into one task (on 4 million placements that one task was most of the ingest); instead
 * {@code monotonically_increasing_id} gives each row its partition and its place in it, one small
 * job counts the rows per partition, and a row's number is the rows of the partitions before its
 * own plus its place. A scan of the same files splits them the same way each time, so the two
 * passes agree.
 */
final class RowNumbers {

    /** monotonically_increasing_id puts the partition above bit 33 and the place in it below. */
    private static final int PARTITION_SHIFT = 33;
    private static final long PLACE_MASK = (1L << PARTITION_SHIFT) - 1;
    private static final String ID = "__row_id";

    private RowNumbers() {
    }

    static Dataset<Row> inFileOrder(Dataset<Row> rows, String column) {
        Dataset<Row> withId = rows.withColumn(ID, monotonically_increasing_id());
        Column partition = shiftright(col(ID), PARTITION_SHIFT);
        List<Row> sizes = withId.groupBy(partition.as("partition")).agg(count(lit(1)).as("rows"))
                .orderBy("partition").collectAsList();
        List<Column> offsets = new ArrayList<>();
        long before = 0;
        for (Row size : sizes) {
            offsets.add(lit(size.getLong(0)));
            offsets.add(lit(before));
            before += size.getLong(1);
        }
        Column offset = offsets.isEmpty() ? lit(0L) : element_at(map(offsets.toArray(Column[]::new)), partition);
        return withId.withColumn(column, offset.plus(col(ID).bitwiseAND(PLACE_MASK)).plus(1)).drop(ID);
    }
}

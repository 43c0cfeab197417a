package uk.carecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class RowNumbersTest {

    @Test
    void rowsAreNumberedFromOneAcrossPartitionsInOrder(SparkSession spark) {
        // 0..9 in 3 partitions of 3, 3 and 4 rows: partition 1's first row follows partition 0's 3 rows, so it is
        // row 4; the value v is always in row v + 1.
        Dataset<Row> values = spark.range(0, 10, 1, 3).toDF("v");
        assertEquals(3, values.rdd().getNumPartitions());
        List<String> numbered = Frames.rows(RowNumbers.inFileOrder(values, "row").orderBy("v"), "v", "row");
        assertEquals(List.of("0|1", "1|2", "2|3", "3|4", "4|5", "5|6", "6|7", "7|8", "8|9", "9|10"), numbered);
    }

    @Test
    void emptyPartitionsAndEmptyInputsNumberNothing(SparkSession spark) {
        // 2 rows in 4 partitions: two partitions are empty and take no numbers.
        Dataset<Row> values = spark.range(0, 2, 1, 4).toDF("v");
        assertEquals(List.of("0|1", "1|2"), Frames.rows(RowNumbers.inFileOrder(values, "row").orderBy("v"), "v", "row"));
        assertEquals(0, RowNumbers.inFileOrder(spark.range(0).toDF("v"), "row").count());
    }
}

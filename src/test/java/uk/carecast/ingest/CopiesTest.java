package uk.carecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.support.SparkTest;

@SparkTest
class CopiesTest {

    @Test
    void eachRowGetsHowManyRowsShareItsKeyWhenMoreThanOneDo(SparkSession spark) {
        StructType schema = new StructType().add("row", DataTypes.IntegerType).add("id", DataTypes.StringType);
        Dataset<Row> rows = spark.createDataFrame(Arrays.asList(
                RowFactory.create(1, "A"), RowFactory.create(2, "B"), RowFactory.create(3, "A"),
                RowFactory.create(4, "C"), RowFactory.create(5, "A"), RowFactory.create(6, "B"),
                RowFactory.create(7, null), RowFactory.create(8, null)), schema);

        List<String> copies = TableValidator.withCopies(rows, "id").orderBy("row").collectAsList().stream()
                .map(r -> r.getInt(0) + ":" + (r.isNullAt(2) ? "-" : r.getLong(2))).toList();

        // A is on rows 1, 3 and 5 (3 copies), B on 2 and 6 (2), C once; a missing id is no key, not a copy.
        assertEquals(List.of("1:3", "2:2", "3:3", "4:-", "5:3", "6:2", "7:-", "8:-"), copies);
    }

    @Test
    void aKeyOfTwoColumnsIsACopyOnlyWhereBothAgree(SparkSession spark) {
        StructType schema = new StructType().add("row", DataTypes.IntegerType).add("year", DataTypes.StringType)
                .add("setting", DataTypes.StringType);
        Dataset<Row> rows = spark.createDataFrame(Arrays.asList(
                RowFactory.create(1, "2025/26", "nursing"), RowFactory.create(2, "2025/26", "day_care"),
                RowFactory.create(3, "2026/27", "nursing"), RowFactory.create(4, "2025/26", "nursing")), schema);

        List<String> copies = TableValidator.withCopies(rows, "year", "setting").orderBy("row").collectAsList().stream()
                .map(r -> r.getInt(0) + ":" + (r.isNullAt(3) ? "-" : r.getLong(3))).toList();

        // Only rows 1 and 4 share both the year and the setting.
        assertEquals(List.of("1:2", "2:-", "3:-", "4:2"), copies);
    }
}

package uk.carecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class CopiesTest {

    @Test
    void eachRowGetsHowManyRowsShareItsKeyWhenMoreThanOneDo(SparkSession spark) {
        StructType schema = new StructType().add("row", DataTypes.IntegerType).add("id", DataTypes.StringType);
        Dataset<Row> rows = Frames.of(spark, schema, new Object[] {1, "A"}, new Object[] {2, "B"},
                new Object[] {3, "A"}, new Object[] {4, "C"}, new Object[] {5, "A"}, new Object[] {6, "B"},
                new Object[] {7, null}, new Object[] {8, null});

        // A is on rows 1, 3 and 5 (3 copies), B on 2 and 6 (2), C once; a missing id is no key, not a copy.
        assertEquals(List.of("1|3", "2|2", "3|3", "4|null", "5|3", "6|2", "7|null", "8|null"),
                Frames.rows(TableValidator.withCopies(rows, "id"), "row", "_copies"));
    }

    @Test
    void aKeyOfTwoColumnsIsACopyOnlyWhereBothAgree(SparkSession spark) {
        StructType schema = new StructType().add("row", DataTypes.IntegerType).add("year", DataTypes.StringType)
                .add("setting", DataTypes.StringType);
        Dataset<Row> rows = Frames.of(spark, schema, new Object[] {1, "2025/26", "nursing"},
                new Object[] {2, "2025/26", "day_care"}, new Object[] {3, "2026/27", "nursing"},
                new Object[] {4, "2025/26", "nursing"});

        // Only rows 1 and 4 share both the year and the setting.
        assertEquals(List.of("1|2", "2|null", "3|null", "4|2"),
                Frames.rows(TableValidator.withCopies(rows, "year", "setting"), "row", "_copies"));
    }
}

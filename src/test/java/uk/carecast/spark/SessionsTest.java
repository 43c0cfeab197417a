package uk.carecast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SessionsTest {

    @Test
    void settingsGivenToSparkSubmitWinOverTheJobFiles() {
        // As spark-submit --conf spark.sql.shuffle.partitions=64 leaves it for the application to read.
        SparkConf submitted = new SparkConf(false).set("spark.sql.shuffle.partitions", "64");

        Map<String, String> applied = Sessions.notSubmitted(
                Map.of("spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false"), submitted);

        assertEquals(Map.of("spark.ui.enabled", "false"), applied);
    }
}

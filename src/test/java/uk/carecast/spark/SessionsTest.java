package uk.carecast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.support.SparkTest;

@SparkTest
class SessionsTest {

    @Test
    void generatedMethodsStaySmallEnoughForHotSpotToCompile(SparkSession spark) {
        // 8,000 bytes of bytecode is HotSpot's HugeMethodLimit; Spark's own default, 65,535, let ingest's
        // validation run as one method the JIT never compiled.
        assertEquals("8000", spark.conf().get("spark.sql.codegen.hugeMethodLimit"));
    }

    @Test
    void aHugeMethodLimitGivenToSparkSubmitIsLeftAsItIs() {
        SparkConf submitted = new SparkConf(false).set("spark.sql.codegen.hugeMethodLimit", "65535");

        // The other default stays.
        assertEquals(Map.of(Sessions.DELTA_STATISTICS, "false"),
                Sessions.notSubmitted(Sessions.DEFAULTS, submitted));
    }

    @Test
    void settingsGivenToSparkSubmitWinOverTheJobFiles() {
        // As spark-submit --conf spark.sql.shuffle.partitions=64 leaves it for the application to read.
        SparkConf submitted = new SparkConf(false).set("spark.sql.shuffle.partitions", "64");

        Map<String, String> applied = Sessions.notSubmitted(
                Map.of("spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false"), submitted);

        assertEquals(Map.of("spark.ui.enabled", "false"), applied);
    }
}

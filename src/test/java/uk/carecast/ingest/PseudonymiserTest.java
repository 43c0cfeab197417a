package uk.carecast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.support.SparkTest;

@SparkTest
class PseudonymiserTest {

    @Test
    void equalsTheJdksHmacSha256(SparkSession spark) throws Exception {
        String key = "a-test-key-of-more-than-16-bytes";
        // Repeats, one after another and apart: each thread keeps its last result, which must be the id's own.
        List<String> ids = List.of("P000001", "P000001", "person with spaces", "P000001", "£ and ü", "£ and ü");
        var hashed = spark.createDataset(ids, Encoders.STRING()).toDF("id")
                .select(new Pseudonymiser(key.getBytes(StandardCharsets.UTF_8)).pseudonymise(col("id")))
                .as(Encoders.STRING()).collectAsList();

        List<String> expected = new java.util.ArrayList<>();
        for (String id : ids) {
            expected.add(jdkHmacHex(key, id));
        }
        assertEquals(expected, hashed);
    }

    @Test
    void anotherKeyGivesAnotherPseudonym(SparkSession spark) {
        var ids = spark.createDataset(List.of("P000001"), Encoders.STRING()).toDF("id");
        String one = ids.select(new Pseudonymiser("key-number-one-0000".getBytes()).pseudonymise(col("id"))).first().getString(0);
        String two = ids.select(new Pseudonymiser("key-number-two-0000".getBytes()).pseudonymise(col("id"))).first().getString(0);
        assertNotEquals(one, two);
    }

    @Test
    void theSameIdUnderAnotherKeyIsHashedAgain() throws Exception {
        Pseudonymiser one = new Pseudonymiser("key-number-one-0000".getBytes(StandardCharsets.UTF_8));
        Pseudonymiser two = new Pseudonymiser("key-number-two-0000".getBytes(StandardCharsets.UTF_8));
        String expectedTwo = jdkHmacHex("key-number-two-0000", "P1");
        String first = one.pseudonymise("P1");
        // The same thread, the same id straight after, another key: the last result must not be reused.
        assertEquals(expectedTwo, two.pseudonymise("P1"));
        assertEquals(first, one.pseudonymise("P1"));
        assertNotEquals(first, expectedTwo);
    }

    /** The JDK's own HMAC-SHA256 of the id, in hex: what a pseudonym must equal. */
    private static String jdkHmacHex(String key, String id) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesToRunWithoutAKey() {
        var noKey = new uk.carecast.config.Pseudonymisation("CARECAST_TEST_NO_SUCH_VARIABLE", null);
        var error = org.junit.jupiter.api.Assertions.assertThrows(uk.carecast.config.ConfigException.class,
                () -> Pseudonymiser.from(noKey));
        org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().startsWith(
                "no pseudonymisation key: set the environment variable CARECAST_TEST_NO_SUCH_VARIABLE"), error.getMessage());
        var shortKey = org.junit.jupiter.api.Assertions.assertThrows(uk.carecast.config.ConfigException.class,
                () -> new Pseudonymiser("too-short".getBytes(StandardCharsets.UTF_8)));
        org.junit.jupiter.api.Assertions.assertTrue(shortKey.getMessage().contains("at least 16 bytes"));
    }
}

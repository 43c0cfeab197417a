package uk.carecast.ingest;

import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import uk.carecast.config.ConfigException;
import uk.carecast.config.Pseudonymisation;

/**
 * Replaces person identifiers by HMAC-SHA256(key, id), in hex. CSV inputs are hashed on the driver
 * as they are read, so no raw identifier is ever written, even to scratch files; Parquet inputs,
 * which Spark reads itself, are hashed by a UDF that holds the key. A UDF rather than sha2 over
 * key-derived literals: literals would put the key into query plans, explain output and event logs.
 */
public final class Pseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";
    /** Each thread's keyed Mac, with the key it was keyed with. */
    private static final ThreadLocal<Map.Entry<byte[], Mac>> MACS = new ThreadLocal<>();
    private final byte[] key;

    public Pseudonymiser(byte[] key) {
        if (key.length < 16) {
            throw new ConfigException("the pseudonymisation key must be at least 16 bytes");
        }
        this.key = key.clone();
    }

    public static Pseudonymiser from(Pseudonymisation config) {
        String fromEnv = System.getenv(config.keyEnv());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Pseudonymiser(fromEnv.trim().getBytes(StandardCharsets.UTF_8));
        }
        if (config.keyFile() == null) {
            throw new ConfigException("no pseudonymisation key: set the environment variable " + config.keyEnv()
                    + " or pseudonymisation.key_file in the job file");
        }
        try {
            return new Pseudonymiser(Files.readString(Path.of(config.keyFile())).trim().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read the pseudonymisation key file " + config.keyFile(), e);
        }
    }

    /** The HMAC on the driver, for records read there. */
    public String pseudonymise(String personId) {
        return hmacHex(key, personId);
    }

    /** The HMAC as a column, for rows Spark reads itself. */
    public Column pseudonymise(Column personId) {
        byte[] secret = key.clone();
        UserDefinedFunction hmac = udf((UDF1<String, String>) id -> id == null ? null : hmacHex(secret, id),
                DataTypes.StringType);
        return hmac.apply(personId);
    }

    private static String hmacHex(byte[] secret, String value) {
        return HexFormat.of().formatHex(mac(secret).doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A Mac for this key, one per thread (a Mac is not thread-safe): looking the algorithm up and
     * keying it for each of millions of identifiers cost more than the hashing.
     */
    private static Mac mac(byte[] secret) {
        Map.Entry<byte[], Mac> cached = MACS.get();
        if (cached != null && java.util.Arrays.equals(cached.getKey(), secret)) {
            return cached.getValue();
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            MACS.set(Map.entry(secret.clone(), mac));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

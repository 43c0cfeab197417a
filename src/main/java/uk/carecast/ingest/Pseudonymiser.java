package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.spark.sql.Column;
import uk.carecast.config.ConfigException;
import uk.carecast.config.Pseudonymisation;

/**
 * Replaces person identifiers by HMAC-SHA256(key, id) in hex. The HMAC is built from Spark's own
 * sha2 and concat (RFC 2104: H((K ^ opad) || H((K ^ ipad) || m))), so no UDF runs per row and the
 * key's padded forms are the only secret that reaches the executors.
 */
public final class Pseudonymiser {

    private static final int BLOCK = 64;
    private final byte[] key;
    private final byte[] innerPad;
    private final byte[] outerPad;

    public Pseudonymiser(byte[] key) {
        if (key.length < 16) {
            throw new ConfigException("the pseudonymisation key must be at least 16 bytes");
        }
        this.key = key.clone();
        byte[] block = new byte[BLOCK];
        byte[] k = key.length > BLOCK ? sha256(key) : key;
        System.arraycopy(k, 0, block, 0, k.length);
        innerPad = new byte[BLOCK];
        outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            innerPad[i] = (byte) (block[i] ^ 0x36);
            outerPad[i] = (byte) (block[i] ^ 0x5c);
        }
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

    /** The same HMAC on the driver, for records read there, so raw identifiers are never written anywhere. */
    public String pseudonymise(String personId) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(personId.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Column pseudonymise(Column personId) {
        Column inner = unhex(sha2(concat(lit(innerPad), encode(personId, "UTF-8")), 256));
        return sha2(concat(lit(outerPad), inner), 256);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

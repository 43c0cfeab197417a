package uk.carecast.config;

/**
 * Where the key for pseudonymising person identifiers comes from: the environment variable
 * named by {@code keyEnv} if it is set, otherwise the file {@code keyFile}.
 */
public record Pseudonymisation(String keyEnv, String keyFile) {

    public Pseudonymisation {
        keyEnv = keyEnv == null ? "CARECAST_PSEUDONYM_KEY" : keyEnv;
    }
}

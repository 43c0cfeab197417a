package uk.carecast.faults;

/** Fuzz cases that did not end in accounted rows or one clear error; the lines above name them. */
public final class UnhandledCasesException extends RuntimeException {

    public UnhandledCasesException(String message) {
        super(message);
    }
}

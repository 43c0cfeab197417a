package uk.carecast.publish;

/** A stage was asked to run before the table it reads had been written. */
public class MissingTableException extends RuntimeException {

    public MissingTableException(String message) {
        super(message);
    }
}

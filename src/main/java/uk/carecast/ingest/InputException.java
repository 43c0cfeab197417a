package uk.carecast.ingest;

/** An input file that cannot be used: the message names the file, the column, the rule and the value. */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }
}

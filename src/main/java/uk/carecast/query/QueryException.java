package uk.carecast.query;

/** A query command the user got wrong: a missing output folder, bad SQL, a bad argument. */
public final class QueryException extends RuntimeException {

    public QueryException(String message) {
        super(message);
    }
}

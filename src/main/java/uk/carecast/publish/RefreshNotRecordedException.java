package uk.carecast.publish;

/**
 * The run's tables are published under the output folder, but its refresh (the disclosure-controlled
 * folder or the Delta history) was not recorded. Distinct from a failed run, which publishes nothing:
 * the user must know the tables changed and that a re-run records the refresh.
 */
public class RefreshNotRecordedException extends RuntimeException {

    public RefreshNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}

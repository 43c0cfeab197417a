package uk.carecast.publish;

import java.util.List;
import java.util.Optional;

/**
 * A run that failed because the output folder's disk (or quota) filled up while it wrote. Told apart
 * from carecast's own faults because the user can mend it: free space and run again. By the time this is
 * thrown the run's staged files are deleted, so the space it took is back.
 */
public final class OutputFullException extends RuntimeException {

    /** What Linux (and so the JDK and Hadoop) say when a write finds no space. */
    private static final List<String> SIGNS = List.of("No space left on device", "Disk quota exceeded");

    /** Far deeper than Spark's wrapping of a task's failure goes; a guard against cause cycles. */
    private static final int MAX_DEPTH = 32;

    private OutputFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Which sign of a full disk {@code failure} or one of its causes carries, if any. */
    public static Optional<String> sign(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                Optional<String> found = SIGNS.stream().filter(message::contains).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code failure} as an OutputFullException when a full disk caused it, naming the {@code step} that
     * was writing and saying {@code what} the failure leaves published; any other failure as it is.
     */
    public static RuntimeException orAsIs(RuntimeException failure, String output, String step, String what) {
        return sign(failure).<RuntimeException>map(sign -> new OutputFullException("the disk of the output folder "
                + output + " filled up during " + step + " (" + sign + "): " + what + "; free some space and run again",
                failure)).orElse(failure);
    }
}

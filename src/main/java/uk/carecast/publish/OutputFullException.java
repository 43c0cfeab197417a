package uk.carecast.publish;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    private OutputFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Which sign of a full disk {@code failure} carries, searched in its whole printed trace: causes and
     * suppressed exceptions alike, as Spark and Parquet nest a failed task's write under both.
     */
    public static Optional<String> sign(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        return SIGNS.stream().filter(text::contains).findFirst();
    }

    /**
     * An OutputFullException for {@code failure} when a full disk caused it, naming the {@code step} that
     * was writing and saying {@code what} the failure leaves published.
     */
    public static Optional<OutputFullException> of(Throwable failure, String output, String step, String what) {
        return sign(failure).map(sign -> new OutputFullException("the disk of the output folder " + output
                + " filled up during " + step + " (" + sign + "): " + what + "; free some space and run again", failure));
    }

    /** As {@link #of}, or {@code failure} as it is when something else caused it. */
    public static RuntimeException orAsIs(RuntimeException failure, String output, String step, String what) {
        return of(failure, output, step, what).<RuntimeException>map(full -> full).orElse(failure);
    }
}

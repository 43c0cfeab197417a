package uk.carecast.faults;

/**
 * How one fuzz case ended: {@code detail} is the error's message for a clear error, what did not add
 * up (or the exception) for an unhandled one, the rows curated and rejected for an accounted one.
 */
public record FuzzOutcome(FuzzCase fuzzCase, Kind kind, String detail, double seconds) {

    public enum Kind {
        /** The run succeeded and every row of every file is curated or rejected, none lost or made up. */
        ACCOUNTED("accounted"),
        /** The run failed with one of the errors the command line shows as one line, naming the file. */
        CLEAR_ERROR("clear error"),
        /** Anything else: another exception, a message that is a stack trace, rows lost, outputs changed. */
        UNHANDLED("UNHANDLED");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String line() {
        String shown = detail.length() > 240 ? detail.substring(0, 240) + "..." : detail;
        return String.format("case %3d  %-22s %-16s %-11s %6.1f s  %s -> %s", fuzzCase.number(), fuzzCase.kind(),
                fuzzCase.table(), kind.label(), seconds, fuzzCase.detail(), shown.replaceAll("\\s+", " "));
    }
}

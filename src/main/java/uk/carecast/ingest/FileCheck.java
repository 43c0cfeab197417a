package uk.carecast.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/** What validation found in one input file: rows read, curated, rejected, warned, and problems per rule. */
public record FileCheck(String table, String file, String encoding, long rowsRead, long rowsCurated, long rowsRejected,
        long rowsWarned, Map<String, Long> problemsByRule) {

    public FileCheck {
        problemsByRule = Map.copyOf(problemsByRule);
        if (rowsRead != rowsCurated + rowsRejected) {
            throw new IllegalStateException(String.format("%s file %s: %d rows read but %d curated + %d rejected",
                    table, file, rowsRead, rowsCurated, rowsRejected));
        }
    }

    public BigDecimal rejectedShare() {
        return rowsRead == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(rowsRejected).divide(BigDecimal.valueOf(rowsRead), MathContext.DECIMAL64);
    }

    public String summary() {
        StringBuilder line = new StringBuilder(String.format("  %-16s %s (%s): %,d read, %,d curated, %,d rejected, %,d with warnings",
                table, file, encoding, rowsRead, rowsCurated, rowsRejected, rowsWarned));
        problemsByRule.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line.append(String.format("%n      %,8d  %s", e.getValue(), e.getKey())));
        return line.toString();
    }
}

package uk.carecast.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One sheet of the workbook as values: its name, what it holds (for the Notes sheet), its
 * columns and rows in order. Rows are grouped by their first {@code groupColumns} values (e.g.
 * council and financial year); with {@code totals}, each group ends in a totals row over its
 * money and count columns, labelled in the first column after the group key.
 */
public record SheetSpec(String name, String about, List<Column> columns, List<List<Object>> rows, int groupColumns,
        boolean totals) {

    /** How a column is shown, and whether a totals row adds it up. */
    public enum Kind {
        TEXT, MONEY, COUNT, RATE;

        public boolean totalled() {
            return this == MONEY || this == COUNT;
        }
    }

    /** A column: the table column it comes from, its header in the sheet and how it is shown. */
    public record Column(String source, String header, Kind kind) {
    }

    public SheetSpec {
        Objects.requireNonNull(name, "name");
        // Excel's own limits on a sheet name.
        if (name.isEmpty() || name.length() > 31 || name.matches(".*[\\[\\]:*?/\\\\].*")) {
            throw new IllegalArgumentException("not a sheet name Excel accepts: '" + name + "'");
        }
        columns = List.copyOf(columns);
        if (groupColumns < 0 || groupColumns >= columns.size()) {
            throw new IllegalArgumentException(name + ": " + groupColumns + " group columns of " + columns.size());
        }
        if (totals && columns.get(groupColumns).kind() != Kind.TEXT) {
            throw new IllegalArgumentException(name + ": the column after the group key holds the totals label, "
                    + "so it must be text, not " + columns.get(groupColumns));
        }
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row of " + row.size() + " values for "
                        + columns.size() + " columns");
            }
            // Values may be null (an empty cell), which List.copyOf refuses.
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }
}

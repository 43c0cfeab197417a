package uk.carecast.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Which quarterly refresh a run is: an id such as {@code 2025Q3} and the as-at date of the data.
 * Unset, the as-at date is the latest snapshot and the id its calendar year and quarter, so the
 * 30 September 2025 data is refresh 2025Q3. Re-running a refresh replaces it in the history.
 * {@code record: false} publishes the tables without recording a refresh (its folder and the Delta
 * history), for a what-if run that must leave the quarter's record alone.
 */
public record Refresh(String id, String asAt, Boolean record) {

    public Refresh(String id, String asAt) {
        this(id, asAt, null);
    }

    public Refresh {
        record = record == null || record;
        if (id != null && !id.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new ConfigException("refresh.id must be letters, digits, _ or - (e.g. 2026Q3), got '" + id + "'");
        }
        if (asAt != null) {
            try {
                LocalDate.parse(asAt);
            } catch (DateTimeParseException e) {
                throw new ConfigException("refresh.as_at must be a date like 2026-09-30, got '" + asAt + "'");
            }
        }
    }

    /** This refresh with the id and as-at date filled in from the latest snapshot where unset. */
    public Refresh completedFrom(LocalDate latestSnapshot) {
        LocalDate date = asAt == null ? latestSnapshot : LocalDate.parse(asAt);
        return new Refresh(id == null ? date.getYear() + "Q" + ((date.getMonthValue() + 2) / 3) : id, date.toString(),
                record);
    }

    public LocalDate asAtDate() {
        return LocalDate.parse(asAt);
    }
}

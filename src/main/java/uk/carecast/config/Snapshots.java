package uk.carecast.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshot dates: every 31 March from {@code firstYearEnd} up to {@code latest}, plus {@code latest}
 * itself (normally the latest quarter end). The latest snapshot is the base of the projection.
 */
public record Snapshots(String firstYearEnd, String latest) {

    public Snapshots {
        LocalDate first = parse("snapshots.first_year_end", firstYearEnd);
        LocalDate last = parse("snapshots.latest", latest);
        if (first.getMonthValue() != 3 || first.getDayOfMonth() != 31) {
            throw new ConfigException("snapshots.first_year_end must be a 31 March, got " + firstYearEnd);
        }
        if (last.isBefore(first)) {
            throw new ConfigException("snapshots.latest (" + latest + ") is before snapshots.first_year_end (" + firstYearEnd + ")");
        }
    }

    public LocalDate latestDate() {
        return LocalDate.parse(latest);
    }

    public List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate last = latestDate();
        for (LocalDate d = LocalDate.parse(firstYearEnd); !d.isAfter(last); d = d.plusYears(1)) {
            dates.add(d);
        }
        if (!dates.contains(last)) {
            dates.add(last);
        }
        return List.copyOf(dates);
    }

    private static LocalDate parse(String key, String value) {
        JobConfig.require(value, key);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + " must be a date written yyyy-MM-dd, got '" + value + "'");
        }
    }
}

package uk.carecast.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An English financial year, 1 April to 31 March, written {@code 2025/26}. */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /** Parses {@code 2025/26}; the second part must be the following year. */
    public static FinancialYear parse(String label) {
        String text = label.trim();
        if (!text.matches("\\d{4}/\\d{2}")) {
            throw new IllegalArgumentException("financial year '" + label + "' is not of the form 2025/26");
        }
        int start = Integer.parseInt(text.substring(0, 4));
        int end = Integer.parseInt(text.substring(5));
        if ((start + 1) % 100 != end) {
            throw new IllegalArgumentException("financial year '" + label + "' does not end the year after it starts");
        }
        return new FinancialYear(start);
    }

    public String label() {
        return String.format("%d/%02d", startYear, (startYear + 1) % 100);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(firstDay(), lastDay().plusDays(1));
    }

    public FinancialYear plus(int years) {
        return new FinancialYear(startYear + years);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}

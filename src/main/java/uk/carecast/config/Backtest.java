package uk.carecast.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The backtest: fit the model on the snapshot of {@code fitYearEnd} (a 31 March), project forward,
 * and compare with every later 31 March snapshot the records hold.
 */
public record Backtest(String fitYearEnd) {

    public Backtest {
        JobConfig.require(fitYearEnd, "backtest.fit_year_end");
        try {
            LocalDate date = LocalDate.parse(fitYearEnd);
            if (date.getMonthValue() != 3 || date.getDayOfMonth() != 31) {
                throw new ConfigException("backtest.fit_year_end must be a 31 March, got " + fitYearEnd);
            }
        } catch (DateTimeParseException e) {
            throw new ConfigException("backtest.fit_year_end must be a date written yyyy-MM-dd, got '" + fitYearEnd + "'");
        }
    }

    public LocalDate fitDate() {
        return LocalDate.parse(fitYearEnd);
    }
}

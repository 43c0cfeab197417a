package uk.carecast.flows;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.flows.FlowYears.*;
import static uk.carecast.ingest.Columns.*;

import org.apache.spark.sql.Column;
import uk.carecast.demand.WeeklyCost;
import uk.carecast.ingest.Money;
import uk.carecast.time.FinancialYears;

/**
 * Full-year effect of the packages started in a year and still running into the next: what a
 * full year of each costs (weekly-equivalent cost × days in the following financial year ÷ 7,
 * the year the full effect lands in, so 366 days when it holds a 29 February) less what it cost in
 * its first year (weekly cost × days from its start to 31 March ÷ 7). Packages are placements, so
 * a new package within a continuing spell (a new provider or price) has a full-year effect too.
 */
public final class FullYearEffect {

    /** Unrounded pounds per package, summed and rounded once where the cell is published. */
    public static final String PACKAGE_FYE = "package_full_year_effect";

    private FullYearEffect() {
    }

    /** The package starts in the year of the row's {@link FlowYears} columns and runs on past its end. */
    public static Column startsAndRunsOn() {
        return col(START_DATE).between(col(FY_FIRST_DAY), col(FY_LAST_DAY))
                .and(col(Spells.LAST_DAY).isNull().or(col(Spells.LAST_DAY).gt(col(FY_LAST_DAY))));
    }

    /** The package's full-year effect in pounds, unrounded, for the year of the row's {@link FlowYears} columns. */
    public static Column amount() {
        Column daysInFirstYear = datediff(col(FY_LAST_DAY), col(START_DATE)).plus(1);
        Column daysInFullYear = FinancialYears.days(col(FY_START).plus(1));
        return WeeklyCost.of(col(UNIT_COST), col(COST_FREQUENCY), col(UNITS_PER_WEEK))
                .multiply(daysInFullYear.minus(daysInFirstYear)).divide(lit(7)).cast(Money.EXACT);
    }

    public static Column total() {
        return Money.toPence(sum(PACKAGE_FYE));
    }
}

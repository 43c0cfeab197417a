package uk.carecast.demand;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import uk.carecast.ingest.Money;

/**
 * Weekly-equivalent cost of a placement: hourly × planned hours a week; daily × 7; weekly;
 * four-weekly ÷ 4; monthly × 12 ÷ (365.25 ÷ 7); annual ÷ (365.25 ÷ 7). One-off costs are not
 * recurring and have no weekly equivalent (null).
 */
public final class WeeklyCost {

    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");

    private WeeklyCost() {
    }

    public static Column of(Column unitCost, Column frequency, Column unitsPerWeek) {
        return unbounded(unitCost, frequency, unitsPerWeek).cast(Money.EXACT);
    }

    /** The same, in the decimal type Spark derives for the arithmetic (wide enough for any unit cost read). */
    public static Column unbounded(Column unitCost, Column frequency, Column unitsPerWeek) {
        return when(frequency.equalTo("hourly"), unitCost.multiply(coalesce(unitsPerWeek, lit(BigDecimal.ZERO))))
                .when(frequency.equalTo("daily"), unitCost.multiply(lit(7)))
                .when(frequency.equalTo("weekly"), unitCost)
                .when(frequency.equalTo("four_weekly"), unitCost.divide(lit(4)))
                .when(frequency.equalTo("monthly"), unitCost.multiply(lit(84)).divide(lit(DAYS_PER_YEAR)))
                .when(frequency.equalTo("annual"), unitCost.multiply(lit(7)).divide(lit(DAYS_PER_YEAR)));
    }
}

package uk.carecast.ingest;

import static org.apache.spark.sql.functions.round;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Money types. Amounts are exact decimals from input to output; the one rounding step is
 * {@link #toPence}, applied once where a stage publishes a money column (half-up, to the penny).
 */
public final class Money {

    /** Pounds and pence as read from an input file. */
    public static final DecimalType POUNDS = DataTypes.createDecimalType(18, 2);
    /** Intermediate weekly-equivalent amounts, before they are rounded for publication. */
    public static final DecimalType EXACT = DataTypes.createDecimalType(24, 8);

    /**
     * The largest weekly cost of one person's placement that is read. decimal(18,2) holds under 10^16;
     * a year of this (x 52.3), uplifted over the horizon and summed over a cell's people, must stay
     * inside it, and 10^9 a week leaves room for about 100,000 such people. No care costs this much:
     * above it is a typo (a cost in pence, a pasted reference number), rejected before it overflows.
     */
    public static final BigDecimal MAX_WEEKLY = new BigDecimal("1000000000.00");

    private Money() {
    }

    public static Column toPence(Column amount) {
        return round(amount, 2).cast(POUNDS);
    }
}

package uk.carecast.ingest;

import static org.apache.spark.sql.functions.round;

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

    private Money() {
    }

    public static Column toPence(Column amount) {
        return round(amount, 2).cast(POUNDS);
    }
}

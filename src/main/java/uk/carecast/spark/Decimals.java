package uk.carecast.spark;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DecimalType;

/** Decimal arithmetic Spark has no built-in for, without going through doubles. */
public final class Decimals {

    private Decimals() {
    }

    /** (1 + rate) to the power {@code years} (a whole number, 0 or more), as a decimal of {@code type}. */
    public static Column compound(Column rate, Column years, DecimalType type) {
        return aggregate(sequence(lit(1), greatest(years, lit(1))), lit(BigDecimal.ONE).cast(type),
                (acc, year) -> when(year.leq(years), acc.multiply(lit(BigDecimal.ONE).plus(rate))).otherwise(acc)
                        .cast(type));
    }
}

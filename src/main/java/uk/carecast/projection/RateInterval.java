package uk.carecast.projection;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The low / high band on a projected cell: an approximate 95% interval on its usage rate. The
 * base count n of a cell is treated as a Poisson draw, so its rate is known to about ±1.96 × √n
 * people, a relative ±1.96 ÷ √n that is carried to every projected year. Small cells get wide
 * bands; the low end stops at zero. The band covers sampling noise in the rate only, not
 * population or price error, and a sum of cell bounds is wider than the band of the sum (the
 * cells' noise partly cancels), so the bounds of a total are conservative.
 */
public final class RateInterval {

    /** Two-sided 95% normal quantile. */
    public static final double Z = 1.96;
    private static final DecimalType FACTOR = DataTypes.createDecimalType(12, 8);

    private RateInterval() {
    }

    public static Column lowFactor(Column baseClients) {
        return greatest(lit(0.0), lit(1.0).minus(relativeHalfWidth(baseClients))).cast(FACTOR);
    }

    public static Column highFactor(Column baseClients) {
        return lit(1.0).plus(relativeHalfWidth(baseClients)).cast(FACTOR);
    }

    private static Column relativeHalfWidth(Column baseClients) {
        return lit(Z).divide(sqrt(baseClients.cast("double")));
    }
}

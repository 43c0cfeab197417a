package uk.carecast.population;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * The adult age bands forecasting uses: the broad 18-64, 65-74, 75-84, 85+, and five-year bands
 * nested in them (18-24, 25-29, ..., 80-84, 85-89, 90+) for finer usage rates. Under-18s belong to
 * no band.
 */
public final class AgeBands {

    public static final List<String> ALL = List.of("18-64", "65-74", "75-84", "85+");
    /** How many five-year bands each broad band holds: 18-24 and eight more up to 60-64, and so on. */
    public static final Map<String, Integer> FIVE_YEAR_BANDS_IN = Map.of("18-64", 9, "65-74", 2, "75-84", 2, "85+", 2);

    private AgeBands() {
    }

    public static Column of(Column age) {
        return when(age.lt(18), lit(null).cast("string"))
                .when(age.leq(64), lit("18-64"))
                .when(age.leq(74), lit("65-74"))
                .when(age.leq(84), lit("75-84"))
                .otherwise(lit("85+"));
    }

    public static Column fiveYear(Column age) {
        Column lower = floor(age.divide(5)).multiply(5).cast("int");
        return when(age.lt(18), lit(null).cast("string"))
                .when(age.leq(24), lit("18-24"))
                .when(age.geq(90), lit("90+"))
                .otherwise(concat(lower.cast("string"), lit("-"), lower.plus(4).cast("string")));
    }

    /**
     * Age in whole years on {@code date} of someone born in {@code birthYear}/{@code birthMonth}.
     * Only year and month are known, so the birthday is taken as the 1st of the month.
     */
    public static Column ageOn(Column date, Column birthYear, Column birthMonth) {
        return year(date).minus(birthYear).minus(when(month(date).lt(birthMonth), 1).otherwise(0));
    }
}

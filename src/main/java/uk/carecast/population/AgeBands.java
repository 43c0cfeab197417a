package uk.carecast.population;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;

/** The adult age bands forecasting uses: 18-64, 65-74, 75-84, 85+. Under-18s belong to no band. */
public final class AgeBands {

    public static final List<String> ALL = List.of("18-64", "65-74", "75-84", "85+");

    private AgeBands() {
    }

    public static Column of(Column age) {
        return when(age.lt(18), lit(null).cast("string"))
                .when(age.leq(64), lit("18-64"))
                .when(age.leq(74), lit("65-74"))
                .when(age.leq(84), lit("75-84"))
                .otherwise(lit("85+"));
    }

    /**
     * Age in whole years on {@code date} of someone born in {@code birthYear}/{@code birthMonth}.
     * Only year and month are known, so the birthday is taken as the 1st of the month.
     */
    public static Column ageOn(Column date, Column birthYear, Column birthMonth) {
        return year(date).minus(birthYear).minus(when(month(date).lt(birthMonth), 1).otherwise(0));
    }
}

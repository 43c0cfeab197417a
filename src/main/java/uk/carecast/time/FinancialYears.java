package uk.carecast.time;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;

/** Financial-year arithmetic as Spark column expressions, so no UDF is needed. */
public final class FinancialYears {

    private FinancialYears() {
    }

    /** The calendar year in which the financial year containing {@code date} starts. */
    public static Column startYearOf(Column date) {
        return when(month(date).geq(4), year(date)).otherwise(year(date).minus(1));
    }

    /** {@code 2025} becomes {@code 2025/26}. */
    public static Column label(Column startYear) {
        return concat(startYear.cast("string"), lit("/"), lpad(startYear.plus(1).mod(100).cast("string"), 2, "0"));
    }

    /** {@code 2025/26} becomes {@code 2025}. */
    public static Column startYearOfLabel(Column label) {
        return substring(label, 1, 4).cast("int");
    }

    /** Days in the financial year starting in {@code startYear}: 366 when it holds a 29 February. */
    public static Column days(Column startYear) {
        Column firstDay = make_date(startYear, lit(4), lit(1));
        Column nextFirstDay = make_date(startYear.plus(1), lit(4), lit(1));
        return datediff(nextFirstDay, firstDay);
    }
}

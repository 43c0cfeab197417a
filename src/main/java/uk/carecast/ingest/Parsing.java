package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Text to typed values as council exports write them, as column expressions; a value that does
 * not parse becomes null (the validator turns that into a "wrong type" reject).
 */
public final class Parsing {

    private static final String ISO_DATE = "^\\d{4}-\\d{1,2}-\\d{1,2}$";
    private static final String UK_DATE = "^(\\d{1,2})/(\\d{1,2})/(\\d{4})$";

    private Parsing() {
    }

    public static Column parse(Column text, DataType type, String dateFormat) {
        if (type.equals(DataTypes.DateType)) {
            return date(text, dateFormat);
        }
        if (type instanceof DecimalType decimal) {
            return number(text, decimal);
        }
        if (type.equals(DataTypes.IntegerType)) {
            return when(text.rlike("^-?\\d+$"), text.try_cast(DataTypes.IntegerType));
        }
        return text;
    }

    /**
     * Money and other decimals: {@code 1234.5}, {@code £1,234.50}, {@code -£20}. More decimal places
     * than the type holds is a wrong value, not a silent rounding.
     */
    static Column number(Column text, DecimalType type) {
        return when(isNumber(text, type), plain(text).try_cast(type));
    }

    /** A number as {@link #number} reads it, whether or not the type holds it. */
    static Column isNumber(Column text, DecimalType type) {
        return plain(text).rlike("^-?\\d+(\\.\\d{1," + type.scale() + "})?$");
    }

    private static Column plain(Column text) {
        return regexp_replace(text, "[£,\\s]", "");
    }

    /**
     * A date only a US export writes: {@code 12/31/2024}, the second number a day over 12. The sign that a
     * file changed to month-first, in which {@code 01/05/2024} would be read wrongly too (as 1 May).
     */
    static Column isMonthFirst(Column text) {
        return text.rlike(UK_DATE).and(regexp_extract(text, UK_DATE, 1).try_cast("int").leq(12))
                .and(regexp_extract(text, UK_DATE, 2).try_cast("int").gt(12));
    }

    /** ISO yyyy-MM-dd, or UK dd/MM/yyyy: never US month-first. An impossible date (31/02) is null. */
    static Column date(Column text, String format) {
        Column iso = when(text.rlike(ISO_DATE), text.try_cast(DataTypes.DateType));
        Column uk = when(text.rlike(UK_DATE), concat_ws("-", regexp_extract(text, UK_DATE, 3),
                lpad(regexp_extract(text, UK_DATE, 2), 2, "0"), lpad(regexp_extract(text, UK_DATE, 1), 2, "0"))
                .try_cast(DataTypes.DateType));
        return switch (format) {
            case "iso" -> iso;
            case "uk" -> uk;
            default -> coalesce(iso, uk);
        };
    }
}

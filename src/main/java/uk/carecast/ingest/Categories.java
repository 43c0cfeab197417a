package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;

/** Matches category values written in any case, with spaces or underscores, to their canonical spelling. */
public final class Categories {

    private Categories() {
    }

    /** The canonical value, or null when the text matches none of {@code allowed}. */
    public static Column canonical(Column text, List<String> allowed) {
        Column key = matchKey(text);
        Column result = lit(null).cast("string");
        for (int i = allowed.size() - 1; i >= 0; i--) {
            String value = allowed.get(i);
            result = when(key.equalTo(lit(matchKey(value))), lit(value)).otherwise(result);
        }
        // Most values are already spelt canonically: only the others pay for the pattern matching.
        return when(text.isin(allowed.toArray()), text).otherwise(result);
    }

    static Column matchKey(Column text) {
        return lower(regexp_replace(trim(text), "[\\s_]+", " "));
    }

    static String matchKey(String text) {
        return text.trim().replaceAll("[\\s_]+", " ").toLowerCase(Locale.ROOT);
    }
}

package uk.carecast.ingest;

import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * One column of an input contract: its type once read, whether a value is required, and for
 * categories the canonical allowed values (matched ignoring case, spaces and underscores).
 */
public record ColumnRule(String name, DataType type, boolean required, List<String> allowed) {

    public ColumnRule {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public static ColumnRule required(String name, DataType type) {
        return new ColumnRule(name, type, true, List.of());
    }

    public static ColumnRule optional(String name, DataType type) {
        return new ColumnRule(name, type, false, List.of());
    }

    public static ColumnRule category(String name, List<String> allowed) {
        return new ColumnRule(name, org.apache.spark.sql.types.DataTypes.StringType, true, allowed);
    }

    public boolean isCategory() {
        return !allowed.isEmpty();
    }
}

package uk.carecast.spark;

import static org.apache.spark.sql.functions.*;

import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;

/** A small Java map as a Spark map literal, looked up per row: null where the key is not in it. */
public final class MapLookup {

    private MapLookup() {
    }

    public static Column of(Map<String, ?> entries, Column key) {
        Column[] pairs = entries.entrySet().stream()
                .flatMap(e -> Stream.of(lit(e.getKey()), lit(e.getValue())))
                .toArray(Column[]::new);
        return element_at(map(pairs), key);
    }
}

package uk.carecast.spark;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Column arrays for Dataset methods that take varargs: from names, and joined. */
public final class ColumnLists {

    private ColumnLists() {
    }

    public static Column[] cols(List<String> names) {
        return names.stream().map(functions::col).toArray(Column[]::new);
    }

    public static Column[] cols(String... names) {
        return cols(Arrays.asList(names));
    }

    public static Column[] join(Column[] first, Column... more) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(more)).toArray(Column[]::new);
    }
}

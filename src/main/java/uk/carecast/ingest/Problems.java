package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The problems found on one input row, as an array column of (column, rule, value, severity)
 * structs. An {@code error} rejects the row; a {@code warning} keeps it and is reported. The value
 * of a personal column is never copied into a problem, so it cannot reach the rejects table.
 * Each check is an array of one problem or none, and a row's array their concatenation: Spark
 * compiles that, where a higher-order function ({@code array_compact}, {@code exists}) is
 * interpreted, with every rule inside it, row by row.
 */
public final class Problems {

    public static final String COLUMN = "_problems";
    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String WITHHELD = "(withheld: personal data)";
    /** Contract columns whose values identify a person. */
    public static final Set<String> PERSONAL = Set.of(Columns.PERSON_ID, Columns.DATE_OF_DEATH);

    private Problems() {
    }

    public static Column error(Column when, String column, String rule, Column value) {
        return problem(when, column, rule, value, ERROR);
    }

    public static Column warning(Column when, String column, String rule, Column value) {
        return problem(when, column, rule, value, WARNING);
    }

    private static Column problem(Column when, String column, String rule, Column value, String severity) {
        Column shown = PERSONAL.contains(column)
                ? when(value.isNotNull(), lit(WITHHELD))
                : value.cast("string");
        return when(when, array(struct(lit(column).as("column_name"), lit(rule).as("rule"), shown.as("value"),
                lit(severity).as("severity")))).otherwise(array());
    }

    /** The problems found by these checks, as one array. */
    public static Column collect(List<Column> problems) {
        return problems.size() == 1 ? problems.get(0) : concat(problems.toArray(Column[]::new));
    }

    /** Appends more problems to a row's array. */
    public static Column append(Column existing, List<Column> more) {
        return concat(existing, collect(more));
    }

    public static Column hasError(Column problems) {
        return array_contains(problems.getField("severity"), ERROR);
    }

    /** Whether a row has a problem under any of these rules. */
    public static Column hasRule(Column problems, String... rules) {
        return arrays_overlap(problems.getField("rule"), array(Arrays.stream(rules).map(functions::lit).toArray(Column[]::new)));
    }
}

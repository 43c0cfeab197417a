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
 * interpreted, with every rule inside it, row by row. A table's own rules are appended only to a
 * row where one of them holds: most rows of an export have no problem, and each would otherwise
 * build and copy a dozen empty arrays.
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

    /** A check: the condition that finds the problem, and the problem it adds to a row. */
    public record Check(Column holds, Column problem) {

        /** The problem as an array of one where the check holds, of none elsewhere. */
        public Column asArray() {
            return when(holds, array(problem)).otherwise(array());
        }
    }

    public static Check error(Column when, String column, String rule, Column value) {
        return check(when, column, rule, value, ERROR);
    }

    public static Check warning(Column when, String column, String rule, Column value) {
        return check(when, column, rule, value, WARNING);
    }

    private static Check check(Column when, String column, String rule, Column value, String severity) {
        Column shown = PERSONAL.contains(column)
                ? when(value.isNotNull(), lit(WITHHELD))
                : value.cast("string");
        return new Check(when, struct(lit(column).as("column_name"), lit(rule).as("rule"), shown.as("value"),
                lit(severity).as("severity")));
    }

    /** The problems found by these checks, as one array. */
    public static Column collect(List<Check> checks) {
        return checks.size() == 1 ? checks.get(0).asArray()
                : concat(checks.stream().map(Check::asArray).toArray(Column[]::new));
    }

    /**
     * Appends more problems to a row's array, building them only where a check holds. For a table's own
     * rules, whose conditions are small: each condition is written twice, and the column rules' parsing
     * twice over made the generated code too large to compile, so Spark would interpret the projection.
     */
    public static Column append(Column existing, List<Check> more) {
        Column any = more.stream().map(Check::holds).reduce(Column::or).orElse(lit(false));
        return when(any, concat(existing, collect(more))).otherwise(existing);
    }

    public static Column hasError(Column problems) {
        return array_contains(problems.getField("severity"), ERROR);
    }

    /** Whether a row has a problem under any of these rules. */
    public static Column hasRule(Column problems, String... rules) {
        return arrays_overlap(problems.getField("rule"), array(Arrays.stream(rules).map(functions::lit).toArray(Column[]::new)));
    }
}

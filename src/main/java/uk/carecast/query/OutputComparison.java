package uk.carecast.query;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.sum;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import uk.carecast.spark.Concurrently;

/**
 * {@code compare [--ignore COLUMN]... DIR_A DIR_B}: whether two runs wrote the same tables, row
 * for row, e.g. the same job on a laptop and on a cluster. Every table of either folder (the
 * published ones and the histories) must be in both with the same columns and the same multiset
 * of rows: {@code EXCEPT ALL} both ways is empty, so a duplicated or missing row counts too.
 * Columns that differ between runs by design (a run's id) are left out with {@code --ignore}.
 * {@code --tables} compares only the published tables, {@code --history} only the Delta histories:
 * each is published atomically, but not atomically with the other (the history is recorded after
 * the tables), so a check of a killed run asks of each on its own whether it is one run's whole.
 */
public final class OutputComparison {

    private static final String IN_A = "_copies_in_a";
    private static final String IN_B = "_copies_in_b";

    private OutputComparison() {
    }

    /** Which of an output folder's tables a comparison covers. */
    public enum Scope {
        ALL, TABLES, HISTORY;

        boolean covers(OutputTable table) {
            return this == ALL || (this == HISTORY) == table.isHistory();
        }

        String noun() {
            return switch (this) {
                case ALL -> "tables";
                case TABLES -> "published tables";
                case HISTORY -> "history tables";
            };
        }
    }

    public record Arguments(String left, String right, Set<String> ignored, Scope scope) {

        private static final String USAGE = "usage: compare [--ignore COLUMN]... [--tables | --history] DIR_A DIR_B";

        public Arguments(String left, String right, Set<String> ignored) {
            this(left, right, ignored, Scope.ALL);
        }

        public static Arguments parse(List<String> args) {
            FolderArguments parsed = FolderArguments.parse(args, 2, Set.of("--tables", "--history"), USAGE);
            Scope scope = parsed.flag() == null ? Scope.ALL
                    : parsed.flag().equals("--tables") ? Scope.TABLES : Scope.HISTORY;
            return new Arguments(parsed.folders().get(0), parsed.folders().get(1), parsed.ignored(), scope);
        }
    }

    /** One table's comparison; {@code problem} is set when the rows could not be compared at all. */
    public record TableDiff(String table, long leftRows, long rightRows, long onlyLeft, long onlyRight, String problem) {

        public boolean same() {
            return problem == null && onlyLeft == 0 && onlyRight == 0;
        }
    }

    public static List<TableDiff> compare(SparkSession spark, String left, String right, Set<String> ignored) {
        return compare(spark, left, right, ignored, Scope.ALL);
    }

    /** As above, over the tables {@code scope} covers in either folder. */
    public static List<TableDiff> compare(SparkSession spark, String left, String right, Set<String> ignored,
            Scope scope) {
        Map<String, Dataset<Row>> a = tables(spark, left, scope);
        Map<String, Dataset<Row>> b = tables(spark, right, scope);
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        // A few tables at once: most tables are small, so each comparison is mostly the driver's work
        // (planning, generating code, replaying a Delta log), which another's tasks can overlap.
        return Concurrently.map(List.copyOf(names), name -> compareOne(name, a, b, left, right, ignored));
    }

    private static TableDiff compareOne(String name, Map<String, Dataset<Row>> a, Map<String, Dataset<Row>> b,
            String left, String right, Set<String> ignored) {
        if (!a.containsKey(name) || !b.containsKey(name)) {
            String where = a.containsKey(name) ? left : right;
            return new TableDiff(name, rows(a, name), rows(b, name), 0, 0, "only in " + where);
        }
        Dataset<Row> x = comparable(a.get(name), ignored);
        Dataset<Row> y = comparable(b.get(name), ignored);
        String xColumns = columns(x);
        String yColumns = columns(y);
        if (!xColumns.equals(yColumns)) {
            return new TableDiff(name, x.count(), y.count(), 0, 0,
                    "columns differ: (" + xColumns + ") against (" + yColumns + ")");
        }
        return difference(name, x, y);
    }

    private static Map<String, Dataset<Row>> tables(SparkSession spark, String root, Scope scope) {
        Map<String, Dataset<Row>> read = new TreeMap<>();
        OutputCatalog.tables(root).stream().filter(scope::covers).forEach(t -> read.put(t.name(), t.read(spark)));
        return read;
    }

    /**
     * {@code EXCEPT ALL} both ways and both row counts in one pass: each distinct row with its number
     * of copies on either side; a side's surplus copies are the rows only it has.
     */
    static TableDiff difference(String name, Dataset<Row> x, Dataset<Row> y) {
        Column[] all = Arrays.stream(x.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
        Row counts = x.withColumn(IN_A, lit(1L)).withColumn(IN_B, lit(0L))
                .unionAll(y.withColumn(IN_A, lit(0L)).withColumn(IN_B, lit(1L)))
                .groupBy(all)
                .agg(sum(IN_A).as(IN_A), sum(IN_B).as(IN_B))
                .agg(sum(IN_A), sum(IN_B), sum(greatest(col(IN_A).minus(col(IN_B)), lit(0L))),
                        sum(greatest(col(IN_B).minus(col(IN_A)), lit(0L))))
                .first();
        // Sums over no rows are null: two empty tables are the same.
        long[] n = new long[4];
        for (int i = 0; i < n.length; i++) {
            n[i] = counts.isNullAt(i) ? 0 : counts.getLong(i);
        }
        return new TableDiff(name, n[0], n[1], n[2], n[3], null);
    }

    /** Prints a line per table and a verdict; returns whether every table is the same. */
    public static boolean run(SparkSession spark, Arguments args, PrintStream out) {
        List<TableDiff> diffs = compare(spark, args.left(), args.right(), args.ignored(), args.scope());
        out.printf("%-34s %10s %10s %10s %10s%n", "table", "rows A", "rows B", "only in A", "only in B");
        for (TableDiff d : diffs) {
            out.printf("%-34s %,10d %,10d %,10d %,10d%s%n", d.table(), d.leftRows(), d.rightRows(), d.onlyLeft(),
                    d.onlyRight(), d.problem() == null ? "" : "  " + d.problem());
        }
        List<String> different = diffs.stream().filter(d -> !d.same()).map(TableDiff::table).toList();
        String ignoring = args.ignored().isEmpty() ? "" : " (ignoring " + String.join(", ", new TreeSet<>(args.ignored())) + ")";
        if (different.isEmpty()) {
            out.printf("A = %s and B = %s hold the same %d %s, row for row%s%n", args.left(), args.right(),
                    diffs.size(), args.scope().noun(), ignoring);
        }
        return different.isEmpty();
    }

    /** The table less the ignored columns, maps as sorted entry lists: set operations refuse map columns. */
    static Dataset<Row> comparable(Dataset<Row> table, Set<String> ignored) {
        Column[] kept = Arrays.stream(table.schema().fields())
                .filter(f -> !ignored.contains(f.name()))
                .map(f -> f.dataType() instanceof MapType
                        ? array_sort(map_entries(col("`" + f.name() + "`"))).as(f.name())
                        : col("`" + f.name() + "`"))
                .toArray(Column[]::new);
        return table.select(kept);
    }

    private static String columns(Dataset<Row> table) {
        return Arrays.stream(table.schema().fields()).map(OutputComparison::describe).collect(Collectors.joining(", "));
    }

    private static String describe(StructField f) {
        return f.name() + " " + f.dataType().catalogString();
    }

    private static long rows(Map<String, Dataset<Row>> tables, String name) {
        return tables.containsKey(name) ? tables.get(name).count() : 0;
    }
}

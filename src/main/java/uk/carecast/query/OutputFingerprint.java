package uk.carecast.query;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code fingerprint [--ignore COLUMN]... DIR}: a line per table of an output folder with its row
 * count and a digest of its multiset of rows, so two folders can be checked for the same rows
 * without being side by side (a cluster's output against a laptop's), and one folder against
 * several known states without reading them again. The digest is the sum over rows of two 64-bit
 * hashes of the whole row: it does not depend on row order or partitioning, and a changed, missing
 * or duplicated row changes it. Every table is hashed in one Spark job: a job per table would
 * spend most of the time starting jobs.
 */
public final class OutputFingerprint {

    private static final String TABLE = "_table";
    private static final String[] HASHES = {"_h1", "_h2"};

    private OutputFingerprint() {
    }

    /** One table's line: {@code group} is {@code tables} for a published table, {@code history} for a Delta history. */
    public record TableFingerprint(String group, String table, long rows, String digest) {

        public String line() {
            return group + " " + table + " rows=" + rows + " digest=" + digest;
        }
    }

    public record Arguments(String folder, Set<String> ignored) {

        private static final String USAGE = "usage: fingerprint [--ignore COLUMN]... DIR";

        public static Arguments parse(List<String> args) {
            FolderArguments parsed = FolderArguments.parse(args, 1, Set.of(), USAGE);
            return new Arguments(parsed.folders().get(0), parsed.ignored());
        }
    }

    /** The tables of {@code root}, sorted by name. */
    public static List<TableFingerprint> of(SparkSession spark, String root, Set<String> ignored) {
        List<OutputTable> tables = OutputCatalog.tables(root);
        Map<String, Row> sums = new TreeMap<>();
        tables.stream().map(t -> hashed(spark, t, ignored)).reduce(Dataset::unionAll).ifPresent(all -> all
                .groupBy(TABLE)
                .agg(count(lit(1)), Stream.of(HASHES).map(h -> sum(col(h).cast(DataTypes.createDecimalType(38, 0))))
                        .map(s -> coalesce(s, lit(0))).toArray(Column[]::new))
                .collectAsList()
                .forEach(r -> sums.put(r.getString(0), r)));
        return tables.stream().map(t -> {
            Row r = sums.get(t.name());
            // A table with no rows has no group: nothing was added up.
            String digest = r == null ? "0/0" : r.get(2) + "/" + r.get(3);
            return new TableFingerprint(t.isHistory() ? "history" : "tables", t.name(),
                    r == null ? 0 : r.getLong(1), digest);
        }).toList();
    }

    public static void run(SparkSession spark, Arguments args, PrintStream out) {
        of(spark, args.folder(), args.ignored()).forEach(f -> out.println(f.line()));
    }

    private static Dataset<Row> hashed(SparkSession spark, OutputTable table, Set<String> ignored) {
        Dataset<Row> rows = OutputComparison.comparable(table.read(spark), ignored);
        Column[] all = Arrays.stream(rows.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
        // The second hash starts from another seed: the column hashes chain, each seeding the next.
        Column[] salted = Stream.concat(Stream.of(lit("carecast")), Arrays.stream(all)).toArray(Column[]::new);
        return rows.select(lit(table.name()).as(TABLE), xxhash64(all).as(HASHES[0]), xxhash64(salted).as(HASHES[1]));
    }
}

package uk.carecast.publish;

import static org.apache.spark.sql.functions.*;

import java.sql.Date;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.Refresh;
import uk.carecast.spark.Concurrently;
import uk.carecast.spark.Seqs;

/**
 * Keeps every refresh of the published tables as Delta tables under {@code <output>/history/},
 * partitioned by {@code refresh_id}, so "the growth estimate as we said it in Q1" is a query and
 * Delta time travel works too. Writing a refresh is one Delta commit: an append the first time,
 * after that a replacement of exactly that refresh's partition ({@code replaceWhere}), so a re-run
 * leaves no duplicates, other refreshes are untouched, and a reader sees the old rows or the new
 * ones, never a mix. The curated inputs stay out: they hold a row per (pseudonymised) person, and
 * history is for the council's figures.
 */
public final class RefreshHistory {

    public static final String FOLDER = "history";
    public static final String REFRESH_ID = "refresh_id";
    public static final String AS_AT_DATE = "as_at_date";
    /** The refreshes whose every table is written; an underscore keeps it out of the table listing. */
    public static final String LOG = "_refreshes";

    private final SparkSession spark;
    private final Path root;

    public RefreshHistory(SparkSession spark, String outputRoot) {
        this.spark = spark;
        this.root = new Path(outputRoot, FOLDER);
    }

    /**
     * Records the named published tables as {@code refresh}; returns the tables recorded. The tables
     * are written a few at a time: each commit spends most of its time on the driver (reading and
     * writing the Delta log), so one table's commit overlaps another's Spark job.
     */
    public List<String> record(Refresh refresh, Collection<String> tables, OutputStore published) {
        List<String> kept = tables.stream().filter(PublishedSet::leavesTheTeam).toList();
        Concurrently.forEach(kept, table -> write(refresh, table, published));
        complete(refresh, published.runId(), kept.size());
        return kept;
    }

    /**
     * A refresh the table has never held is appended: an append needs no list of the table's files,
     * where replacing a partition has Delta replay the table's log to find them, most of a small
     * table's commit (figures in the README's history section). The refresh's partition folder is
     * there from the first file any run wrote for it, committed or not, so a re-run, or the run
     * after one killed half way, replaces.
     */
    private void write(Refresh refresh, String table, OutputStore published) {
        DataFrameWriter<Row> writer = published.table(table)
                .withColumn(REFRESH_ID, lit(refresh.id()))
                .withColumn(AS_AT_DATE, lit(Date.valueOf(refresh.asAtDate())))
                .write().format("delta")
                .partitionBy(REFRESH_ID)
                // A later version may add columns; older refreshes read them as null.
                .option("mergeSchema", "true");
        if (exists(new Path(path(table), REFRESH_ID + "=" + refresh.id()))) {
            writer.mode(SaveMode.Overwrite).option("replaceWhere", onlyThis(refresh));
        } else {
            writer.mode(SaveMode.Append);
        }
        writer.save(path(table));
    }

    /**
     * Marks the refresh complete, after every table of it is written. A run killed half way through
     * the tables leaves its refresh out of this log, and {@link #read} leaves it out of every table,
     * so no reader sees some tables at the new refresh and others without it.
     */
    private void complete(Refresh refresh, String runId, int tables) {
        spark.sql("select 1").select(lit(refresh.id()).as(REFRESH_ID), lit(Date.valueOf(refresh.asAtDate())).as(AS_AT_DATE),
                        lit(runId).as("run_id"), lit(tables).as("tables"), current_timestamp().as("recorded_at"))
                .write().format("delta").mode(SaveMode.Overwrite)
                .option("replaceWhere", onlyThis(refresh))
                .save(new Path(root, LOG).toString());
    }

    /** The predicate that confines a replacement to the refresh's own partition. */
    private static String onlyThis(Refresh refresh) {
        return REFRESH_ID + " = '" + refresh.id() + "'";
    }

    /** Every complete refresh of a table. */
    public Dataset<Row> read(String table) {
        Dataset<Row> rows = spark.read().format("delta").load(path(table));
        Path log = new Path(root, LOG);
        return exists(new Path(log, "_delta_log"))
                ? rows.join(spark.read().format("delta").load(log.toString()).select(REFRESH_ID).distinct(),
                        Seqs.of(REFRESH_ID), "left_semi")
                : rows;
    }

    /** Every refresh of a table, if any run has recorded it yet. */
    public java.util.Optional<Dataset<Row>> readIfExists(String table) {
        return exists(new Path(path(table), "_delta_log")) ? java.util.Optional.of(read(table)) : java.util.Optional.empty();
    }

    private boolean exists(Path path) {
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot look for " + path, e);
        }
    }

    public String root() {
        return root.toString();
    }

    public String path(String table) {
        return new Path(root, table).toString();
    }
}

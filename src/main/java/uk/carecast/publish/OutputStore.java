package uk.carecast.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The output folder: one Parquet folder per table ({@code output/<table>/}). A run writes its
 * tables into {@code output/_staging/<run>/} and only when every stage has succeeded moves them
 * into place, one rename per table, so a failed run leaves the previous outputs as they were and
 * no stale part file of an earlier run stays beside a new one. Folders starting with an
 * underscore are skipped by Spark, DuckDB and pandas when they read a table folder.
 */
public final class OutputStore {

    private final SparkSession spark;
    private final Path root;
    private final Path staging;
    private final Path trash;
    private final FileSystem fs;
    private final Set<String> staged = new LinkedHashSet<>();
    private final String runId;

    public OutputStore(SparkSession spark, String root, String runId) {
        this.spark = spark;
        this.runId = runId;
        this.root = new Path(root);
        this.staging = new Path(this.root, "_staging/" + runId);
        this.trash = new Path(this.root, "_replaced/" + runId);
        try {
            this.fs = this.root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the output folder " + root, e);
        }
    }

    public String runId() {
        return runId;
    }

    /** A folder for this run's intermediate files; it goes when the run publishes or fails. */
    public String scratch() {
        return new Path(staging, "_scratch").toString();
    }

    /** A table written earlier in this run, or else the published one. */
    public Dataset<Row> table(String name) {
        if (staged.contains(name)) {
            return spark.read().parquet(new Path(staging, name).toString());
        }
        Path published = new Path(root, name);
        if (!exists(published)) {
            throw new MissingTableException("table " + name + " is not in " + root
                    + ": run the stage that writes it first (or the whole job)");
        }
        return spark.read().parquet(published.toString());
    }

    /** Writes a table to this run's staging area and returns it as read back from there. */
    public Dataset<Row> write(String name, Dataset<Row> table) {
        table.write().mode(SaveMode.Overwrite).parquet(new Path(staging, name).toString());
        staged.add(name);
        return table(name);
    }

    /** Moves every staged table into place, replacing the published one; returns their names. */
    public List<String> publish() {
        List<String> names = List.copyOf(staged);
        try {
            for (String name : staged) {
                Path published = new Path(root, name);
                if (fs.exists(published)) {
                    fs.mkdirs(trash);
                    rename(published, new Path(trash, name));
                }
                rename(new Path(staging, name), published);
            }
            fs.delete(trash, true);
            deleteIfEmpty(trash.getParent());
            staged.clear();
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("publishing the outputs under " + root + " failed", e);
        } finally {
            discard();
        }
    }

    /** Throws away what this run staged; the published tables are not touched. */
    public void discard() {
        try {
            fs.delete(staging, true);
            deleteIfEmpty(staging.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + staging, e);
        }
        staged.clear();
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not move " + from + " to " + to);
        }
    }

    private void deleteIfEmpty(Path dir) throws IOException {
        if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
            fs.delete(dir, false);
        }
    }

    private boolean exists(Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

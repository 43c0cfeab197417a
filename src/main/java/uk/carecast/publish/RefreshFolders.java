package uk.carecast.publish;

import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.Refresh;
import uk.carecast.spark.Concurrently;

/**
 * Each refresh as plain Parquet, one folder per refresh ({@code <output>/refreshes/<refresh_id>/<table>/}),
 * for readers that know nothing of Delta (DuckDB, pandas, Power BI). The tables are the ones that
 * may leave the team, with their counts of people under disclosure control ({@link PublishedSet}),
 * and carry {@code refresh_id} and {@code as_at_date} so a glob over every refresh still says which
 * row came from where. A folder is written once: the refresh is written beside it and swapped in
 * with renames, so a re-run of a refresh never rewrites files a reader may have open.
 */
public final class RefreshFolders {

    public static final String FOLDER = "refreshes";

    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;

    public RefreshFolders(SparkSession spark, String outputRoot) {
        this.spark = spark;
        this.root = new Path(outputRoot, FOLDER);
        try {
            this.fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the output folder " + outputRoot, e);
        }
    }

    /** Publishes the named tables as {@code refresh}'s folder; returns the tables written. */
    public List<String> publish(Refresh refresh, Collection<String> tables, OutputStore published) {
        Path staged = new Path(root, "_staging/" + published.runId());
        Path replaced = new Path(root, "_replaced/" + published.runId());
        Path target = folder(refresh.id());
        try {
            // What a killed run left half made; refreshes are published one run at a time.
            fs.delete(staged.getParent(), true);
            fs.delete(replaced.getParent(), true);
            List<String> written = tables.stream().filter(PublishedSet::leavesTheTeam).toList();
            // A few at once, as the history's commits: each small table's write is mostly the driver's.
            Concurrently.forEach(written, table -> PublishedSet.protect(table, published.table(table))
                    .withColumn(RefreshHistory.REFRESH_ID, lit(refresh.id()))
                    .withColumn(RefreshHistory.AS_AT_DATE, lit(Date.valueOf(refresh.asAtDate())))
                    .write().mode(SaveMode.Overwrite).parquet(new Path(staged, table).toString()));
            if (fs.exists(target)) {
                fs.mkdirs(replaced.getParent());
                rename(target, replaced);
            }
            rename(staged, target);
            fs.delete(replaced, true);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("publishing refresh " + refresh.id() + " under " + root + " failed", e);
        } finally {
            deleteQuietly(staged);
            deleteIfEmpty(staged.getParent());
            deleteIfEmpty(replaced.getParent());
        }
    }

    public Path folder(String refreshId) {
        return new Path(root, refreshId);
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not move " + from + " to " + to);
        }
    }

    private void deleteQuietly(Path path) {
        try {
            fs.delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + path, e);
        }
    }

    private void deleteIfEmpty(Path dir) {
        try {
            if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
                fs.delete(dir, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}

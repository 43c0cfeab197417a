package uk.carecast.publish;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import uk.carecast.spark.Concurrently;

/**
 * The output folder: one Parquet folder per table ({@code output/<table>/}), all of one run.
 *
 * <p>On a local disk a run writes a complete set of tables into {@code output/_runs/<run>/} (the
 * tables it did not recompute are hard-linked from the current set), and publishing is one atomic
 * rename of the symbolic link {@code output/current}; each {@code output/<table>} is a fixed link to
 * {@code current/<table>}. So a reader, or a run killed at any moment, sees the previous complete
 * set or the new one, never some tables of each. The set before is kept one generation for readers
 * still on it; older and abandoned runs are removed when the next run publishes.
 *
 * <p>Other file systems (HDFS, object stores) have no such link: there the run stages under
 * {@code output/_staging/<run>/} and publishing moves each table folder into place, one rename per
 * table; a failed run still leaves the previous outputs as they were.
 *
 * <p>Folders starting with an underscore are skipped by Spark, DuckDB and pandas when they read a
 * table folder.
 */
public final class OutputStore {

    static final String RUNS = "_runs";
    static final String CURRENT = "current";
    static final String PREVIOUS = "_previous";

    private final SparkSession spark;
    private final Path root;
    private final Path staging;
    private final FileSystem fs;
    private final boolean linked;
    private final Set<String> staged = new LinkedHashSet<>();
    /**
     * The schema of each table this run wrote, so reading one back skips Spark's schema inference: a
     * Spark job per read that reads a file footer, and at the end of a run, when a few writes are in
     * flight at once, waits behind their tasks for a core while its writer waits for it.
     */
    private final Map<String, StructType> written = new ConcurrentHashMap<>();
    private final String runId;
    /** The run folder {@code current} pointed to before this run switched it, once it has; kept for readers. */
    private java.nio.file.Path replacedRun;

    public OutputStore(SparkSession spark, String root, String runId) {
        this.spark = spark;
        this.runId = runId;
        this.root = new Path(root);
        try {
            this.fs = this.root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the output folder " + root, e);
        }
        this.linked = "file".equals(fs.getScheme());
        this.staging = linked ? new Path(this.root, RUNS + "/" + runId) : new Path(this.root, "_staging/" + runId);
    }

    /**
     * Takes the output folder for this run, or fails at once if another run has it (see {@link OutputLock});
     * call before {@link #checkWritable()}, and close when the run ends, however it ends.
     */
    public OutputLock lock(Instant started) {
        return lock(started, Duration.ZERO, waiting -> { });
    }

    /** As {@link #lock(Instant)}, waiting up to {@code wait} for another run to finish first. */
    public OutputLock lock(Instant started, Duration wait, Consumer<String> onWait) {
        return linked ? OutputLock.acquire(local(root), runId, started, wait, onWait) : OutputLock.none();
    }

    /** A job's lock: from now, waiting up to {@code wait}, saying on {@code progress} whom it waits for. */
    public OutputLock lock(Duration wait, PrintStream progress) {
        return lock(Instant.now(), wait, line -> progress.println("carecast: " + line));
    }

    /**
     * Fails before any work if the output folder cannot take this run's files, naming the folder and
     * the reason, rather than after the stages when the first table is written.
     */
    public void checkWritable() {
        Path probe = new Path(staging, "_probe");
        try {
            fs.mkdirs(staging);
            fs.create(probe, true).close();
            fs.delete(probe, false);
        } catch (IOException | RuntimeException e) {
            throw new uk.carecast.config.ConfigException("output folder " + root + " is not writable: " + e.getMessage());
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
            return read(new Path(staging, name), name);
        }
        Path published = new Path(root, name);
        if (!exists(published)) {
            throw new MissingTableException("table " + name + " is not in " + root
                    + ": run the stage that writes it first (or the whole job)");
        }
        return read(published, name);
    }

    private Dataset<Row> read(Path folder, String name) {
        DataFrameReader reader = spark.read();
        StructType schema = written.get(name);
        return (schema == null ? reader : reader.schema(schema)).parquet(folder.toString());
    }

    /** Writes a table to this run's staging area and returns it as read back from there. */
    public Dataset<Row> write(String name, Dataset<Row> table) {
        return writeAll(Map.of(name, table)).get(name);
    }

    /**
     * Writes a stage's tables to this run's staging area, a few at once, and returns each as read back
     * from there, in the order given.
     */
    public Map<String, Dataset<Row>> writeAll(Map<String, Dataset<Row>> tables) {
        List<Map.Entry<String, Dataset<Row>>> entries = List.copyOf(tables.entrySet());
        Concurrently.forEach(entries, table -> table.getValue().write().mode(SaveMode.Overwrite)
                .parquet(new Path(staging, table.getKey()).toString()));
        Map<String, Dataset<Row>> readBack = new LinkedHashMap<>();
        for (Map.Entry<String, Dataset<Row>> table : entries) {
            staged.add(table.getKey());
            written.put(table.getKey(), table.getValue().schema());
            readBack.put(table.getKey(), table(table.getKey()));
        }
        return readBack;
    }

    /** Publishes every staged table, replacing the published one; returns their names. */
    public List<String> publish() {
        List<String> names = List.copyOf(staged);
        try {
            if (linked) {
                publishBySwitchingLink();
            } else {
                publishByRenames();
            }
            staged.clear();
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("publishing the outputs under " + root + " failed", e);
        } finally {
            if (!linked) {
                discard();
            }
        }
    }

    /**
     * Throws away what this run staged; the published tables are not touched. After a failure past the
     * link switch (linking a new table's folder, tidying up) this run's folder is the one {@code current}
     * points to, so it stays, as does the generation it replaced.
     *
     * @return false when this run's tables are the published ones (the failure came after the switch)
     */
    public boolean discard() {
        try {
            boolean published = publishedRuns().contains(local(staging));
            if (!published) {
                fs.delete(staging, true);
                deleteIfEmpty(staging.getParent());
            }
            staged.clear();
            return !published;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + staging, e);
        }
    }

    /** The run folders readers may be on: the one {@code current} points to and the one it replaced. */
    private Set<java.nio.file.Path> publishedRuns() throws IOException {
        Set<java.nio.file.Path> runs = new LinkedHashSet<>();
        if (!linked) {
            return runs;
        }
        java.nio.file.Path current = local(root).resolve(CURRENT);
        if (Files.isSymbolicLink(current)) {
            runs.add(local(root).resolve(Files.readSymbolicLink(current)).normalize());
        }
        if (replacedRun != null) {
            runs.add(replacedRun);
        }
        return runs;
    }

    private void publishBySwitchingLink() throws IOException {
        java.nio.file.Path out = local(root);
        java.nio.file.Path run = local(staging);
        java.nio.file.Path current = out.resolve(CURRENT);
        fs.delete(new Path(staging, "_scratch"), true);
        // Tables this run did not recompute (a --stage run) come along from the current set.
        if (Files.isDirectory(current)) {
            for (java.nio.file.Path table : list(current.toRealPath())) {
                if (!Files.exists(run.resolve(table.getFileName()))) {
                    hardLinkTree(table, run.resolve(table.getFileName()));
                }
            }
        }
        java.nio.file.Path was = Files.isSymbolicLink(current) ? Files.readSymbolicLink(current) : null;
        java.nio.file.Path next = out.resolve(CURRENT + ".next-" + runId);
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, out.relativize(run));
        // The one step that publishes: every table of the run at once.
        Files.move(next, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        replacedRun = was == null ? null : out.resolve(was).normalize();
        try {
            for (java.nio.file.Path table : list(run)) {
                link(out.resolve(table.getFileName()), java.nio.file.Path.of(CURRENT).resolve(table.getFileName()));
            }
            keepOnly(out, run, was);
        } catch (IOException | RuntimeException e) {
            // The tables are out; say so, rather than let the user think the run published nothing.
            throw new UncheckedIOException("the tables were published under " + root + " (" + CURRENT + " -> "
                    + out.relativize(run) + "), but linking or tidying the output folder failed afterwards: " + e,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** A fixed link {@code output/<table> -> current/<table>}; a folder from an older layout is replaced. */
    private void link(java.nio.file.Path tableLink, java.nio.file.Path target) throws IOException {
        if (Files.isSymbolicLink(tableLink)) {
            return;
        }
        if (Files.exists(tableLink)) {
            fs.delete(new Path(tableLink.toUri()), true);
        }
        Files.createSymbolicLink(tableLink, target);
    }

    /** Removes every run but the new one and the one it replaced, and links left by a killed run. */
    private void keepOnly(java.nio.file.Path out, java.nio.file.Path run, java.nio.file.Path was) throws IOException {
        java.nio.file.Path previous = was == null ? null : out.resolve(was).normalize();
        for (java.nio.file.Path other : list(out.resolve(RUNS))) {
            if (!other.equals(run) && !other.equals(previous)) {
                fs.delete(new Path(other.toUri()), true);
            }
        }
        try (Stream<java.nio.file.Path> entries = Files.list(out)) {
            for (java.nio.file.Path stale : entries.filter(p -> p.getFileName().toString().startsWith(CURRENT + ".next-"))
                    .toList()) {
                Files.deleteIfExists(stale);
            }
        }
    }

    private void publishByRenames() throws IOException {
        Path trash = new Path(root, "_replaced/" + runId);
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
    }

    private static void hardLinkTree(java.nio.file.Path from, java.nio.file.Path to) throws IOException {
        Files.createDirectories(to);
        for (java.nio.file.Path entry : list(from)) {
            java.nio.file.Path target = to.resolve(entry.getFileName());
            if (Files.isDirectory(entry)) {
                hardLinkTree(entry, target);
            } else {
                Files.createLink(target, entry);
            }
        }
    }

    private static List<java.nio.file.Path> list(java.nio.file.Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<java.nio.file.Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    private static java.nio.file.Path local(Path path) {
        return java.nio.file.Path.of(path.toUri().getPath()).toAbsolutePath();
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not move " + from + " to " + to);
        }
    }

    private void deleteIfEmpty(Path dir) throws IOException {
        if (fs.exists(dir)) {
            FileStatus[] left = fs.listStatus(dir);
            if (left.length == 0) {
                fs.delete(dir, false);
            }
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

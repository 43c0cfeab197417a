package uk.carecast.query;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.carecast.publish.RefreshHistory;

/**
 * A run's output folder as named tables: every published Parquet table by its name
 * ({@code budget_mtfs}, ...) and every Delta history table as {@code <name>_history}, so analysts
 * query them by name without knowing where they live.
 */
public final class OutputCatalog {

    private OutputCatalog() {
    }

    /** The tables under {@code outputRoot}, sorted by name. */
    public static List<OutputTable> tables(String outputRoot) {
        File root = new File(outputRoot);
        if (!root.isDirectory()) {
            throw new QueryException("no output folder " + outputRoot + ": run jobs/run demand-forecast first");
        }
        List<OutputTable> tables = new ArrayList<>();
        for (File table : sortedFolders(root)) {
            if (hasParquet(table)) {
                tables.add(new OutputTable(table.getName(), "parquet", table.getAbsolutePath()));
            }
        }
        File log = new File(root, RefreshHistory.FOLDER + "/" + RefreshHistory.LOG);
        String completeLog = new File(log, "_delta_log").isDirectory() ? log.getAbsolutePath() : null;
        for (File table : sortedFolders(new File(root, RefreshHistory.FOLDER))) {
            if (new File(table, "_delta_log").isDirectory()) {
                tables.add(new OutputTable(table.getName() + "_history", "delta", table.getAbsolutePath(), completeLog));
            }
        }
        return tables.stream().sorted(Comparator.comparing(OutputTable::name)).toList();
    }

    /** The tables under {@code outputRoot} by name, sorted by name, as this session reads them. */
    public static Map<String, Dataset<Row>> tables(SparkSession spark, String outputRoot) {
        Map<String, Dataset<Row>> read = new TreeMap<>();
        tables(outputRoot).forEach(t -> read.put(t.name(), t.read(spark)));
        return read;
    }

    /** Registers the tables under {@code outputRoot} as this session's temp views; returns their names, sorted. */
    public static List<String> register(SparkSession spark, String outputRoot) {
        List<OutputTable> tables = tables(outputRoot);
        tables.forEach(t -> t.read(spark).createOrReplaceTempView(t.name()));
        return tables.stream().map(OutputTable::name).toList();
    }

    private static List<File> sortedFolders(File dir) {
        File[] folders = dir.listFiles(f -> f.isDirectory() && !f.getName().startsWith("_"));
        return folders == null ? List.of() : Arrays.stream(folders).sorted().toList();
    }

    private static boolean hasParquet(File folder) {
        String[] parts = folder.list((d, n) -> n.endsWith(".parquet"));
        return parts != null && parts.length > 0;
    }
}

package uk.carecast.query;

import java.io.File;
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

    /** Registers the tables under {@code outputRoot} as temporary views; returns their names, sorted. */
    public static List<String> register(SparkSession spark, String outputRoot) {
        Map<String, Dataset<Row>> tables = tables(spark, outputRoot);
        tables.forEach((name, table) -> table.createOrReplaceTempView(name));
        return List.copyOf(tables.keySet());
    }

    /** The tables under {@code outputRoot} by name, sorted by name. */
    public static Map<String, Dataset<Row>> tables(SparkSession spark, String outputRoot) {
        File root = new File(outputRoot);
        if (!root.isDirectory()) {
            throw new QueryException("no output folder " + outputRoot + ": run jobs/run demand-forecast first");
        }
        Map<String, Dataset<Row>> tables = new TreeMap<>();
        for (File table : sortedFolders(root)) {
            if (hasParquet(table)) {
                tables.put(table.getName(), spark.read().parquet(table.getPath()));
            }
        }
        File history = new File(root, RefreshHistory.FOLDER);
        for (File table : sortedFolders(history)) {
            if (new File(table, "_delta_log").isDirectory()) {
                tables.put(table.getName() + "_history", spark.read().format("delta").load(table.getPath()));
            }
        }
        return tables;
    }

    private static List<File> sortedFolders(File dir) {
        File[] folders = dir.listFiles(f -> f.isDirectory() && !f.getName().startsWith("_"));
        return folders == null ? List.of() : java.util.Arrays.stream(folders).sorted().toList();
    }

    private static boolean hasParquet(File folder) {
        String[] parts = folder.list((d, n) -> n.endsWith(".parquet"));
        return parts != null && parts.length > 0;
    }
}

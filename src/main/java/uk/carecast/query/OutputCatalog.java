package uk.carecast.query;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import uk.carecast.publish.RefreshHistory;

/**
 * Registers a run's output folder in the session's catalog: every published Parquet table by its
 * name ({@code budget_mtfs}, ...) and every Delta history table as {@code <name>_history}, so
 * analysts query them by name without knowing where they live.
 */
public final class OutputCatalog {

    private OutputCatalog() {
    }

    /** Registers the tables under {@code outputRoot}; returns the names registered, sorted. */
    public static List<String> register(SparkSession spark, String outputRoot) {
        File root = new File(outputRoot);
        if (!root.isDirectory()) {
            throw new QueryException("no output folder " + outputRoot + ": run jobs/run demand-forecast first");
        }
        List<String> names = new ArrayList<>();
        for (File table : sortedFolders(root)) {
            if (hasParquet(table)) {
                spark.read().parquet(table.getPath()).createOrReplaceTempView(table.getName());
                names.add(table.getName());
            }
        }
        File history = new File(root, RefreshHistory.FOLDER);
        RefreshHistory refreshes = new RefreshHistory(spark, outputRoot);
        for (File table : sortedFolders(history)) {
            if (new File(table, "_delta_log").isDirectory()) {
                String name = table.getName() + "_history";
                refreshes.read(table.getName()).createOrReplaceTempView(name);
                names.add(name);
            }
        }
        return names.stream().sorted().toList();
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

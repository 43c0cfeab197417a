package uk.carecast.query;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One table of a run's output folder, by the name analysts query it by: a published Parquet table
 * ({@code budget_mtfs}) or a refresh history in Delta ({@code budget_mtfs_history}). A history
 * with a log of complete refreshes ({@code completeLog}, else null) shows only those, so a refresh
 * half written by a killed run is in no table.
 */
public record OutputTable(String name, String format, String path, String completeLog) {

    public OutputTable(String name, String format, String path) {
        this(name, format, path, null);
    }

    /** A refresh history (Delta), as opposed to a published table (Parquet). */
    public boolean isHistory() {
        return format.equals("delta");
    }

    public Dataset<Row> read(SparkSession spark) {
        return spark.sql(select());
    }

    /** The table as one SQL query over its path ({@code parquet.`/out/budget_mtfs`}), for views that outlive a session. */
    public String select() {
        String select = "SELECT * FROM " + source(format, path);
        return completeLog == null ? select
                : select + " WHERE refresh_id IN (SELECT refresh_id FROM " + source("delta", completeLog) + ")";
    }

    private static String source(String format, String path) {
        return format + ".`" + path.replace("`", "``") + "`";
    }
}

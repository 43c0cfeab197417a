package uk.carecast.query;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One table of a run's output folder, by the name analysts query it by: a published Parquet table
 * ({@code budget_mtfs}) or a refresh history in Delta ({@code budget_mtfs_history}).
 */
public record OutputTable(String name, String format, String path) {

    public Dataset<Row> read(SparkSession spark) {
        return spark.read().format(format).load(path);
    }

    /** The table as SQL reads a path directly, {@code parquet.`/out/budget_mtfs`}, for views that outlive a session. */
    public String sqlSource() {
        return format + ".`" + path.replace("`", "``") + "`";
    }
}

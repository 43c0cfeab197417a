package uk.carecast.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the session. Under spark-submit the master and settings come from there; the job file's
 * {@code master} (default {@code local[*]}) applies only when nothing set one.
 */
public final class Sessions {

    private Sessions() {
    }

    public static SparkSession start(String appName, String master, Map<String, String> settings) {
        SparkConf fromSubmit = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                // Delta rebuilds a table's state from its log in this many tasks (default 50). The history
                // tables are small aggregates with a commit per refresh, so 50 tasks each is mostly overhead.
                .config("spark.databricks.delta.snapshotPartitions", "2");
        if (!fromSubmit.contains("spark.master")) {
            builder.master(master);
        }
        settings.forEach(builder::config);
        return builder.getOrCreate();
    }
}

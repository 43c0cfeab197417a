package uk.carecast.spark;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the session. Under spark-submit the master and settings come from there; the job file's
 * {@code master} (default {@code local[*]}) and {@code spark_conf} apply only to what it did not set.
 */
public final class Sessions {

    /**
     * Spark compiles a stage's operators into one method. HotSpot never compiles a method of over
     * 8,000 bytes of bytecode (its HugeMethodLimit) and runs it in the interpreter: ingest's validation
     * of the placements was such a method, 19% of the CPU samples of an SF150 ingest. Past this limit
     * Spark generates each operator's code apart instead, in methods small enough to compile.
     */
    static final String HUGE_METHOD_LIMIT = "spark.sql.codegen.hugeMethodLimit";
    /**
     * Delta's per-file statistics (each column's minimum, maximum and nulls), for skipping files. The
     * job's only Delta tables are the history, partitioned by refresh, a few small files to a refresh:
     * a filter on the refresh skips the rest without them, and a filter on anything else has a file or
     * two per refresh to read anyway. Working them out was a third of writing the history at scale
     * factor 150 (figures in the README's Sizing paragraph).
     */
    static final String DELTA_STATISTICS = "spark.databricks.delta.stats.collect";
    /** The project's own settings, under spark-submit's and the job file's. */
    static final Map<String, String> DEFAULTS = Map.of(HUGE_METHOD_LIMIT, "8000", DELTA_STATISTICS, "false");

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
        notSubmitted(DEFAULTS, fromSubmit).forEach(builder::config);
        if (!fromSubmit.contains("spark.master")) {
            builder.master(master);
        }
        // Only where the driver and the executors are one JVM: a cluster's executors load file systems
        // from Hadoop's own class path, and a cluster's tables are not on a local disk anyway.
        if (fromSubmit.get("spark.master", master).startsWith("local")) {
            notSubmitted(Map.of(LocalFiles.SETTING, LocalFiles.class.getName()), fromSubmit).forEach(builder::config);
        }
        notSubmitted(settings, fromSubmit).forEach(builder::config);
        return builder.getOrCreate();
    }

    /**
     * The job file's settings less those spark-submit set: the submit line is sized for the cluster it
     * runs on (e.g. {@code --conf spark.sql.shuffle.partitions=64}), the job file's defaults for a laptop,
     * and a builder setting would otherwise override the submitted one without a word.
     */
    static Map<String, String> notSubmitted(Map<String, String> settings, SparkConf fromSubmit) {
        return settings.entrySet().stream()
                .filter(e -> !fromSubmit.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

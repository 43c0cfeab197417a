package uk.carecast.pipeline;

import java.io.PrintStream;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.JobConfig;
import uk.carecast.publish.OutputStore;

/**
 * What a stage may use: the session, the job's configuration, the tables written so far, where to
 * report, and the datasets it shares with the run's other stages.
 */
public record StageContext(SparkSession spark, JobConfig config, OutputStore store, PrintStream progress,
        SharedDatasets sharedDatasets) {

    /** A context that shares nothing; the pipeline gives each run's stages what they share. */
    public StageContext(SparkSession spark, JobConfig config, OutputStore store, PrintStream progress) {
        this(spark, config, store, progress, SharedDatasets.none());
    }

    public Dataset<Row> table(String name) {
        return store.table(name);
    }

    /** The dataset of this name, one of the stage's {@link Stage#shares}: built once a run, however many ask. */
    public Dataset<Row> shared(String name, Supplier<Dataset<Row>> build) {
        return sharedDatasets.get(name, build);
    }

    StageContext sharing(SharedDatasets datasets) {
        return new StageContext(spark, config, store, progress, datasets);
    }
}

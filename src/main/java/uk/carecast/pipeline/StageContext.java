package uk.carecast.pipeline;

import java.io.PrintStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.JobConfig;
import uk.carecast.publish.OutputStore;

/** What a stage may use: the session, the job's configuration, the tables written so far, where to report. */
public record StageContext(SparkSession spark, JobConfig config, OutputStore store, PrintStream progress) {

    public Dataset<Row> table(String name) {
        return store.table(name);
    }
}

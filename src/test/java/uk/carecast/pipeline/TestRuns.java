package uk.carecast.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.JobConfig;
import uk.carecast.config.JobFile;
import uk.carecast.publish.OutputStore;

/** Runs stages through a {@link Pipeline} on the sample's job file, writing under {@code output}. */
final class TestRuns {

    private TestRuns() {
    }

    /** Returns what the run told the user; {@code overrides} are {@code --set} entries. */
    static String run(SparkSession spark, Path output, List<String> overrides, List<Stage> stages) {
        List<String> sets = new ArrayList<>(List.of("output=" + output));
        sets.addAll(overrides);
        JobConfig config = JobFile.read(Path.of("jobs/demand-forecast.yaml"), sets).bind(JobConfig.class);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream progress = new PrintStream(said, true, StandardCharsets.UTF_8);
        OutputStore store = new OutputStore(spark, output.toString(), "run-test");
        new Pipeline(stages, progress).run(new StageContext(spark, config, store, progress));
        return said.toString(StandardCharsets.UTF_8);
    }
}

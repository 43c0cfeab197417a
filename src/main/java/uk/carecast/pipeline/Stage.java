package uk.carecast.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One step of the pipeline: reads named tables, returns the tables it produces, by name. */
public interface Stage {

    String name();

    /** The tables this stage reads from the output store; empty for a stage that reads input files. */
    List<String> inputs();

    Map<String, Dataset<Row>> run(StageContext context);
}

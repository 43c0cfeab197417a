package uk.carecast.pipeline;

import java.util.List;

/** One step of the pipeline: reads named tables, returns the tables it produces, by name. */
public interface Stage {

    String name();

    /** The tables this stage reads from the output store; empty for a stage that reads input files. */
    List<String> inputs();

    StageResult run(StageContext context);
}

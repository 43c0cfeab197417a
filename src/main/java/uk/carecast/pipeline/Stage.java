package uk.carecast.pipeline;

import java.util.List;
import java.util.Set;

/** One step of the pipeline: reads named tables, returns the tables it produces, by name. */
public interface Stage {

    String name();

    /** The tables this stage reads from the output store; empty for a stage that reads input files. */
    List<String> inputs();

    StageResult run(StageContext context);

    /**
     * Names of the datasets this stage builds from its inputs the same way as another stage does, and
     * asks for through {@link StageContext#shared}: within one run such a dataset is built once.
     */
    default Set<String> shares() {
        return Set.of();
    }
}

package uk.carecast.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A stage for the pipeline's tests: reads no table, writes one of its own name, made by {@code table}. */
record TableStage(String name, Set<String> shares, Function<StageContext, Dataset<Row>> table) implements Stage {

    TableStage(String name, Function<StageContext, Dataset<Row>> table) {
        this(name, Set.of(), table);
    }

    @Override
    public List<String> inputs() {
        return List.of();
    }

    @Override
    public StageResult run(StageContext context) {
        return StageResult.of(Map.of(name, table.apply(context)));
    }
}

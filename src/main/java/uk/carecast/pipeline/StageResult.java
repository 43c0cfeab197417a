package uk.carecast.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The tables a stage produced, by name, in the order they are listed in; and, for a stage that reads
 * files rather than tables, how many rows it read.
 */
public record StageResult(Map<String, Dataset<Row>> tables, OptionalLong rowsRead) {

    public StageResult {
        tables = new LinkedHashMap<>(tables);
    }

    public static StageResult of(Map<String, Dataset<Row>> tables) {
        return new StageResult(tables, OptionalLong.empty());
    }
}

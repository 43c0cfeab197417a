package uk.carecast.ingest;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns an input file must carry (data contract v1), in the order they are curated. */
public record InputContract(String table, List<ColumnRule> columns) {

    public InputContract {
        columns = List.copyOf(columns);
    }

    public List<String> names() {
        return columns.stream().map(ColumnRule::name).toList();
    }

    public StructType curatedSchema() {
        return new StructType(columns.stream()
                .map(c -> new StructField(c.name(), c.type(), !c.required(), org.apache.spark.sql.types.Metadata.empty()))
                .toArray(StructField[]::new));
    }
}

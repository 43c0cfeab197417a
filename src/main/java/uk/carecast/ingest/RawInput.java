package uk.carecast.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One input file as text: its contract columns (trimmed, blank as null), the spreadsheet row
 * number of each record ({@code _row}) and how many fields the record had ({@code _fields}).
 */
public record RawInput(InputContract contract, String file, Dataset<Row> rows, List<String> unknownColumns,
        String encoding, int headerFields) {

    public RawInput {
        unknownColumns = List.copyOf(unknownColumns);
    }
}

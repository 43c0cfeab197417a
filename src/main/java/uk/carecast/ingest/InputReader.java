package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one input file as text against its contract. CSV goes through {@link CsvExport} (row
 * numbers, encodings, quoting) into JSON lines under a scratch folder; Parquet is read as it is,
 * its rows numbered in file order. A missing file or a missing required column fails at once.
 */
public final class InputReader {

    private final SparkSession spark;
    private final String scratch;
    private final Pseudonymiser pseudonymiser;

    public InputReader(SparkSession spark, String scratch, Pseudonymiser pseudonymiser) {
        this.spark = spark;
        this.scratch = scratch;
        this.pseudonymiser = pseudonymiser;
    }

    public RawInput read(String path, InputContract contract, String encoding) {
        RawInput raw = isParquet(path) ? readParquet(path, contract) : readCsv(path, contract, encoding);
        Dataset<Row> trimmed = raw.rows().select(concat(
                List.of(col(CsvExport.ROW).cast("long").as(CsvExport.ROW), col(CsvExport.FIELD_COUNT).cast("int").as(CsvExport.FIELD_COUNT),
                        col(CsvExport.LINES).cast("string").as(CsvExport.LINES),
                        col(CsvExport.TOO_LONG).cast("string").as(CsvExport.TOO_LONG),
                        col(CsvExport.TOO_LONG_CHARS).cast("long").as(CsvExport.TOO_LONG_CHARS)),
                contract.names().stream().map(c -> (isText(raw.rows(), c) ? nullIfBlank(col(c)) : col(c)).as(c)).toList()));
        if (isParquet(path) && contract.names().contains(Columns.PERSON_ID)) {
            trimmed = trimmed.withColumn(Columns.PERSON_ID, pseudonymiser.pseudonymise(col(Columns.PERSON_ID)));
        }
        return new RawInput(contract, path, trimmed, raw.unknownColumns(), raw.encoding(), raw.headerFields());
    }

    private RawInput readCsv(String path, InputContract contract, String encoding) {
        String jsonLines = scratch + "/" + contract.table() + ".jsonl";
        CsvExport.Summary summary;
        try {
            summary = CsvExport.rewrite(spark.sparkContext().hadoopConfiguration(), path, contract, encoding, jsonLines,
                    pseudonymiser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + contract.table() + " file " + path, e);
        }
        StructType schema = new StructType()
                .add(CsvExport.ROW, DataTypes.LongType)
                .add(CsvExport.FIELD_COUNT, DataTypes.IntegerType)
                .add(CsvExport.LINES, DataTypes.StringType)
                .add(CsvExport.TOO_LONG, DataTypes.StringType)
                .add(CsvExport.TOO_LONG_CHARS, DataTypes.LongType);
        for (String column : contract.names()) {
            schema = schema.add(column, DataTypes.StringType);
        }
        Dataset<Row> rows = spark.read().schema(schema).json(jsonLines);
        return new RawInput(contract, path, rows, summary.unknownColumns(), summary.encoding(), summary.headerFields());
    }

    private RawInput readParquet(String path, InputContract contract) {
        Dataset<Row> df = spark.read().parquet(path);
        List<String> present = Arrays.stream(df.columns()).map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<String> missing = contract.names().stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(String.format("%s file %s: required column%s %s missing (the file has: %s)",
                    contract.table(), path, missing.size() > 1 ? "s" : "", String.join(", ", missing),
                    String.join(", ", df.columns())));
        }
        Set<String> wanted = Set.copyOf(contract.names());
        List<String> unknown = present.stream().filter(c -> !wanted.contains(c)).toList();
        // Dates and exact numbers are kept as Parquet typed them (the validator only checks they fit the
        // contract's type); everything else is read as text, as from a CSV file. At 4 million placements,
        // turning typed values into text to parse them back with patterns was most of the ingest.
        Dataset<Row> text = df.select(Arrays.stream(df.schema().fields())
                .filter(f -> wanted.contains(f.name().toLowerCase(Locale.ROOT)))
                .map(f -> (keepsType(f.dataType(), typeIn(contract, f.name())) ? col("`" + f.name() + "`")
                        : col("`" + f.name() + "`").cast("string")).as(f.name().toLowerCase(Locale.ROOT)))
                .toArray(Column[]::new));
        Dataset<Row> numbered = RowNumbers.inFileOrder(text, CsvExport.ROW)
                .withColumn(CsvExport.FIELD_COUNT, lit(contract.names().size()))
                .withColumn(CsvExport.LINES, lit(null).cast("string"))
                .withColumn(CsvExport.TOO_LONG, lit(null).cast("string"))
                .withColumn(CsvExport.TOO_LONG_CHARS, lit(null).cast("long"));
        return new RawInput(contract, path, numbered, unknown, "parquet", contract.names().size());
    }

    /**
     * A Parquet type the contract's type holds without rounding: a date for a date, a whole number for
     * a whole number or a decimal, a decimal with no more places than the contract's. Anything else
     * (a double for money, a decimal with three places for pence) goes through the text rules.
     */
    static boolean keepsType(DataType parquet, DataType contract) {
        boolean whole = parquet.equals(DataTypes.IntegerType) || parquet.equals(DataTypes.LongType)
                || parquet.equals(DataTypes.ShortType) || parquet.equals(DataTypes.ByteType);
        if (contract.equals(DataTypes.DateType)) {
            return parquet.equals(DataTypes.DateType);
        }
        if (contract.equals(DataTypes.IntegerType)) {
            return whole;
        }
        if (contract instanceof DecimalType decimal) {
            return whole || parquet instanceof DecimalType p && p.scale() <= decimal.scale();
        }
        return false;
    }

    private static DataType typeIn(InputContract contract, String column) {
        return contract.columns().stream().filter(r -> r.name().equals(column.toLowerCase(Locale.ROOT)) && !r.isCategory())
                .map(ColumnRule::type).findFirst().orElse(DataTypes.StringType);
    }

    private static boolean isText(Dataset<Row> rows, String column) {
        return rows.schema().apply(column).dataType().equals(DataTypes.StringType);
    }

    private static boolean isParquet(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") || !(name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".txt"));
    }

    private static Column nullIfBlank(Column c) {
        Column trimmed = trim(c);
        return when(trimmed.equalTo(""), lit(null).cast("string")).otherwise(trimmed);
    }

    private static Column[] concat(List<Column> a, List<Column> b) {
        List<Column> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(Column[]::new);
    }
}

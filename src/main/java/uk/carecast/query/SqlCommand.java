package uk.carecast.query;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sql [--output DIR] [--out FILE.csv] "QUERY"}: runs Spark SQL over the output tables,
 * registered by name, and prints the result as a table or writes it as one CSV file (a header row,
 * RFC 4180 quoting, plain decimals) that a spreadsheet opens as it is.
 */
public final class SqlCommand {

    private static final int SHOWN_ROWS = 1000;

    private SqlCommand() {
    }

    public record Arguments(String output, String csvOut, String query) {

        public static Arguments parse(List<String> args) {
            String output = "output";
            String out = null;
            String query = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                boolean hasValue = i + 1 < args.size();
                if (a.equals("--output") && hasValue) {
                    output = args.get(++i);
                } else if (a.equals("--out") && hasValue) {
                    out = args.get(++i);
                } else if (query == null && !a.startsWith("--")) {
                    query = a;
                } else {
                    throw new QueryException("unexpected argument '" + a + "'; usage: sql [--output DIR] [--out FILE.csv] \"QUERY\"");
                }
            }
            if (query == null) {
                throw new QueryException("usage: sql [--output DIR] [--out FILE.csv] \"QUERY\"");
            }
            return new Arguments(output, out, query);
        }
    }

    public static void run(SparkSession spark, Arguments args, PrintStream out) {
        List<String> tables = OutputCatalog.register(spark, args.output());
        Dataset<Row> result;
        try {
            result = spark.sql(args.query());
        } catch (Exception e) {
            // Scala throws AnalysisException (bad SQL, unknown table) undeclared, so Java cannot catch it by name.
            if (!(e instanceof AnalysisException)) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            throw new QueryException(e.getMessage().lines().findFirst().orElse("bad query")
                    + "\n  tables: " + String.join(", ", tables));
        }
        if (args.csvOut() == null) {
            result.show(SHOWN_ROWS, false);
        } else {
            long rows = writeCsv(result, Path.of(args.csvOut()));
            out.printf("%d rows written to %s%n", rows, args.csvOut());
        }
    }

    static long writeCsv(Dataset<Row> result, Path file) {
        List<Row> rows = result.collectAsList();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(line(Arrays.asList(result.columns())));
            for (Row r : rows) {
                w.write(line(java.util.stream.IntStream.range(0, r.size())
                        .mapToObj(i -> r.isNullAt(i) ? "" : plain(r.get(i))).toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return rows.size();
    }

    private static String plain(Object value) {
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    private static String line(List<String> fields) {
        return fields.stream().map(SqlCommand::quoted).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quoted(String field) {
        boolean needs = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return needs ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}

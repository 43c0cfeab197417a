package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads one input file against its contract: every column arrives as text (never inferred), is
 * trimmed, then cast to its contract type; categories are matched to their canonical spelling.
 * A missing column, or any value of the wrong type or outside its allowed list, fails the read
 * with a message naming file, column, rule and value.
 */
public final class InputReader {

    private static final int EXAMPLES = 5;
    private final SparkSession spark;

    public InputReader(SparkSession spark) {
        this.spark = spark;
    }

    public Dataset<Row> read(String path, InputContract contract) {
        Dataset<Row> raw = readAsText(path);
        Set<String> present = Arrays.stream(raw.columns()).collect(Collectors.toSet());
        List<String> missing = contract.names().stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(String.format("%s file %s: required column%s %s missing (the file has: %s)",
                    contract.table(), path, missing.size() > 1 ? "s" : "", String.join(", ", missing),
                    String.join(", ", raw.columns())));
        }
        Dataset<Row> text = raw.select(contract.columns().stream()
                .map(c -> nullIfBlank(col(c.name())).as(c.name())).toArray(Column[]::new));
        Dataset<Row> checked = text.select(contract.columns().stream()
                .flatMap(c -> List.of(col(c.name()).as(rawName(c)), typed(c).as(c.name())).stream())
                .toArray(Column[]::new));
        failOnProblems(path, contract, checked);
        return checked.select(contract.names().stream().map(functions::col).toArray(Column[]::new));
    }

    private Dataset<Row> readAsText(String path) {
        Dataset<Row> df = isParquet(path)
                ? spark.read().parquet(path)
                : spark.read().option("header", "true").option("inferSchema", "false").csv(path);
        return df.select(Arrays.stream(df.columns())
                .map(c -> col("`" + c + "`").cast("string").as(c.trim().toLowerCase(Locale.ROOT)))
                .toArray(Column[]::new));
    }

    private static boolean isParquet(String path) {
        return path.endsWith(".parquet") || !path.contains(".");
    }

    private static Column nullIfBlank(Column c) {
        Column trimmed = trim(c);
        return when(trimmed.equalTo(""), lit(null).cast("string")).otherwise(trimmed);
    }

    private static Column typed(ColumnRule rule) {
        Column text = col(rule.name());
        if (rule.isCategory()) {
            return Categories.canonical(text, rule.allowed());
        }
        return text.try_cast(rule.type());
    }

    private static String rawName(ColumnRule rule) {
        return "raw__" + rule.name();
    }

    private void failOnProblems(String path, InputContract contract, Dataset<Row> checked) {
        List<Column> measures = new ArrayList<>();
        for (ColumnRule rule : contract.columns()) {
            Column rawValue = col(rawName(rule));
            Column badValue = rawValue.isNotNull().and(col(rule.name()).isNull());
            measures.add(sum(when(badValue, 1).otherwise(0)));
            measures.add(min(when(badValue, rawValue)));
            measures.add(rule.required() ? sum(when(rawValue.isNull(), 1).otherwise(0)) : lit(0L));
        }
        Row counts = checked.agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new)).first();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < contract.columns().size(); i++) {
            ColumnRule rule = contract.columns().get(i);
            long bad = counts.isNullAt(3 * i) ? 0 : ((Number) counts.get(3 * i)).longValue();
            long blank = ((Number) counts.get(3 * i + 2)).longValue();
            if (bad > 0) {
                String ruleName = rule.isCategory()
                        ? "value not in the allowed list (" + String.join(", ", rule.allowed()) + ")"
                        : "wrong type (expected " + describe(rule) + ")";
                problems.add(String.format("column %s, rule %s: %d row%s, e.g. value '%s'", rule.name(), ruleName,
                        bad, bad == 1 ? "" : "s", counts.getString(3 * i + 1)));
            }
            if (blank > 0) {
                problems.add(String.format("column %s, rule missing required value: %d row%s", rule.name(), blank,
                        blank == 1 ? "" : "s"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(contract.table() + " file " + path + ": "
                    + problems.stream().limit(EXAMPLES).collect(Collectors.joining("; ")));
        }
    }

    private static String describe(ColumnRule rule) {
        return switch (rule.type().typeName()) {
            case "date" -> "a date written yyyy-MM-dd";
            case "integer" -> "a whole number";
            default -> rule.type().typeName().startsWith("decimal") ? "a number, e.g. 1234.50" : rule.type().simpleString();
        };
    }
}

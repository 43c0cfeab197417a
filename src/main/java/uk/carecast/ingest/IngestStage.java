package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.carecast.config.Inputs;
import uk.carecast.config.JobConfig;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.population.AgeBands;
import uk.carecast.population.SnppReader;
import uk.carecast.spark.Concurrently;

/**
 * Reads the input files against data contract v1 and writes the curated tables, the rejects and
 * the data-quality summary. Every input row ends up either curated or in {@code rejects} with its
 * file, row, column, rule and value; a file whose rejected share exceeds the limit fails the run.
 * Person identifiers are pseudonymised as they are read, and columns outside the contract (names,
 * NHS numbers, full dates of birth, postcodes) are never read past this stage.
 */
public final class IngestStage implements Stage {

    public static final String SERVICE_USERS = "service_users";
    public static final String PLACEMENTS = "placements";
    public static final String COST_ASSUMPTIONS = "cost_assumptions";
    public static final String BUDGETS = "budgets";
    public static final String TRANSITIONS = "transitions";
    public static final String POPULATION = "population";
    /** The same population in five-year age bands, for five-year usage rates. */
    public static final String POPULATION_FIVE_YEAR = "population_five_year";
    public static final String REJECTS = "rejects";
    public static final String DATA_QUALITY = "data_quality";

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<String> inputs() {
        return List.of();
    }

    @Override
    public StageResult run(StageContext context) {
        JobConfig config = context.config();
        Inputs inputs = config.inputs();
        InputReader reader = new InputReader(context.spark(), context.store().scratch(),
                Pseudonymiser.from(config.pseudonymisation()));
        Map<String, String> encodings = new LinkedHashMap<>();

        Dataset<Row> users = validated(reader, inputs.serviceUsers(), Contracts.SERVICE_USERS, config, encodings)
                .transform(TableValidator::serviceUsers).cache();
        Dataset<Row> curatedUsers = curated(users, Contracts.SERVICE_USERS);
        Dataset<Row> placements = validated(reader, inputs.placements(), Contracts.PLACEMENTS, config, encodings)
                .transform(p -> TableValidator.placements(p, curatedUsers, config.snapshots().latestDate(),
                        config.validation().weeklyCostCeiling()))
                .cache();
        Dataset<Row> assumptions = validated(reader, inputs.costAssumptions(), Contracts.COST_ASSUMPTIONS, config, encodings)
                .transform(TableValidator::costAssumptions).cache();
        Dataset<Row> budgets = validated(reader, inputs.budgets(), Contracts.BUDGETS, config, encodings)
                .transform(TableValidator::budgets).cache();

        Map<String, Dataset<Row>> checked = new LinkedHashMap<>();
        checked.put(SERVICE_USERS, users);
        checked.put(PLACEMENTS, placements);
        checked.put(COST_ASSUMPTIONS, assumptions);
        checked.put(BUDGETS, budgets);
        Map<String, String> files = new LinkedHashMap<>(Map.of(SERVICE_USERS, inputs.serviceUsers(),
                PLACEMENTS, inputs.placements(), COST_ASSUMPTIONS, inputs.costAssumptions(), BUDGETS, inputs.budgets()));
        inputs.transitionsFile().ifPresent(file -> {
            checked.put(TRANSITIONS, validated(reader, file, Contracts.TRANSITIONS, config, encodings)
                    .transform(t -> TableValidator.transitions(t, config.snapshots().latestDate(),
                            config.validation().weeklyCostCeiling()))
                    .cache());
            files.put(TRANSITIONS, file);
        });

        // The files are checked at once: the placements' reading and shuffling need not wait for the service
        // users' own check, only their join does, and the small files' checks fill the cores' idle moments.
        List<FileCheck> checks = Concurrently.map(List.copyOf(checked.keySet()), table -> check(table,
                files.get(table), encodings.getOrDefault(table, "parquet"), checked.get(table)));
        List<Dataset<Row>> rejects = checked.entrySet().stream()
                .map(table -> rejects(context.store().runId(), table.getKey(), files.get(table.getKey()), table.getValue()))
                .toList();
        report(context, checks);
        failOverThreshold(checks, config.validation().maxRejectedShare());

        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        out.put(SERVICE_USERS, curatedUsers);
        out.put(PLACEMENTS, curated(placements, Contracts.PLACEMENTS));
        out.put(COST_ASSUMPTIONS, curated(assumptions, Contracts.COST_ASSUMPTIONS));
        out.put(BUDGETS, curated(budgets, Contracts.BUDGETS));
        // The transitions input is optional: without it the table is there but empty, so the stages
        // after ingest need not know whether the council supplied one.
        out.put(TRANSITIONS, checked.containsKey(TRANSITIONS) ? curated(checked.get(TRANSITIONS), Contracts.TRANSITIONS)
                : context.spark().createDataFrame(List.of(), Contracts.TRANSITIONS.curatedSchema()));
        // Both bandings start from the same figures: read and reconciled once, kept for the two writes.
        Dataset<Row> singleYears = new SnppReader(context.spark())
                .singleYears(inputs.population(), config.populationAreas()).cache();
        out.put(POPULATION, SnppReader.inBands(singleYears, AgeBands::of));
        out.put(POPULATION_FIVE_YEAR, SnppReader.inBands(singleYears, AgeBands::fiveYear));
        out.put(REJECTS, rejects.stream().reduce(Dataset::unionByName).orElseThrow());
        out.put(DATA_QUALITY, dataQuality(context.spark(), context.store().runId(), checks));
        return new StageResult(out, OptionalLong.of(checks.stream().mapToLong(FileCheck::rowsRead).sum()));
    }

    private static Dataset<Row> validated(InputReader reader, String path, InputContract contract, JobConfig config,
            Map<String, String> encodings) {
        RawInput raw = reader.read(path, contract, config.optionsFor(contract.table()).encoding());
        encodings.put(contract.table(), raw.encoding());
        if (!raw.unknownColumns().isEmpty()) {
            System.err.printf("warning: %s file %s: columns not in the contract, ignored: %s%n", contract.table(), path,
                    String.join(", ", raw.unknownColumns()));
        }
        return TableValidator.columnRules(raw, config.optionsFor(contract.table()).dateFormat());
    }

    static Dataset<Row> curated(Dataset<Row> validated, InputContract contract) {
        return validated.filter(not(Problems.hasError(col(Problems.COLUMN))))
                .select(contract.names().stream().map(functions::col).toArray(Column[]::new));
    }

    static FileCheck check(String table, String file, String encoding, Dataset<Row> validated) {
        // One query: a row per problem, or one for a row without any, so each input row's first line
        // counts it once. Curated and rejected are counted by the very conditions that route rows, each
        // on its own, so a row that met neither (a null problem list, say) would break read = curated + rejected.
        Column hasError = Problems.hasError(col(Problems.COLUMN));
        Column rule = concat(col("p.severity"), lit(": "), col("p.column_name"), lit(": "), col("p.rule"));
        Column first = coalesce(col("pos"), lit(0)).equalTo(0);
        List<Row> groups = validated
                .select(hasError.as("_error"), size(col(Problems.COLUMN)).gt(0).as("_any"),
                        posexplode_outer(col(Problems.COLUMN)).as(new String[] {"pos", "p"}))
                .groupBy(rule.as("rule"))
                .agg(count(col("p")), count(when(first, 1)), count(when(first.and(col("_error")), 1)),
                        count(when(first.and(not(col("_error"))), 1)),
                        count(when(first.and(col("_any")).and(not(col("_error"))), 1)))
                .collectAsList();
        Map<String, Long> byRule = groups.stream().filter(r -> !r.isNullAt(0))
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        long read = groups.stream().mapToLong(r -> r.getLong(2)).sum();
        long rejected = groups.stream().mapToLong(r -> r.getLong(3)).sum();
        long curated = groups.stream().mapToLong(r -> r.getLong(4)).sum();
        long warned = groups.stream().mapToLong(r -> r.getLong(5)).sum();
        return new FileCheck(table, file, encoding, read, curated, rejected, warned, byRule);
    }

    static Dataset<Row> rejects(String runId, String table, String file, Dataset<Row> validated) {
        return validated.select(col(CsvExport.ROW), explode(col(Problems.COLUMN)).as("p"))
                .select(lit(runId).as("run_id"), lit(table).as("table_name"), lit(file).as("input_file"),
                        col(CsvExport.ROW).as("row"), col("p.column_name").as("column_name"), col("p.rule").as("rule"),
                        col("p.value").as("value"), col("p.severity").as("severity"));
    }

    private static void report(StageContext context, List<FileCheck> checks) {
        context.progress().println("ingest: rows per input file (rejected rows are in the table " + REJECTS + " under "
                + context.config().output() + ")");
        checks.forEach(c -> context.progress().println(c.summary()));
    }

    static void failOverThreshold(List<FileCheck> checks, BigDecimal maxShare) {
        List<String> over = checks.stream().filter(c -> c.rejectedShare().compareTo(maxShare) > 0)
                .map(c -> String.format("%s file %s: %,d of %,d rows rejected (%.1f%%, limit %.1f%%); %s", c.table(),
                        c.file(), c.rowsRejected(), c.rowsRead(), c.rejectedShare().doubleValue() * 100,
                        maxShare.doubleValue() * 100, c.problemsByRule().entrySet().stream()
                                .filter(e -> e.getKey().startsWith(Problems.ERROR))
                                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                                .map(e -> e.getValue() + " x " + e.getKey().substring(Problems.ERROR.length() + 2))
                                .collect(Collectors.joining("; "))))
                .toList();
        if (!over.isEmpty()) {
            throw new InputException("too many rejected rows, nothing was published: " + String.join(" | ", over));
        }
    }

    static Dataset<Row> dataQuality(SparkSession spark, String runId, List<FileCheck> checks) {
        StructType schema = new StructType()
                .add("run_id", DataTypes.StringType).add("table_name", DataTypes.StringType)
                .add("input_file", DataTypes.StringType).add("encoding", DataTypes.StringType)
                .add("rows_read", DataTypes.LongType).add("rows_curated", DataTypes.LongType)
                .add("rows_rejected", DataTypes.LongType).add("rows_with_warnings", DataTypes.LongType)
                .add("problems_by_rule", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType));
        List<Row> rows = checks.stream().map(c -> RowFactory.create(runId, c.table(), c.file(), c.encoding(),
                c.rowsRead(), c.rowsCurated(), c.rowsRejected(), c.rowsWarned(),
                c.problemsByRule())).toList();
        return spark.createDataFrame(rows, schema).coalesce(1);
    }
}

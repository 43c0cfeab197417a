package uk.carecast.ingest;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.ingest.Columns.*;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import uk.carecast.demand.WeeklyCost;
import uk.carecast.population.AgeBands;

/**
 * Turns an input's text into typed columns plus the row's {@code _problems}: first the rules every
 * column has (field count, type, required, allowed values), then each table's own rules. Rows with
 * an error problem are rejected by the caller; warnings keep the row.
 */
public final class TableValidator {

    private static final String ONS_CODE = "^[EWSN]\\d{8}$";
    private static final String FINANCIAL_YEAR_PATTERN = "^\\d{4}/\\d{2}$";
    private static final String WEEKLY_UNBOUNDED = "_weekly_unbounded";

    private TableValidator() {
    }

    /** Typed columns, {@code _row} and {@code _problems} from the rules every contract column carries. */
    public static Dataset<Row> columnRules(RawInput raw, String dateFormat) {
        InputContract contract = raw.contract();
        List<Problems.Check> problems = new ArrayList<>();
        Column joinedLines = when(col(CsvExport.LINES).isNotNull(), concat(lit("; its quotes run over lines "),
                col(CsvExport.LINES), lit(" of the file, so a stray quote may have joined rows"))).otherwise(lit(""));
        problems.add(Problems.error(col(CsvExport.FIELD_COUNT).notEqual(raw.headerFields()), "(row)", Rules.FIELD_COUNT,
                concat(col(CsvExport.FIELD_COUNT).cast("string"), lit(" fields, the header has " + raw.headerFields()),
                        joinedLines)));
        List<Column> typed = new ArrayList<>();
        typed.add(col(CsvExport.ROW));
        StructType rawSchema = raw.rows().schema();
        for (ColumnRule rule : contract.columns()) {
            Column text = col(rule.name());
            boolean alreadyTyped = !rule.isCategory() && !rawSchema.apply(rule.name()).dataType().equals(DataTypes.StringType);
            Column value = rule.isCategory() ? Categories.canonical(text, rule.allowed())
                    : alreadyTyped ? text.try_cast(rule.type())
                    : Parsing.parse(text, rule.type(), dateFormat);
            typed.add(value.as(rule.name()));
            String badRule = rule.isCategory() ? Rules.NOT_ALLOWED : Rules.WRONG_TYPE;
            Column unread = text.isNotNull().and(value.isNull());
            if (alreadyTyped) {
                // A Parquet date or number is read as it is: only a number too wide for the contract's type fails.
                problems.add(Problems.error(unread, rule.name(),
                        rule.type() instanceof DecimalType decimal ? Rules.tooLarge(decimal) : Rules.WRONG_TYPE, text));
            } else if (rule.type() instanceof DecimalType decimal && !rule.isCategory()) {
                // A well-formed number the type cannot hold: say so, rather than "wrong type".
                problems.add(Problems.error(unread.and(Parsing.isNumber(text, decimal)), rule.name(), Rules.tooLarge(decimal), text));
                unread = unread.and(not(Parsing.isNumber(text, decimal)));
            }
            if (!alreadyTyped && rule.type().equals(DataTypes.DateType)) {
                problems.add(Problems.error(unread.and(Parsing.isMonthFirst(text)), rule.name(), Rules.MONTH_FIRST, text));
                unread = unread.and(not(Parsing.isMonthFirst(text)));
            }
            if (!alreadyTyped) {
                problems.add(Problems.error(unread, rule.name(), badRule, text));
            }
            if (rule.required()) {
                problems.add(Problems.error(text.isNull(), rule.name(), Rules.MISSING, lit(null)));
            }
        }
        // A row with too many or too few fields has its values shifted into the wrong columns (a name's
        // comma, say): only the field count is reported, so no shifted value reaches the rejects.
        Column fieldCount = problems.get(0).asArray();
        // A value too long to read was not read: its column would say "missing", the table rules worse.
        Column tooLong = Problems.collect(contract.columns().stream().map(rule -> Problems.error(
                col(CsvExport.TOO_LONG).equalTo(rule.name()), rule.name(), Rules.FIELD_TOO_LONG,
                concat(format_number(col(CsvExport.TOO_LONG_CHARS), 0), lit(" characters")))).toList());
        // A quote left open makes the rows up to the next quote one value; their personal columns too, so the
        // value is never echoed. A contract value has no business holding a line break, so the row is rejected.
        List<Problems.Check> lineBreaks = contract.columns().stream()
                .filter(rule -> rawSchema.apply(rule.name()).dataType().equals(DataTypes.StringType))
                .map(rule -> Problems.error(col(rule.name()).rlike("[\\r\\n]"), rule.name(), Rules.LINE_BREAK,
                        concat(lit("lines "), col(CsvExport.LINES), lit(" of the file"))))
                .toList();
        Column checked = when(col(CsvExport.FIELD_COUNT).notEqual(raw.headerFields()), fieldCount)
                .when(col(CsvExport.TOO_LONG).isNotNull(), tooLong);
        if (!lineBreaks.isEmpty()) {
            Column lineBreak = Problems.collect(lineBreaks);
            checked = checked.when(col(CsvExport.LINES).isNotNull().and(Problems.hasError(lineBreak)), lineBreak);
        }
        typed.add(checked.otherwise(Problems.collect(problems)).as(Problems.COLUMN));
        return raw.rows().select(typed.toArray(Column[]::new));
    }

    public static Dataset<Row> serviceUsers(Dataset<Row> users) {
        Column birth = concat_ws("-", col(BIRTH_YEAR).cast("string"), lpad(col(BIRTH_MONTH).cast("string"), 2, "0"),
                lit("01")).try_cast("date");
        return addProblems(withCopies(users, PERSON_ID), List.of(
                Problems.error(col(BIRTH_MONTH).lt(1).or(col(BIRTH_MONTH).gt(12)), BIRTH_MONTH, Rules.OUT_OF_RANGE,
                        col(BIRTH_MONTH)),
                Problems.error(not(col(LA_CODE).rlike(ONS_CODE)), LA_CODE, Rules.LA_CODE_FORM, col(LA_CODE)),
                Problems.error(col(DATE_OF_DEATH).lt(birth), DATE_OF_DEATH, Rules.DEATH_BEFORE_BIRTH, col(DATE_OF_DEATH)),
                Problems.error(col(PERSON_ID).isNotNull().and(col("_copies").gt(1)), PERSON_ID, Rules.DUPLICATE_PERSON,
                        col(PERSON_ID))))
                .drop("_copies");
    }

    /**
     * Placement rules, some of which need the person: {@code curatedUsers} are the service users
     * that passed their own rules, so a placement of a rejected person is rejected too.
     */
    public static Dataset<Row> placements(Dataset<Row> placements, Dataset<Row> curatedUsers, LocalDate latestSnapshot,
            BigDecimal weeklyCostCeiling) {
        Dataset<Row> people = curatedUsers.select(col(PERSON_ID).as("_person"), col(BIRTH_YEAR).as("_birth_year"),
                col(BIRTH_MONTH).as("_birth_month"), col(DATE_OF_DEATH).as("_death"));
        // Unbounded, so a cost too large for the weekly type is a reject here rather than an overflow later.
        Column unbounded = col(WEEKLY_UNBOUNDED);
        Column overLimit = unbounded.gt(lit(Money.MAX_WEEKLY));
        Column weekly = when(not(overLimit), unbounded.cast(Money.EXACT));
        // The people are hashed and the placements streamed past them: sorting millions of wide
        // placement rows for a merge join was most of the validation. The repeated ids are joined after
        // that, so the placements' shuffle need not wait for them to be counted: both read the file at once.
        Dataset<Row> joined = withCopies(placements.join(people.hint("shuffle_hash"),
                col(PERSON_ID).equalTo(col("_person")), "left"), placements, PLACEMENT_ID)
                // A column of its own, worked out once a row: the over-limit rule, the cost warning and its message
                // read it, and inlined in the rules' projection each use redid the arithmetic in Java's BigDecimal.
                .withColumn(WEEKLY_UNBOUNDED,
                        WeeklyCost.unbounded(col(UNIT_COST), col(COST_FREQUENCY), col(UNITS_PER_WEEK)));
        return addProblems(joined, List.of(
                Problems.error(col(END_DATE).lt(col(START_DATE)), END_DATE, Rules.END_BEFORE_START, col(END_DATE)),
                Problems.error(col(START_DATE).gt(lit(Date.valueOf(latestSnapshot))), START_DATE, Rules.AFTER_HORIZON,
                        col(START_DATE)),
                Problems.error(col(UNIT_COST).lt(0), UNIT_COST, Rules.NEGATIVE_COST, col(UNIT_COST)),
                Problems.error(col(UNITS_PER_WEEK).lt(0), UNITS_PER_WEEK, Rules.OUT_OF_RANGE, col(UNITS_PER_WEEK)),
                Problems.error(col(COST_FREQUENCY).equalTo("hourly").and(col(UNITS_PER_WEEK).isNull()), UNITS_PER_WEEK,
                        Rules.HOURS_NEEDED, lit(null)),
                Problems.error(col(PLACEMENT_ID).isNotNull().and(col("_copies").gt(1)), PLACEMENT_ID,
                        Rules.DUPLICATE_PLACEMENT, col(PLACEMENT_ID)),
                Problems.error(col(PERSON_ID).isNotNull().and(col("_person").isNull()), PERSON_ID, Rules.UNKNOWN_PERSON,
                        col(PERSON_ID)),
                Problems.error(col(START_DATE).gt(col("_death")), START_DATE, Rules.AFTER_DEATH, col(START_DATE)),
                Problems.error(AgeBands.ageOn(col(START_DATE), col("_birth_year"), col("_birth_month")).lt(18),
                        START_DATE, Rules.UNDER_18, col(START_DATE)),
                Problems.error(overLimit, UNIT_COST, Rules.COST_OVER_LIMIT, concat(col(UNIT_COST).cast("string"), lit(" "),
                        col(COST_FREQUENCY))),
                Problems.warning(weekly.gt(lit(weeklyCostCeiling)), UNIT_COST, Rules.IMPLAUSIBLE_COST,
                        concat(col(UNIT_COST).cast("string"), lit(" "), col(COST_FREQUENCY), lit(" = "),
                                Money.toPence(weekly).cast("string"), lit(" a week")))))
                .drop("_copies", "_person", "_birth_year", "_birth_month", "_death", WEEKLY_UNBOUNDED);
    }

    /**
     * Transitions rules: the young person must not be 18 yet on the latest snapshot (an adult is a
     * service user or not coming), the likelihood a share, the cost not negative, each person listed
     * once. Under 14 is a warning: the list is meant for 14-17, but a child is costed correctly from
     * their 18th birthday whatever the age, and a run with an earlier {@code snapshots.latest} makes
     * the youngest 13. A weekly cost above the ceiling is a warning, as for placements.
     */
    public static Dataset<Row> transitions(Dataset<Row> transitions, LocalDate latestSnapshot,
            BigDecimal weeklyCostCeiling) {
        Column latest = lit(Date.valueOf(latestSnapshot));
        Column age = AgeBands.ageOn(latest, col(BIRTH_YEAR), col(BIRTH_MONTH));
        Column validMonth = col(BIRTH_MONTH).between(1, 12);
        return addProblems(withCopies(transitions, PERSON_ID), List.of(
                Problems.error(not(validMonth), BIRTH_MONTH, Rules.OUT_OF_RANGE, col(BIRTH_MONTH)),
                Problems.error(validMonth.and(age.geq(18)), BIRTH_YEAR, Rules.ADULT_ALREADY,
                        concat(lit("aged "), age.cast("string"), lit(" on " + latestSnapshot))),
                Problems.warning(validMonth.and(age.lt(14)), BIRTH_YEAR, Rules.UNDER_14,
                        concat(lit("aged "), age.cast("string"), lit(" on " + latestSnapshot))),
                Problems.error(not(col(LA_CODE).rlike(ONS_CODE)), LA_CODE, Rules.LA_CODE_FORM, col(LA_CODE)),
                Problems.error(col(EXPECTED_WEEKLY_COST).lt(0), EXPECTED_WEEKLY_COST, Rules.OUT_OF_RANGE,
                        col(EXPECTED_WEEKLY_COST)),
                Problems.error(col(LIKELIHOOD).lt(0).or(col(LIKELIHOOD).gt(1)), LIKELIHOOD, Rules.OUT_OF_RANGE,
                        col(LIKELIHOOD)),
                Problems.error(col(PERSON_ID).isNotNull().and(col("_copies").gt(1)), PERSON_ID, Rules.DUPLICATE_PERSON,
                        col(PERSON_ID)),
                Problems.error(col(EXPECTED_WEEKLY_COST).gt(lit(Money.MAX_WEEKLY)), EXPECTED_WEEKLY_COST,
                        Rules.COST_OVER_LIMIT, col(EXPECTED_WEEKLY_COST)),
                Problems.warning(col(EXPECTED_WEEKLY_COST).gt(lit(weeklyCostCeiling)), EXPECTED_WEEKLY_COST,
                        Rules.IMPLAUSIBLE_COST, col(EXPECTED_WEEKLY_COST))))
                .drop("_copies");
    }

    public static Dataset<Row> costAssumptions(Dataset<Row> assumptions) {
        return addProblems(withCopies(assumptions, FINANCIAL_YEAR, SETTING), List.of(
                financialYear(),
                Problems.error(col(LABOUR_SHARE).lt(0).or(col(LABOUR_SHARE).gt(1)), LABOUR_SHARE, Rules.OUT_OF_RANGE,
                        col(LABOUR_SHARE)),
                Problems.error(col(FINANCIAL_YEAR).isNotNull().and(col(SETTING).isNotNull()).and(col("_copies").gt(1)),
                        SETTING, Rules.DUPLICATE_ASSUMPTION, col(SETTING))))
                .drop("_copies");
    }

    public static Dataset<Row> budgets(Dataset<Row> budgets) {
        return addProblems(budgets, List.of(
                financialYear(),
                Problems.error(not(col(LA_CODE).rlike(ONS_CODE)), LA_CODE, Rules.LA_CODE_FORM, col(LA_CODE))));
    }

    private static Problems.Check financialYear() {
        Column fy = col(FINANCIAL_YEAR);
        Column consecutive = substring(fy, 1, 4).cast("int").plus(1).mod(100)
                .equalTo(substring(fy, 6, 2).cast("int"));
        return Problems.error(not(fy.rlike(FINANCIAL_YEAR_PATTERN).and(consecutive)), FINANCIAL_YEAR,
                Rules.FINANCIAL_YEAR_FORM, fy);
    }

    /**
     * Adds {@code _copies}, how many rows share the row's key, where more than one does (null
     * otherwise, and for a null key). Only the keys are counted and only the repeated ones joined
     * back, broadcast: a window over the whole rows would shuffle and sort every row to find the
     * few duplicates an export has.
     */
    static Dataset<Row> withCopies(Dataset<Row> rows, String... key) {
        return withCopies(rows, rows, key);
    }

    /** {@code _copies} of each row of {@code rows}, counted over {@code counted}, the rows it was made from. */
    static Dataset<Row> withCopies(Dataset<Row> rows, Dataset<Row> counted, String... key) {
        Dataset<Row> repeated = counted.groupBy(Arrays.stream(key).map(k -> col(k).as("_key_" + k))
                        .toArray(Column[]::new))
                .agg(count(lit(1)).as("_copies")).filter(col("_copies").gt(1));
        Column sameKey = Arrays.stream(key).map(k -> col(k).equalTo(col("_key_" + k)))
                .reduce(Column::and).orElseThrow();
        return rows.join(broadcast(repeated), sameKey, "left")
                .drop(Arrays.stream(key).map(k -> "_key_" + k).toArray(String[]::new));
    }

    private static Dataset<Row> addProblems(Dataset<Row> df, List<Problems.Check> more) {
        // A rule over a value that failed its type check sees null and stays silent: one problem a cause.
        // A row whose fields are shifted gets no more problems: its values are not what they claim to be;
        // nor does one with a value too long to read, or with rows joined into a value.
        Column shifted = Problems.hasRule(col(Problems.COLUMN), Rules.FIELD_COUNT, Rules.FIELD_TOO_LONG, Rules.LINE_BREAK);
        return df.withColumn(Problems.COLUMN, when(shifted, col(Problems.COLUMN))
                .otherwise(Problems.append(col(Problems.COLUMN), more)));
    }
}

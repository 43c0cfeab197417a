package uk.carecast.population;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.population.PopulationColumns.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import uk.carecast.ingest.InputException;
import uk.carecast.spark.MapLookup;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYears;

/**
 * Reads ONS subnational population projections as ONS publishes them (one column per mid-year,
 * single years of age, separate files for persons, males and females) and turns them into
 * financial-year adult populations per age band: FY y/y+1 = 0.75 × mid-year y + 0.25 × mid-year y+1,
 * because 30 June falls a quarter of the way into the financial year.
 */
public final class SnppReader {

    static final DecimalType MID_YEAR = DataTypes.createDecimalType(16, 3);
    public static final DecimalType PEOPLE = DataTypes.createDecimalType(18, 5);
    private static final List<String> HEADER = List.of("AREA_CODE", "COMPONENT", "SEX", "AGE_GROUP");

    private final SparkSession spark;

    public SnppReader(SparkSession spark) {
        this.spark = spark;
    }

    public Dataset<Row> read(List<String> paths) {
        return read(paths, Map.of());
    }

    /**
     * As {@link #read(List)}, with SNPP areas rolled up into the council that serves them:
     * {@code areaToCouncil} maps an SNPP area code (a district) to a council code (its county), so a
     * county council's population is the sum of its districts. Areas not in the map stand for
     * themselves.
     */
    public Dataset<Row> read(List<String> paths, Map<String, String> areaToCouncil) {
        return read(paths, areaToCouncil, AgeBands::of);
    }

    /** As above, in the age bands {@code band} gives a single year of age (see {@link AgeBands}). */
    public Dataset<Row> read(List<String> paths, Map<String, String> areaToCouncil,
            java.util.function.UnaryOperator<Column> band) {
        return inBands(singleYears(paths, areaToCouncil), band);
    }

    /**
     * The files' mid-year people per council, sex, single year of age and mid-year: where two files
     * give the same area, sex, age and year (an older and a newer vintage), the newer wins. Read once
     * for every banding a run needs: at SF150 the two bandings, each reading and ranking the files
     * anew, took 25 s of CPU between them, and 19 s reading them once.
     */
    public Dataset<Row> singleYears(List<String> paths, Map<String, String> areaToCouncil) {
        Dataset<Row> midYear = paths.stream().map(this::readMidYear).reduce(Dataset::unionByName).orElseThrow();
        // An aggregate rather than a ranking window, so the million mid-year figures are hashed, not sorted.
        return midYear.groupBy(LA_CODE, SEX, "age", "mid_year")
                .agg(max_by(col("people"), col("vintage")).as("people"), max("vintage").as("vintage"))
                .withColumn(LA_CODE, councilOf(col(LA_CODE), areaToCouncil));
    }

    /** Financial-year populations in the age bands {@code band} gives, from {@link #singleYears}. */
    public static Dataset<Row> inBands(Dataset<Row> singleYears, java.util.function.UnaryOperator<Column> band) {
        Dataset<Row> newest = singleYears
                .withColumn(AGE_BAND, band.apply(col("age")))
                .filter(col(AGE_BAND).isNotNull())
                .groupBy(LA_CODE, SEX, AGE_BAND, "mid_year")
                .agg(sum("people").cast(MID_YEAR).as("people"), max("vintage").as("vintage"));
        Dataset<Row> next = newest.select(col(LA_CODE), col(SEX), col(AGE_BAND),
                col("mid_year").minus(1).as("mid_year"), col("people").as("people_next"));
        return newest.join(next, Seqs.of(LA_CODE, SEX, AGE_BAND, "mid_year"))
                .select(col(LA_CODE), col(SEX), col(AGE_BAND),
                        FinancialYears.label(col("mid_year")).as(FINANCIAL_YEAR),
                        col("people").multiply(lit(new java.math.BigDecimal("0.75")))
                                .plus(col("people_next").multiply(lit(new java.math.BigDecimal("0.25"))))
                                .cast(PEOPLE).as(POPULATION),
                        concat(lit("0.75 x mid-"), col("mid_year").cast("string"), lit(" + 0.25 x mid-"),
                                col("mid_year").plus(1).cast("string"), lit(" (SNPP "), col("vintage").cast("string"),
                                lit("-based)")).as(BASIS));
    }

    private Dataset<Row> readMidYear(String path) {
        Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "false").csv(path);
        List<String> columns = Arrays.asList(raw.columns());
        List<String> missing = HEADER.stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputException("population file " + path + ": required column " + String.join(", ", missing)
                    + " missing; expected the ONS SNPP layout AREA_CODE,AREA_NAME,COMPONENT,SEX,AGE_GROUP,<years>");
        }
        List<String> years = columns.stream().filter(c -> c.matches("\\d{4}")).sorted().toList();
        if (years.isEmpty()) {
            throw new InputException("population file " + path + ": no year columns (e.g. 2022) in the header");
        }
        String stack = years.stream().map(y -> "'" + y + "', `" + y + "`").collect(Collectors.joining(", "));
        return raw.filter(lower(col("COMPONENT")).equalTo("population"))
                .filter(lower(trim(col("AGE_GROUP"))).notEqual("all ages"))
                .select(col("AREA_CODE").as(LA_CODE),
                        sexOf(col("SEX")).as(SEX),
                        regexp_extract(col("AGE_GROUP"), "^(\\d+)", 1).cast("int").as("age"),
                        expr("stack(" + years.size() + ", " + stack + ") as (mid_year, people)"))
                .select(col(LA_CODE), col(SEX), col("age"), col("mid_year").cast("int").as("mid_year"),
                        col("people").try_cast(MID_YEAR).as("people"),
                        lit(Integer.parseInt(years.get(0))).as("vintage"));
    }

    private static Column councilOf(Column area, Map<String, String> areaToCouncil) {
        if (areaToCouncil.isEmpty()) {
            return area;
        }
        return coalesce(MapLookup.of(areaToCouncil, area), area);
    }

    private static Column sexOf(Column snppSex) {
        Column s = lower(trim(snppSex));
        return when(s.equalTo("males"), lit("Male"))
                .when(s.equalTo("females"), lit("Female"))
                .otherwise(lit(ALL_SEXES));
    }
}

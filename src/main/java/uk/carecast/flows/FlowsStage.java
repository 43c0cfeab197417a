package uk.carecast.flows;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.flows.FlowYears.*;
import static uk.carecast.flows.FlowsColumns.*;
import static uk.carecast.ingest.Columns.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import uk.carecast.config.Snapshots;
import uk.carecast.demand.ClientGroups;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.population.AgeBands;
import uk.carecast.population.PopulationColumns;
import uk.carecast.population.PopulationLookup;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.rates.UsageRatesStage;
import uk.carecast.spark.ColumnLists;
import uk.carecast.time.FinancialYear;
import uk.carecast.time.FinancialYears;

/**
 * {@code flows}: per area × setting × client group × age band × complete financial year, the
 * people in the setting at the start, admissions, exits (ended, died), the people at the end,
 * mean length of stay, admissions per 10,000 population and the full-year effect of new packages.
 * People are counted as spells (see {@link Spells}), each in the cell of their age on 1 April or,
 * if admitted in the year, on admission, so that within a row opening + admissions − exits_ended
 * − exits_died = closing exactly. And {@code stock_flow_projection} (see {@link StockFlowProjection}).
 */
public final class FlowsStage implements Stage {

    public static final String TABLE = "flows";
    public static final String PROJECTION_TABLE = "stock_flow_projection";
    public static final DecimalType WEEKS = DataTypes.createDecimalType(12, 2);
    public static final DecimalType PER_10000 = UsageRatesStage.RATE;

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(IngestStage.SERVICE_USERS, IngestStage.PLACEMENTS, IngestStage.POPULATION,
                ProjectionStage.DEMAND_TABLE);
    }

    @Override
    public StageResult run(StageContext context) {
        Snapshots snapshots = context.config().snapshots();
        Dataset<Row> population = context.table(IngestStage.POPULATION);
        Dataset<Row> flows = flows(context.spark(), completeYears(snapshots), context.table(IngestStage.PLACEMENTS),
                context.table(IngestStage.SERVICE_USERS), population)
                // Both tables are built from it: keep it rather than derive the spells twice.
                .cache();
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(TABLE, flows);
        tables.put(PROJECTION_TABLE, StockFlowProjection.project(context.spark(), flows, population,
                context.table(ProjectionStage.DEMAND_TABLE)));
        return StageResult.of(tables);
    }

    /** From the year ending at the first 31 March snapshot to the last year ending by the latest snapshot. */
    public static List<FinancialYear> completeYears(Snapshots snapshots) {
        return FlowYears.between(FinancialYear.containing(LocalDate.parse(snapshots.firstYearEnd())),
                FlowYears.lastCompleteBy(snapshots.latestDate()));
    }

    public static Dataset<Row> flows(SparkSession spark, List<FinancialYear> years, Dataset<Row> placements,
            Dataset<Row> users, Dataset<Row> population) {
        Dataset<Row> yearRows = FlowYears.frame(spark, years);
        Column spellEnd = col(Spells.SPELL_LAST_DAY);
        // A spell counts, from its last row, in each year it overlaps; a package in the year it starts, if it
        // runs on past it. One pass over the placements does both, so the window's rows are not kept for a second
        // pass: at SF150 the stage's Spark tasks fell from 92 s of CPU to 73 s.
        Column spellInYear = col(Spells.ENDS_SPELL).and(col(Spells.SPELL_START).leq(col(FY_LAST_DAY)))
                .and(spellEnd.isNull().or(spellEnd.geq(col(FY_FIRST_DAY))));
        Column spell = col("__spell");
        Column exit = spell.and(spellEnd.isNotNull()).and(spellEnd.leq(col(FY_LAST_DAY)));
        Dataset<Row> counts = inCell(Spells.placements(placements, users)
                .join(broadcast(yearRows), spellInYear.or(FullYearEffect.startsAndRunsOn()))
                .withColumn("__spell", spellInYear)
                .withColumn("__package", FullYearEffect.startsAndRunsOn())
                .withColumn(FullYearEffect.PACKAGE_FYE, when(col("__package"), FullYearEffect.amount())))
                .groupBy(cell())
                .agg(count(when(spell.and(col(Spells.SPELL_START).lt(col(FY_FIRST_DAY))), 1)).as(OPENING_CLIENTS),
                        count(when(spell.and(col(Spells.SPELL_START).geq(col(FY_FIRST_DAY))), 1)).as(ADMISSIONS),
                        count(when(exit.and(not(col(Spells.DIED))), 1)).as(EXITS_ENDED),
                        count(when(exit.and(col(Spells.DIED)), 1)).as(EXITS_DIED),
                        count(when(spell.and(not(exit)), 1)).as(CLOSING_CLIENTS),
                        sum(when(exit, datediff(spellEnd, col(Spells.SPELL_START)).plus(1))).as("__stay_days"),
                        FullYearEffect.total().as(FULL_YEAR_EFFECT),
                        count(when(col("__package"), 1)).as(FULL_YEAR_EFFECT_PACKAGES))
                // A row per cell, read by the population check and then by the tables: kept, not recounted.
                .cache();
        Column exits = col(EXITS_ENDED).plus(col(EXITS_DIED));
        Dataset<Row> withPopulation = PopulationLookup.attach(
                counts.withColumn(SEX, lit(PopulationColumns.ALL_SEXES)),
                col(FY_START), population);
        UsageRatesStage.requirePopulation(withPopulation);
        return withPopulation
                .select(col(LA_CODE), col(SETTING), col(CLIENT_GROUP), col(AGE_BAND),
                        FinancialYears.label(col(FY_START)).as(FINANCIAL_YEAR),
                        col(OPENING_CLIENTS), col(ADMISSIONS), col(EXITS_ENDED), col(EXITS_DIED), col(CLOSING_CLIENTS),
                        when(exits.gt(0), round(col("__stay_days").cast(DataTypes.createDecimalType(20, 0))
                                .divide(exits.multiply(7)), WEEKS.scale())).cast(WEEKS).as(MEAN_LENGTH_OF_STAY_WEEKS),
                        col(PopulationColumns.POPULATION), col(PopulationLookup.POPULATION_FINANCIAL_YEAR),
                        col(ADMISSIONS).cast(DataTypes.createDecimalType(12, 0)).multiply(lit(10000))
                                .divide(col(PopulationColumns.POPULATION)).cast(PER_10000).as(ADMISSIONS_PER_10000),
                        coalesce(col(FULL_YEAR_EFFECT), lit(BigDecimal.ZERO).cast(Money.POUNDS))
                                .as(FULL_YEAR_EFFECT),
                        col(FULL_YEAR_EFFECT_PACKAGES));
    }

    /**
     * The cell a spell (or package) counts in for a year: its age on 1 April, or on admission if
     * it started in the year. One age per spell and year keeps the row's stock identity exact;
     * people crossing an age band move cells between one year's closing and the next's opening.
     */
    private static Dataset<Row> inCell(Dataset<Row> rowsWithYear) {
        Column reference = greatest(col(Spells.SPELL_START), col(FY_FIRST_DAY));
        return rowsWithYear
                .withColumn(AGE_BAND, AgeBands.of(AgeBands.ageOn(reference, col(BIRTH_YEAR), col(BIRTH_MONTH))))
                .filter(col(AGE_BAND).isNotNull())
                .withColumn(CLIENT_GROUP, ClientGroups.of(col(PRIMARY_SUPPORT_REASON), col(AGE_BAND)));
    }

    private static Column[] cell() {
        return ColumnLists.cols(LA_CODE, SETTING, CLIENT_GROUP, AGE_BAND, FY_START);
    }
}

package uk.carecast.unitcost;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.ingest.Columns.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.demand.ActivePlacements;
import uk.carecast.ingest.Contracts;
import uk.carecast.ingest.IngestStage;
import uk.carecast.ingest.Money;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageResult;
import uk.carecast.spark.ColumnLists;
import uk.carecast.spark.ExactPercentiles;
import uk.carecast.spark.Seqs;
import uk.carecast.price.CostAssumption;
import uk.carecast.price.PriceIndex;
import uk.carecast.time.FinancialYear;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code unit_costs}: per snapshot, area, setting, support reason, age band and provider type,
 * the people in the cell and the mean, median, 25th and 75th percentile of their weekly cost
 * (exact decimals, see {@link ExactPercentiles}).
 */
public final class UnitCostsStage implements Stage {

    public static final String TABLE = "unit_costs";
    public static final String MEAN = "mean_weekly_cost";
    public static final String MEDIAN = "median_weekly_cost";
    public static final String P25 = "p25_weekly_cost";
    public static final String P75 = "p75_weekly_cost";
    public static final String MEAN_BASE_PRICES = "mean_weekly_cost_base_prices";
    public static final String MEDIAN_BASE_PRICES = "median_weekly_cost_base_prices";

    private static final List<String> CELL = List.of(SNAPSHOT_DATE, LA_CODE, SETTING, PRIMARY_SUPPORT_REASON,
            AGE_BAND, PROVIDER_TYPE);

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public List<String> inputs() {
        return List.of(IngestStage.SERVICE_USERS, IngestStage.PLACEMENTS, IngestStage.COST_ASSUMPTIONS);
    }

    @Override
    public Set<String> shares() {
        return Set.of(ActivePlacements.SHARED);
    }

    @Override
    public StageResult run(StageContext context) {
        List<LocalDate> dates = context.config().snapshots().dates();
        Dataset<Row> cash = unitCosts(ActivePlacements.of(context));
        return StageResult.of(Map.of(TABLE, inBasePrices(cash, dates,
                CostAssumption.of(context.table(IngestStage.COST_ASSUMPTIONS)), context.config().snapshots().latestDate())));
    }

    /**
     * Adds the mean and median restated in the prices of the latest snapshot's financial year, with
     * the cost assumptions' combined uplifts, so unit costs compare across years. Null where the
     * assumptions do not reach back to a snapshot's year. The factors are worked out for every
     * setting the contract allows on each of {@code dates}, not for the cells found: finding them
     * computed the unit costs once more (3.6 s at SF150) before the table was written.
     */
    public static Dataset<Row> inBasePrices(Dataset<Row> unitCosts, List<LocalDate> dates,
            List<CostAssumption> assumptions, LocalDate base) {
        FinancialYear baseYear = FinancialYear.containing(base);
        List<Row> factors = new java.util.ArrayList<>();
        for (String setting : Contracts.SETTINGS) {
            for (LocalDate date : dates) {
                factors.add(RowFactory.create(setting, java.sql.Date.valueOf(date), PriceIndex.restatement(assumptions,
                        setting, FinancialYear.containing(date), baseYear).orElse(null)));
            }
        }
        StructType schema = new StructType().add(SETTING, DataTypes.StringType).add(SNAPSHOT_DATE, DataTypes.DateType)
                .add("factor", DataTypes.createDecimalType(20, PriceIndex.SCALE));
        Dataset<Row> factorTable = unitCosts.sparkSession().createDataFrame(factors, schema);
        return unitCosts.join(broadcast(factorTable), Seqs.of(SETTING, SNAPSHOT_DATE), "left")
                .withColumn(MEAN_BASE_PRICES, Money.toPence(col(MEAN).multiply(col("factor"))))
                .withColumn(MEDIAN_BASE_PRICES, Money.toPence(col(MEDIAN).multiply(col("factor"))))
                .drop("factor");
    }

    public static Dataset<Row> unitCosts(List<LocalDate> dates, Dataset<Row> placements,
            Dataset<Row> users) {
        return unitCosts(ActivePlacements.on(dates, placements, users));
    }

    /** The unit costs of {@link ActivePlacements}' rows (their net costs, whatever the rules, are not used). */
    public static Dataset<Row> unitCosts(Dataset<Row> active) {
        Column[] cell = ColumnLists.cols(CELL);
        Dataset<Row> perPerson = active
                .groupBy(ColumnLists.join(cell, col(PERSON_ID)))
                .agg(sum(WEEKLY_COST).as(WEEKLY_COST));
        return perPerson.groupBy(cell)
                .agg(count(lit(1)).as(CLIENTS),
                        avg(WEEKLY_COST).as(MEAN),
                        ExactPercentiles.sorted(WEEKLY_COST))
                .select(ColumnLists.join(cell,
                        col(CLIENTS),
                        Money.toPence(col(MEAN)).as(MEAN),
                        ExactPercentiles.value("0.5", WEEKLY_COST).as(MEDIAN),
                        ExactPercentiles.value("0.25", WEEKLY_COST).as(P25),
                        ExactPercentiles.value("0.75", WEEKLY_COST).as(P75)));
    }
}

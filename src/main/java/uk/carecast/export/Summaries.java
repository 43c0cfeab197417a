package uk.carecast.export;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.ingest.Columns.*;
import static uk.carecast.projection.ProjectionColumns.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.demand.DemandColumns;
import uk.carecast.growth.GrowthRequirementStage;
import uk.carecast.ingest.Money;
import uk.carecast.scenario.ScenarioStage;
import uk.carecast.time.FinancialYears;
import uk.carecast.transitions.TransitionsStage;

/**
 * The published tables cut down to what a finance team reads: one row per service area and
 * financial year rather than per cell, the growth drivers side by side. Sums stay decimal.
 */
public final class Summaries {

    /** The drivers in the order the growth stage explains a year's change; any other follows. */
    public static final List<String> DRIVER_ORDER = List.of(GrowthRequirementStage.DEMOGRAPHY,
            GrowthRequirementStage.TREND, GrowthRequirementStage.NLW, GrowthRequirementStage.PRICE,
            GrowthRequirementStage.TRANSITIONS, GrowthRequirementStage.SCENARIO_EFFECT);
    public static final String TOTAL = "total";
    /** The financial year a count belongs to, as its start year (2025 for 2025/26), for the charts. */
    public static final String FY_START = "fy_start";

    private Summaries() {
    }

    public static Dataset<Row> costProjection(Dataset<Row> costProjection) {
        return costProjection.groupBy(LA_CODE, FINANCIAL_YEAR, SERVICE_AREA)
                .agg(sum(PROJECTED_CLIENTS).as(PROJECTED_CLIENTS), sum(PROJECTED_CLIENTS_LOW).as(PROJECTED_CLIENTS_LOW),
                        sum(PROJECTED_CLIENTS_HIGH).as(PROJECTED_CLIENTS_HIGH), pounds(GROSS_COST),
                        pounds(GROSS_COST_LOW), pounds(GROSS_COST_HIGH), pounds(NET_COST));
    }

    public static Dataset<Row> transitions(Dataset<Row> transitionsProjection) {
        return transitionsProjection.groupBy(LA_CODE, FINANCIAL_YEAR, SERVICE_AREA)
                .agg(sum(TransitionsStage.NEW_CLIENTS).as(TransitionsStage.NEW_CLIENTS),
                        sum(TransitionsStage.CUMULATIVE_CLIENTS).as(TransitionsStage.CUMULATIVE_CLIENTS),
                        pounds(GROSS_COST));
    }

    /** The drivers found in the table, in {@link #DRIVER_ORDER}. */
    public static List<String> drivers(Dataset<Row> growthRequirement) {
        List<String> found = growthRequirement.select(GrowthRequirementStage.DRIVER).distinct().collectAsList().stream()
                .map(r -> r.getString(0)).sorted().toList();
        List<String> ordered = new ArrayList<>(DRIVER_ORDER.stream().filter(found::contains).toList());
        found.stream().filter(d -> !ordered.contains(d)).forEach(ordered::add);
        return ordered;
    }

    /**
     * One row per area × scenario × FY × service area with a column per driver (0.00 where a
     * scenario has no such driver, as do-nothing has no scenario effect) and their {@code total}.
     */
    public static Dataset<Row> growthByDriver(Dataset<Row> growthRequirement, List<String> drivers) {
        List<Column> aggregates = new ArrayList<>();
        for (String driver : drivers) {
            aggregates.add(coalesce(sum(when(col(GrowthRequirementStage.DRIVER).equalTo(driver), col(AMOUNT))),
                    lit(BigDecimal.ZERO)).cast(Money.POUNDS).as(driverColumn(driver)));
        }
        aggregates.add(sum(AMOUNT).cast(Money.POUNDS).as(TOTAL));
        return growthRequirement.groupBy(LA_CODE, ScenarioStage.SCENARIO, FINANCIAL_YEAR, SERVICE_AREA)
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    }

    /** A driver's column in {@link #growthByDriver}: prefixed, as the scenario driver shares its name with a column. */
    public static String driverColumn(String driver) {
        return "driver_" + driver;
    }

    /** The first financial year with growth: the next budget year. */
    public static String nextBudgetYear(Dataset<Row> growthRequirement) {
        return growthRequirement.agg(min(FINANCIAL_YEAR)).first().getString(0);
    }

    /** One scenario's growth in one year, summed over areas and service areas, per driver. */
    public static Dataset<Row> yearByDriver(Dataset<Row> growthRequirement, String scenario, String financialYear) {
        return growthRequirement.filter(col(ScenarioStage.SCENARIO).equalTo(scenario)
                        .and(col(FINANCIAL_YEAR).equalTo(financialYear)))
                .groupBy(GrowthRequirementStage.DRIVER).agg(pounds(AMOUNT));
    }

    /**
     * People supported on each 31 March, per setting, dated by the financial year that day closes
     * (31 March 2025 is 2024/25's), so they sit on one axis with the projection's years.
     */
    public static Dataset<Row> yearEndClients(Dataset<Row> demandSnapshot) {
        Column date = col(DemandColumns.SNAPSHOT_DATE);
        return demandSnapshot.filter(month(date).equalTo(3).and(dayofmonth(date).equalTo(31)))
                .groupBy(col(SETTING), year(date).minus(1).as(FY_START))
                .agg(sum(DemandColumns.CLIENTS).cast("long").as(DemandColumns.CLIENTS));
    }

    /** Projected clients and their 95% band per setting and financial year. */
    public static Dataset<Row> projectedClients(Dataset<Row> demandProjection) {
        return demandProjection.groupBy(col(SETTING), FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR)).as(FY_START))
                .agg(sum(PROJECTED_CLIENTS_LOW).as(PROJECTED_CLIENTS_LOW), sum(PROJECTED_CLIENTS).as(PROJECTED_CLIENTS),
                        sum(PROJECTED_CLIENTS_HIGH).as(PROJECTED_CLIENTS_HIGH));
    }

    private static Column pounds(String column) {
        return sum(column).cast(Money.POUNDS).as(column);
    }
}

package uk.carecast.export;

import static org.apache.spark.sql.functions.col;
import static uk.carecast.ingest.Columns.*;
import static uk.carecast.projection.ProjectionColumns.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.budget.BudgetMtfsStage;
import uk.carecast.export.SheetSpec.Column;
import uk.carecast.export.SheetSpec.Kind;
import uk.carecast.growth.GrowthRequirementStage;
import uk.carecast.refresh.RefreshVarianceStage;
import uk.carecast.scenario.ScenarioStage;
import uk.carecast.transitions.TransitionsStage;

/** The workbook's sheets: which table each shows, under which headers, grouped and totalled how. */
public final class Sheets {

    private static final Column COUNCIL = new Column(LA_CODE, "Council", Kind.TEXT);
    private static final Column YEAR = new Column(FINANCIAL_YEAR, "Financial year", Kind.TEXT);
    private static final Column AREA = new Column(SERVICE_AREA, "Service area", Kind.TEXT);

    private Sheets() {
    }

    public static SheetSpec mtfs(Dataset<Row> budgetMtfs) {
        return collect("MTFS", "budget_mtfs: the medium-term financial strategy per service area and year, "
                        + "net budget = prior year + transfers + growth + other pressures - savings, for the "
                        + "budget scenario; each year ends in the council's total",
                budgetMtfs, 2, true, COUNCIL, YEAR, AREA,
                money(BudgetMtfsStage.PRIOR_YEAR_BUDGET, "Prior year budget"),
                money(BudgetMtfsStage.TRANSFERS, "Transfers"), money(BudgetMtfsStage.GROWTH, "Growth"),
                money(BudgetMtfsStage.SAVINGS, "Savings"), money(BudgetMtfsStage.OTHER_PRESSURES, "Other pressures"),
                money(BudgetMtfsStage.NET_BUDGET, "Net budget"));
    }

    public static SheetSpec growth(Dataset<Row> growthRequirement) {
        List<String> drivers = Summaries.drivers(growthRequirement);
        List<Column> columns = new ArrayList<>(List.of(COUNCIL,
                new Column(ScenarioStage.SCENARIO, "Scenario", Kind.TEXT), YEAR, AREA));
        drivers.forEach(d -> columns.add(money(Summaries.driverColumn(d), driverHeader(d))));
        columns.add(money(Summaries.TOTAL, "Total growth"));
        return collect("Growth", "growth_requirement: each year's change in gross cost per service area, by "
                        + "driver (demography, trend, nlw = the National Living Wage rise on the labour share, price, "
                        + "transitions = young people arriving at 18, scenario = a named scenario's effect), for "
                        + "every scenario; the MTFS takes its budget scenario's total",
                Summaries.growthByDriver(growthRequirement, drivers), 3, true, columns.toArray(Column[]::new));
    }

    public static SheetSpec costProjection(Dataset<Row> costProjection) {
        return collect("Cost projection", "cost_projection summed per service area and year: projected clients "
                        + "and gross cost with the 95% band (low/high summed over cells, so wider than the total's "
                        + "own band), and net cost (what the council pays)",
                Summaries.costProjection(costProjection), 2, true, COUNCIL, YEAR, AREA,
                count(PROJECTED_CLIENTS, "Projected clients"), count(PROJECTED_CLIENTS_LOW, "Clients (low)"),
                count(PROJECTED_CLIENTS_HIGH, "Clients (high)"), money(GROSS_COST, "Gross cost"),
                money(GROSS_COST_LOW, "Gross cost (low)"), money(GROSS_COST_HIGH, "Gross cost (high)"),
                money(NET_COST, "Net cost"));
    }

    public static SheetSpec variance(Dataset<Row> refreshVariance) {
        return collect("Refresh variance", "refresh_variance: the change since the previous refresh: projected gross cost, change = "
                        + "population + volume (other client change) + unit cost + assumptions (price index and uplifts);"
                        + " growth requirement, growth change = demand + scenarios; no rows on a first refresh",
                refreshVariance, 2, true, COUNCIL, YEAR, AREA,
                new Column(RefreshVarianceStage.PREVIOUS_REFRESH_ID, "Compared with", Kind.TEXT),
                count(RefreshVarianceStage.PREVIOUS_CLIENTS, "Previous clients"), count(PROJECTED_CLIENTS, "Clients"),
                money(RefreshVarianceStage.PREVIOUS_GROSS_COST, "Previous gross cost"), money(GROSS_COST, "Gross cost"),
                money(RefreshVarianceStage.CHANGE, "Change"), money(RefreshVarianceStage.POPULATION, "Population"),
                money(RefreshVarianceStage.VOLUME, "Volume"), money(RefreshVarianceStage.UNIT_COST, "Unit cost"),
                money(RefreshVarianceStage.ASSUMPTIONS, "Assumptions"),
                money(RefreshVarianceStage.PREVIOUS_GROWTH, "Previous growth"),
                money(RefreshVarianceStage.GROWTH, "Growth"), money(RefreshVarianceStage.GROWTH_CHANGE, "Growth change"),
                money(RefreshVarianceStage.GROWTH_DEMAND, "Demand"), money(RefreshVarianceStage.SCENARIOS, "Scenarios"));
    }

    public static SheetSpec transitions(Dataset<Row> transitionsProjection) {
        return collect("Transitions", "transitions_projection summed per service area and year: young people "
                        + "arriving in adult care at 18 (new in the year, all arrived by its end, each counted at "
                        + "their likelihood) and their gross cost",
                Summaries.transitions(transitionsProjection), 2, true, COUNCIL, YEAR, AREA,
                count(TransitionsStage.NEW_CLIENTS, "New clients"),
                count(TransitionsStage.CUMULATIVE_CLIENTS, "Cumulative clients"), money(GROSS_COST, "Gross cost"));
    }

    /** The cost_assumptions input, for the Notes sheet: rates, not amounts, so nothing is totalled. */
    public static SheetSpec assumptions(Dataset<Row> costAssumptions) {
        return collect("Cost assumptions", "cost_assumptions: the price and National Living Wage assumptions",
                costAssumptions, 0, false, YEAR, new Column(SETTING, "Setting", Kind.TEXT),
                new Column(PRICE_UPLIFT_PCT, "Price uplift %", Kind.RATE),
                new Column(NLW_RATE, "NLW £ an hour", Kind.RATE),
                new Column(NLW_UPLIFT_PCT, "NLW uplift %", Kind.RATE),
                new Column(LABOUR_SHARE, "Labour share", Kind.RATE));
    }

    /** The table's columns in order, sorted by its text columns, as plain Java values. */
    static SheetSpec collect(String name, String about, Dataset<Row> table, int groupColumns, boolean totals,
            Column... columns) {
        org.apache.spark.sql.Column[] order = Arrays.stream(columns).filter(c -> c.kind() == Kind.TEXT)
                .map(c -> col(c.source()).asc_nulls_first()).toArray(org.apache.spark.sql.Column[]::new);
        List<List<Object>> rows = table.select(Arrays.stream(columns).map(c -> col(c.source()))
                        .toArray(org.apache.spark.sql.Column[]::new))
                .orderBy(order).collectAsList().stream()
                .map(r -> IntStream.range(0, r.size()).mapToObj(i -> value(r.get(i))).toList())
                .toList();
        return new SheetSpec(name, about, List.of(columns), rows, groupColumns, totals);
    }

    private static Object value(Object cell) {
        return cell == null || cell instanceof Number || cell instanceof String ? cell : cell.toString();
    }

    private static Column money(String source, String header) {
        return new Column(source, header, Kind.MONEY);
    }

    private static Column count(String source, String header) {
        return new Column(source, header, Kind.COUNT);
    }

    /** A driver's header; the scenario driver's says "effect" so it is not read as the scenario's name. */
    static String driverHeader(String driver) {
        return switch (driver) {
            case GrowthRequirementStage.NLW -> "NLW";
            case GrowthRequirementStage.SCENARIO_EFFECT -> "Scenario effect";
            default -> Character.toUpperCase(driver.charAt(0)) + driver.substring(1);
        };
    }
}

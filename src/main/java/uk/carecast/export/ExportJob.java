package uk.carecast.export;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.carecast.budget.BudgetMtfsStage;
import uk.carecast.config.Refresh;
import uk.carecast.config.Scenario;
import uk.carecast.demand.DemandColumns;
import uk.carecast.demand.DemandSnapshotStage;
import uk.carecast.growth.GrowthRequirementStage;
import uk.carecast.ingest.Columns;
import uk.carecast.ingest.IngestStage;
import uk.carecast.projection.ProjectionColumns;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.refresh.RefreshVarianceStage;
import uk.carecast.scenario.ScenarioStage;
import uk.carecast.transitions.TransitionsStage;

/**
 * The export job: one refresh of the history as a workbook for the finance team (the MTFS,
 * growth by driver, the cost projection, the variance since the last refresh, transitions, and a
 * Notes sheet saying what it all is) and two charts beside it. It reads only the history, so it
 * exports any refresh ever recorded, not just the latest run.
 */
public final class ExportJob {

    public static final String CLIENTS_CHART = "clients-by-setting.png";

    /** What the export wrote. */
    public record Result(Refresh refresh, Path workbook, List<Path> charts) {
    }

    private ExportJob() {
    }

    public static String waterfallName(String financialYear) {
        return "growth-by-driver-" + financialYear.replace('/', '-') + ".png";
    }

    public static Result run(SparkSession spark, ExportConfig config, Clock clock, PrintStream progress) {
        long started = System.nanoTime();
        // Charts are drawn in memory; without this a machine with no display fails in AWT.
        System.setProperty("java.awt.headless", "true");
        HistoryRefresh history = HistoryRefresh.open(spark, config.output(), config.refresh());
        Refresh refresh = history.refresh();
        progress.printf("export: refresh %s (as at %s) from %s%n", refresh.id(), refresh.asAt(), history.root());

        Dataset<Row> budget = history.table(BudgetMtfsStage.TABLE);
        Dataset<Row> growth = history.table(GrowthRequirementStage.TABLE);
        Dataset<Row> variance = history.table(RefreshVarianceStage.TABLE);
        List<SheetSpec> sheets = List.of(Sheets.mtfs(budget), Sheets.growth(growth),
                Sheets.costProjection(history.table(ProjectionStage.COST_TABLE)), Sheets.variance(variance),
                Sheets.transitions(history.table(TransitionsStage.TABLE)));

        String scenario = first(budget, ScenarioStage.SCENARIO, Scenario.DO_NOTHING);
        String nextYear = Summaries.nextBudgetYear(growth);
        Path folder = config.chartsFor(refresh.id());
        List<Path> charts = new ArrayList<>();
        Path clients = folder.resolve(CLIENTS_CHART);
        List<ClientsChart.Series> settings = clientSeries(history.table(DemandSnapshotStage.TABLE),
                history.table(ProjectionStage.DEMAND_TABLE));
        ClientsChart.write(clients, "Clients by setting, refresh " + refresh.id() + " (as at " + refresh.asAt() + ")",
                settings);
        charts.add(clients);
        if (nextYear != null) {
            Path waterfall = folder.resolve(waterfallName(nextYear));
            GrowthWaterfall.write(waterfall, "Growth requirement " + nextYear + " by driver (" + scenario + "), refresh "
                    + refresh.id(), byDriver(growth, scenario, nextYear));
            charts.add(waterfall);
        }

        Path workbook = config.workbookFor(refresh.id());
        Notes notes = new Notes(facts(history, clock, scenario, first(variance, RefreshVarianceStage.PREVIOUS_REFRESH_ID,
                null)), contents(sheets, charts, nextYear, scenario),
                history.optional(IngestStage.COST_ASSUMPTIONS).map(Sheets::assumptions));
        WorkbookWriter.write(workbook, sheets, notes);

        progress.printf("export: wrote %s (%s)%n", workbook, sheets.stream()
                .map(s -> s.name() + " " + s.rows().size() + " rows").collect(Collectors.joining(", ")));
        charts.forEach(c -> progress.printf("export: wrote %s%n", c));
        progress.printf("done: export in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return new Result(refresh, workbook, List.copyOf(charts));
    }

    private static List<Notes.Line> facts(HistoryRefresh history, Clock clock, String scenario, String previous) {
        Refresh refresh = history.refresh();
        return List.of(
                new Notes.Line("Refresh", refresh.id()),
                new Notes.Line("As-at date", refresh.asAt()),
                new Notes.Line("Exported", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()),
                new Notes.Line("Read from", history.root()),
                new Notes.Line("Refreshes in the history", history.all().stream()
                        .map(r -> r.id() + " (as at " + r.asAt() + ")").collect(Collectors.joining(", "))),
                new Notes.Line("Budget scenario", scenario + ": the scenario whose growth the MTFS rolls forward"),
                new Notes.Line("Compared with", previous == null
                        ? "no earlier refresh in the history, so Refresh variance has no rows"
                        : "refresh " + previous + " (Refresh variance)"),
                new Notes.Line("Money", "pounds; a cell holds the pence and shows whole pounds, negatives in red. "
                        + "Each Total row is a SUM formula over the rows above it, so it ties as figures are edited"),
                new Notes.Line("Clients", "projected and transitions clients are expected numbers (rates times "
                        + "population, likelihoods), so they have decimals; shown to one place"));
    }

    private static List<Notes.Line> contents(List<SheetSpec> sheets, List<Path> charts, String nextYear, String scenario) {
        List<Notes.Line> lines = new ArrayList<>();
        sheets.forEach(s -> lines.add(new Notes.Line(s.name(), s.about())));
        lines.add(new Notes.Line("Charts", "in " + charts.get(0).getParent() + ":"));
        lines.add(new Notes.Line(CLIENTS_CHART, "people supported per setting on each 31 March and projected clients "
                + "with their 95% band (the cells' bands summed, so wider than the setting's own), one panel per setting"));
        if (nextYear != null) {
            lines.add(new Notes.Line(waterfallName(nextYear), "the " + nextYear + " growth requirement of "
                    + scenario + " by driver, all service areas, as a waterfall to the total"));
        }
        return lines;
    }

    /** The chart's panels, the settings with the most people first. */
    private static List<ClientsChart.Series> clientSeries(Dataset<Row> demandSnapshot, Dataset<Row> demandProjection) {
        Map<String, TreeMap<Integer, Long>> recorded = new TreeMap<>();
        for (Row r : Summaries.yearEndClients(demandSnapshot).collectAsList()) {
            recorded.computeIfAbsent(r.getAs(Columns.SETTING), k -> new TreeMap<>())
                    .put(r.getAs(Summaries.FY_START), r.getAs(DemandColumns.CLIENTS));
        }
        Map<String, TreeMap<Integer, ClientsChart.Band>> projected = new TreeMap<>();
        for (Row r : Summaries.projectedClients(demandProjection).collectAsList()) {
            projected.computeIfAbsent(r.getAs(Columns.SETTING), k -> new TreeMap<>())
                    .put(r.getAs(Summaries.FY_START), new ClientsChart.Band(
                            r.getAs(ProjectionColumns.PROJECTED_CLIENTS_LOW), r.getAs(ProjectionColumns.PROJECTED_CLIENTS),
                            r.getAs(ProjectionColumns.PROJECTED_CLIENTS_HIGH)));
        }
        List<String> names = new ArrayList<>(recorded.keySet());
        projected.keySet().stream().filter(s -> !recorded.containsKey(s)).forEach(names::add);
        return names.stream()
                .map(s -> new ClientsChart.Series(s, recorded.getOrDefault(s, new TreeMap<>()),
                        projected.getOrDefault(s, new TreeMap<>())))
                .sorted(Comparator.comparing(ExportJob::size).reversed().thenComparing(ClientsChart.Series::setting))
                .toList();
    }

    private static BigDecimal size(ClientsChart.Series series) {
        if (!series.projected().isEmpty()) {
            return series.projected().get(series.projected().firstKey()).principal();
        }
        return series.recorded().isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(series.recorded().get(series.recorded().lastKey()));
    }

    private static Map<String, BigDecimal> byDriver(Dataset<Row> growth, String scenario, String financialYear) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (Row r : Summaries.yearByDriver(growth, scenario, financialYear).collectAsList()) {
            amounts.put(r.getString(0), r.getDecimal(1));
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        Summaries.DRIVER_ORDER.stream().filter(amounts::containsKey).forEach(d -> ordered.put(d, amounts.get(d)));
        amounts.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static String first(Dataset<Row> table, String column, String otherwise) {
        List<Row> values = table.select(column).distinct().orderBy(col(column)).limit(1).collectAsList();
        return values.isEmpty() || values.get(0).isNullAt(0) ? otherwise : values.get(0).getString(0);
    }
}

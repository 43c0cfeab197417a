package uk.carecast.export;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.config.ConfigException;
import uk.carecast.publish.RefreshHistory;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

/**
 * The export over a hand-made history of two refreshes: 2025Q3 (as at 30 September) with a row
 * or two in every table, and 2025Q2 (as at 30 June), written after it, with one MTFS row. The
 * default export must be 2025Q3, the latest as-at date, not the latest written.
 */
@SparkTest
class ExportJobTest {

    private static final String LA = "'E08000003'";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static ExportJob.Result result;
    private static XSSFWorkbook book;

    @BeforeAll
    static void exportTheLatestRefresh(SparkSession spark) throws Exception {
        String output = dir.resolve("output").toString();
        record(spark, output, "budget_mtfs", "2025Q3", "2025-09-30", "select la_code, service_area, financial_year,"
                + " cast(prior as decimal(18,2)) as prior_year_budget, cast(transfers as decimal(18,2)) as transfers,"
                + " cast(growth as decimal(18,2)) as growth, cast(savings as decimal(18,2)) as savings,"
                + " cast(other as decimal(18,2)) as other_pressures, cast(net as decimal(18,2)) as net_budget,"
                + " 'do_nothing' as scenario from values"
                + " (" + LA + ", 'Learning Disability', '2026/27', 1000000.00, 0.00, 50000.50, 20000.00, 0.00, 1030000.50),"
                + " (" + LA + ", 'Other Care', '2026/27', 2000000.00, 10000.00, 80000.25, 0.00, 5000.00, 2095000.25),"
                + " (" + LA + ", 'Learning Disability', '2027/28', 1030000.50, 0.00, 40000.00, 0.00, 0.00, 1070000.50),"
                + " (" + LA + ", 'Other Care', '2027/28', 2095000.25, 0.00, 60000.10, 15000.00, 0.00, 2140000.35)"
                + " as t(la_code, service_area, financial_year, prior, transfers, growth, savings, other, net)");
        record(spark, output, "growth_requirement", "2025Q3", "2025-09-30", "select la_code, scenario, service_area,"
                + " financial_year, driver, cast(amount as decimal(18,2)) as amount from values"
                + " (" + LA + ", 'do_nothing', 'Learning Disability', '2026/27', 'demography', 30000.00),"
                + " (" + LA + ", 'do_nothing', 'Learning Disability', '2026/27', 'trend', 0.00),"
                + " (" + LA + ", 'do_nothing', 'Learning Disability', '2026/27', 'nlw', 15000.50),"
                + " (" + LA + ", 'do_nothing', 'Learning Disability', '2026/27', 'price', 5000.00),"
                + " (" + LA + ", 'do_nothing', 'Learning Disability', '2026/27', 'transitions', 0.00),"
                + " (" + LA + ", 'do_nothing', 'Other Care', '2026/27', 'demography', 50000.00),"
                + " (" + LA + ", 'do_nothing', 'Other Care', '2026/27', 'trend', 0.00),"
                + " (" + LA + ", 'do_nothing', 'Other Care', '2026/27', 'nlw', 20000.25),"
                + " (" + LA + ", 'do_nothing', 'Other Care', '2026/27', 'price', 10000.00),"
                + " (" + LA + ", 'do_nothing', 'Other Care', '2026/27', 'transitions', 0.00),"
                + " (" + LA + ", 'do_nothing', 'Learning Disability', '2027/28', 'demography', 25000.00),"
                + " (" + LA + ", 'do_nothing', 'Learning Disability', '2027/28', 'nlw', 10000.00),"
                + " (" + LA + ", 'do_nothing', 'Learning Disability', '2027/28', 'price', 5000.00),"
                + " (" + LA + ", 'better_outcomes', 'Learning Disability', '2026/27', 'demography', 30000.00),"
                + " (" + LA + ", 'better_outcomes', 'Learning Disability', '2026/27', 'nlw', 15000.50),"
                + " (" + LA + ", 'better_outcomes', 'Learning Disability', '2026/27', 'price', 5000.00),"
                + " (" + LA + ", 'better_outcomes', 'Learning Disability', '2026/27', 'scenario', -2000.00)"
                + " as t(la_code, scenario, service_area, financial_year, driver, amount)");
        record(spark, output, "cost_projection", "2025Q3", "2025-09-30", "select la_code, service_area, financial_year,"
                + " setting, cast(c as decimal(18,4)) as projected_clients, cast(cl as decimal(18,4)) as projected_clients_low,"
                + " cast(ch as decimal(18,4)) as projected_clients_high, cast(g as decimal(18,2)) as gross_cost,"
                + " cast(gl as decimal(18,2)) as gross_cost_low, cast(gh as decimal(18,2)) as gross_cost_high,"
                + " cast(n as decimal(18,2)) as net_cost from values"
                + " (" + LA + ", 'Learning Disability', '2026/27', 'supported_accommodation', 10.5, 8, 13, 100000.10, 80000.00, 120000.20, 90000.05),"
                + " (" + LA + ", 'Learning Disability', '2026/27', 'residential', 4.25, 3, 5.5, 50000.20, 40000.00, 60000.00, 45000.00),"
                + " (" + LA + ", 'Other Care', '2026/27', 'home_care', 20, 16, 24, 300000.00, 240000.00, 360000.00, 250000.00)"
                + " as t(la_code, service_area, financial_year, setting, c, cl, ch, g, gl, gh, n)");
        record(spark, output, "refresh_variance", "2025Q3", "2025-09-30", "select la_code, service_area, financial_year,"
                + " '2025Q2' as previous_refresh_id, cast(14 as decimal(28,4)) as previous_clients,"
                + " cast(14.75 as decimal(28,4)) as projected_clients, cast(140000.00 as decimal(18,2)) as previous_gross_cost,"
                + " cast(150000.30 as decimal(18,2)) as gross_cost, cast(10000.30 as decimal(18,2)) as change,"
                + " cast(2500.00 as decimal(18,2)) as population,"
                + " cast(5000.00 as decimal(18,2)) as volume, cast(1500.30 as decimal(18,2)) as unit_cost,"
                + " cast(1000.00 as decimal(18,2)) as assumptions, cast(600000.00 as decimal(18,2)) as previous_growth,"
                + " cast(650000.00 as decimal(18,2)) as growth, cast(50000.00 as decimal(18,2)) as growth_change,"
                + " cast(30000.00 as decimal(18,2)) as growth_demand, cast(20000.00 as decimal(18,2)) as scenarios"
                + " from values (" + LA + ", 'Learning Disability', '2026/27') as t(la_code, service_area, financial_year)");
        record(spark, output, "transitions_projection", "2025Q3", "2025-09-30", "select la_code, client_group,"
                + " service_area, setting, financial_year, cast(n as decimal(18,4)) as new_clients,"
                + " cast(c as decimal(18,4)) as cumulative_clients, cast(g as decimal(18,2)) as gross_cost from values"
                + " (" + LA + ", 'Learning Disability', 'Learning Disability', 'supported_accommodation', '2026/27', 2.5, 3, 120000.00),"
                + " (" + LA + ", 'Learning Disability', 'Learning Disability', 'residential', '2026/27', 1, 1, 80000.00)"
                + " as t(la_code, client_group, service_area, setting, financial_year, n, c, g)");
        record(spark, output, "demand_snapshot", "2025Q3", "2025-09-30", SNAPSHOT);
        record(spark, output, "demand_projection", "2025Q3", "2025-09-30", "select setting, financial_year,"
                + " cast(c as decimal(18,4)) as projected_clients, cast(l as decimal(18,4)) as projected_clients_low,"
                + " cast(h as decimal(18,4)) as projected_clients_high from values"
                + " ('home_care', '2025/26', 112, 100, 124), ('home_care', '2026/27', 115, 103, 127),"
                + " ('residential', '2025/26', 43, 37, 49), ('residential', '2026/27', 44, 38, 50)"
                + " as t(setting, financial_year, c, l, h)");
        record(spark, output, "cost_assumptions", "2025Q3", "2025-09-30", "select financial_year, setting,"
                + " cast(p as decimal(8,4)) as price_uplift_pct, cast(r as decimal(18,2)) as nlw_rate,"
                + " cast(u as decimal(8,4)) as nlw_uplift_pct, cast(s as decimal(6,4)) as labour_share from values"
                + " ('2026/27', 'home_care', 2, 12.71, 4.095, 0.75) as t(financial_year, setting, p, r, u, s)");
        // Written last, but as at an earlier date: not the default.
        record(spark, output, "budget_mtfs", "2025Q2", "2025-06-30", "select " + LA + " as la_code,"
                + " 'Learning Disability' as service_area, '2026/27' as financial_year,"
                + " cast(0 as decimal(18,2)) as prior_year_budget, cast(0 as decimal(18,2)) as transfers,"
                + " cast(999.99 as decimal(18,2)) as growth, cast(0 as decimal(18,2)) as savings,"
                + " cast(0 as decimal(18,2)) as other_pressures, cast(999.99 as decimal(18,2)) as net_budget,"
                + " 'do_nothing' as scenario");

        result = ExportJob.run(spark, new ExportConfig("export", null, null, output, null, null), CLOCK,
                new PrintStream(new ByteArrayOutputStream(), true));
        try (var in = Files.newInputStream(result.workbook())) {
            book = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    static void close(SparkSession spark) throws Exception {
        if (book != null) {
            book.close();
        }
    }

    static final String SNAPSHOT = "select cast(d as date) as snapshot_date, " + LA + " as la_code, setting,"
            + " cast(c as bigint) as clients from values"
            + " ('2024-03-31', 'home_care', 100), ('2025-03-31', 'home_care', 110), ('2025-09-30', 'home_care', 999),"
            + " ('2024-03-31', 'residential', 25), ('2024-03-31', 'residential', 15), ('2025-03-31', 'residential', 42)"
            + " as t(d, setting, c)";

    @Test
    void exportsTheLatestAsAtDateToTheDefaultWorkbookWithOneSheetPerTable() {
        assertEquals("2025Q3", result.refresh().id());
        assertEquals(dir.resolve("output/exports/carecast-2025Q3.xlsx"), result.workbook());
        List<String> names = new ArrayList<>();
        book.forEach(s -> names.add(s.getSheetName()));
        assertEquals(List.of("Notes", "MTFS", "Growth", "Cost projection", "Refresh variance", "Transitions"), names);
    }

    @Test
    void mtfsSheetHasAFrozenHeaderAnAutofilterAndPoundsCellsThatKeepThePence() {
        XSSFSheet mtfs = book.getSheet("MTFS");
        assertTrue(mtfs.getPaneInformation().isFreezePane());
        assertEquals(1, mtfs.getPaneInformation().getHorizontalSplitTopRow());
        // Header, two areas and a total for 2026/27, the same for 2027/28: rows 1-7, columns A-I.
        assertEquals("A1:I7", mtfs.getCTWorksheet().getAutoFilter().getRef());
        assertEquals(List.of("Council", "Financial year", "Service area", "Prior year budget", "Transfers", "Growth",
                "Savings", "Other pressures", "Net budget"), texts(mtfs.getRow(0)));
        Cell growth = mtfs.getRow(1).getCell(5);
        assertEquals(CellType.NUMERIC, growth.getCellType());
        assertEquals(0, new BigDecimal("50000.50").compareTo(BigDecimal.valueOf(growth.getNumericCellValue())));
        assertEquals("£#,##0;[Red]-£#,##0", growth.getCellStyle().getDataFormatString());
        // "Learning Disability" is the longest service area: 19 characters and a margin of 2.
        assertEquals(21 * 256, mtfs.getColumnWidth(2));
        // Net budget leaves room for any total: |1,030,000.50| + ... + |2,140,000.35| = 6,335,001.60 shows as
        // "-£6,335,002", 11 characters and 3 for bold, more than the header's 10 + 3 or a row's 10 + 2.
        assertEquals(14 * 256, mtfs.getColumnWidth(8));
    }

    @Test
    void eachYearOfTheMtfsEndsInATotalRowThatTies() {
        Sheet mtfs = book.getSheet("MTFS");
        Row total2026 = mtfs.getRow(3);
        assertEquals(List.of("E08000003", "2026/27", "Total"), texts(total2026).subList(0, 3));
        Cell prior = total2026.getCell(3);
        assertEquals("SUM(D2:D3)", prior.getCellFormula());
        // 1,000,000.00 + 2,000,000.00 = 3,000,000.00
        assertMoney("3000000.00", prior);
        // growth 50,000.50 + 80,000.25 = 130,000.75; net 1,030,000.50 + 2,095,000.25 = 3,125,000.75
        assertMoney("130000.75", total2026.getCell(5));
        assertMoney("3125000.75", total2026.getCell(8));
        Row total2027 = mtfs.getRow(6);
        assertEquals("SUM(I5:I6)", total2027.getCell(8).getCellFormula());
        // net 1,070,000.50 + 2,140,000.35 = 3,210,000.85; savings 0.00 + 15,000.00 = 15,000.00
        assertMoney("3210000.85", total2027.getCell(8));
        assertMoney("15000.00", total2027.getCell(6));
    }

    @Test
    void growthSheetPutsTheDriversSideBySideAndItsTotalTiesToTheMtfsGrowth() {
        Sheet growth = book.getSheet("Growth");
        assertEquals(List.of("Council", "Scenario", "Financial year", "Service area", "Demography", "Trend", "NLW",
                "Price", "Transitions", "Scenario effect", "Total growth"), texts(growth.getRow(0)));
        // better_outcomes 2026/27 LD, its total; do_nothing 2026/27 LD, Other Care, total; 2027/28 LD, total.
        assertEquals(List.of("better_outcomes", "2026/27", "Learning Disability"), texts(growth.getRow(1)).subList(1, 4));
        // 30,000.00 + 15,000.50 + 5,000.00 - 2,000.00 = 48,000.50
        assertMoney("-2000.00", growth.getRow(1).getCell(9));
        assertMoney("48000.50", growth.getRow(1).getCell(10));
        Row doNothing2026 = growth.getRow(5);
        assertEquals(List.of("do_nothing", "2026/27", "Total"), texts(doNothing2026).subList(1, 4));
        // demography 30,000.00 + 50,000.00 = 80,000.00; nlw 15,000.50 + 20,000.25 = 35,000.75
        assertMoney("80000.00", doNothing2026.getCell(4));
        assertMoney("35000.75", doNothing2026.getCell(6));
        // 50,000.50 + 80,000.25 = 130,000.75, the MTFS's growth for 2026/27; do-nothing has no scenario effect.
        assertMoney("130000.75", doNothing2026.getCell(10));
        assertMoney("0.00", doNothing2026.getCell(9));
    }

    @Test
    void costProjectionIsSummedPerServiceAreaAndYear() {
        Sheet cost = book.getSheet("Cost projection");
        Row learningDisability = cost.getRow(1);
        assertEquals("Learning Disability", learningDisability.getCell(2).getStringCellValue());
        // Two cells: clients 10.5 + 4.25 = 14.75, low 8 + 3 = 11, gross 100,000.10 + 50,000.20 = 150,000.30
        assertEquals(14.75, learningDisability.getCell(3).getNumericCellValue());
        assertEquals("#,##0.0", learningDisability.getCell(3).getCellStyle().getDataFormatString());
        assertEquals(11.0, learningDisability.getCell(4).getNumericCellValue());
        assertMoney("150000.30", learningDisability.getCell(6));
        Row total = cost.getRow(3);
        // clients 14.75 + 20 = 34.75; gross 150,000.30 + 300,000.00 = 450,000.30; net 135,000.05 + 250,000.00
        assertEquals(34.75, total.getCell(3).getNumericCellValue());
        assertMoney("450000.30", total.getCell(6));
        assertMoney("385000.05", total.getCell(9));
        assertEquals(4, cost.getLastRowNum() + 1);
    }

    @Test
    void varianceAndTransitionsSheetsHoldTheirRowsAndTotals() {
        Sheet variance = book.getSheet("Refresh variance");
        assertEquals("2025Q2", variance.getRow(1).getCell(3).getStringCellValue());
        // change 10,000.30 = population 2,500.00 + volume 5,000.00 + unit cost 1,500.30 + assumptions 1,000.00,
        // growth change 50,000.00 = demand 30,000.00 + scenarios 20,000.00; one row totals to itself.
        assertMoney("10000.30", variance.getRow(2).getCell(8));
        assertMoney("2500.00", variance.getRow(2).getCell(9));
        assertMoney("20000.00", variance.getRow(2).getCell(17));
        Sheet transitions = book.getSheet("Transitions");
        // new 2.5 + 1 = 3.5, cumulative 3 + 1 = 4, gross 120,000.00 + 80,000.00 = 200,000.00
        assertEquals(List.of(3.5, 4.0), List.of(transitions.getRow(1).getCell(3).getNumericCellValue(),
                transitions.getRow(1).getCell(4).getNumericCellValue()));
        assertMoney("200000.00", transitions.getRow(1).getCell(5));
        assertEquals(3, transitions.getLastRowNum() + 1);
    }

    @Test
    void notesSayWhichRefreshWhenAndWhatTheAssumptionsWere() {
        Sheet notes = book.getSheet("Notes");
        Map<String, String> facts = new java.util.HashMap<>();
        List<String> firstColumn = new ArrayList<>();
        for (Row row : notes) {
            Cell label = row.getCell(0);
            Cell text = row.getCell(1);
            if (label != null && label.getCellType() == CellType.STRING) {
                firstColumn.add(label.getStringCellValue());
                if (text != null && text.getCellType() == CellType.STRING) {
                    facts.putIfAbsent(label.getStringCellValue(), text.getStringCellValue());
                }
            }
        }
        assertEquals("2025Q3", facts.get("Refresh"));
        assertEquals("2025-09-30", facts.get("As-at date"));
        assertEquals("2026-11-23T10:15:30Z", facts.get("Exported"));
        assertTrue(facts.get("Compared with").contains("2025Q2"), facts.get("Compared with"));
        assertTrue(facts.get("Refreshes in the history").startsWith("2025Q2 (as at 2025-06-30), 2025Q3"));
        assertTrue(facts.get("MTFS").startsWith("budget_mtfs:"), facts.get("MTFS"));
        assertTrue(firstColumn.contains(ExportJob.CLIENTS_CHART));
        // The cost assumptions table: its header, then the one row.
        Row assumption = notes.getRow(rowOf(notes, "Financial year") + 1);
        assertEquals("home_care", assumption.getCell(1).getStringCellValue());
        assertEquals(12.71, assumption.getCell(3).getNumericCellValue());
    }

    @Test
    void chartsArePngsOfTheirSizeBesideTheWorkbook() throws Exception {
        Path folder = dir.resolve("output/exports/carecast-2025Q3");
        assertEquals(List.of(folder.resolve("clients-by-setting.png"), folder.resolve("growth-by-driver-2026-27.png")),
                result.charts());
        BufferedImage clients = ImageIO.read(result.charts().get(0).toFile());
        // Two settings fill one row of three panels: 70 header + 340.
        assertEquals(List.of(1500, 410), List.of(clients.getWidth(), clients.getHeight()));
        BufferedImage waterfall = ImageIO.read(result.charts().get(1).toFile());
        assertEquals(List.of(1000, 600), List.of(waterfall.getWidth(), waterfall.getHeight()));
    }

    @Test
    void yearEndClientsAreThe31MarchSnapshotsDatedByTheYearTheyClose(SparkSession spark) {
        // 31 March 2024 closes 2023/24; the 30 September 2025 snapshot is no year end; residential 25 + 15 = 40.
        assertEquals(List.of("home_care|2023|100", "home_care|2024|110", "residential|2023|40", "residential|2024|42"),
                Frames.rows(Summaries.yearEndClients(spark.sql(SNAPSHOT)), "setting", "fy_start", "clients"));
    }

    @Test
    void anEarlierRefreshCanBeAskedForAndAnUnknownOneIsNamed(SparkSession spark) throws Exception {
        String output = dir.resolve("output").toString();
        Path other = dir.resolve("june/mtfs.xlsx");
        ExportJob.Result june = ExportJob.run(spark, new ExportConfig("export", null, null, output, "2025Q2",
                other.toString()), CLOCK, new PrintStream(new ByteArrayOutputStream(), true));
        assertEquals(other, june.workbook());
        try (Workbook workbook = new XSSFWorkbook(Files.newInputStream(other))) {
            assertMoney("999.99", workbook.getSheet("MTFS").getRow(1).getCell(8));
        }
        // 2025Q2 recorded no growth: no waterfall, only the clients chart in june/mtfs/.
        assertEquals(List.of(dir.resolve("june/mtfs/clients-by-setting.png")), june.charts());

        var e = assertThrows(ConfigException.class, () -> ExportJob.run(spark, new ExportConfig("export", null, null,
                output, "2024Q4", null), CLOCK, System.out));
        assertTrue(e.getMessage().contains("[2025Q2, 2025Q3]"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("output/exports/carecast-2024Q4.xlsx")));
    }

    private static int rowOf(Sheet sheet, String firstCell) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(firstCell)) {
                return row.getRowNum();
            }
        }
        return -1;
    }

    /**
     * A money cell holds exactly these pence (as the nearest double, which prints back as them);
     * a totals cell's formula, evaluated, agrees with its cached BigDecimal total to the penny.
     */
    private static void assertMoney(String expected, Cell cell) {
        assertEquals(0, new BigDecimal(expected).compareTo(BigDecimal.valueOf(cell.getNumericCellValue())),
                "cell " + cell.getAddress() + " holds " + cell.getNumericCellValue() + ", not " + expected);
        if (cell.getCellType() == CellType.FORMULA) {
            double evaluated = cell.getSheet().getWorkbook().getCreationHelper().createFormulaEvaluator()
                    .evaluate(cell).getNumberValue();
            assertEquals(new BigDecimal(expected).doubleValue(), evaluated, 0.005, "formula of " + cell.getAddress());
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : ""));
        return texts;
    }

    private static void record(SparkSession spark, String output, String table, String refreshId, String asAt,
            String query) {
        spark.sql(query).withColumn(RefreshHistory.REFRESH_ID, lit(refreshId))
                .withColumn(RefreshHistory.AS_AT_DATE, lit(Date.valueOf(asAt)))
                .write().format("delta").mode("append").partitionBy(RefreshHistory.REFRESH_ID)
                .save(new RefreshHistory(spark, output).path(table));
    }
}

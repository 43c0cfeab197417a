package uk.carecast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.Frames;
import uk.carecast.support.Inputs;
import uk.carecast.support.SparkTest;

@SparkTest
class ValidationTest {

    static final String PLACEMENTS_HEADER = "placement_id,person_id,setting,provider_type,start_date,end_date,unit_cost,"
            + "cost_frequency,units_per_week,funding_source,client_contribution_weekly";
    static final String USERS_HEADER = "person_id,birth_year,birth_month,sex,ethnicity,la_code,primary_support_reason,"
            + "date_of_death";
    static final LocalDate LATEST_SNAPSHOT = LocalDate.parse("2025-09-30");
    static final BigDecimal WEEKLY_COST_CEILING = new BigDecimal("25000");

    @Test
    void readsAMessyExport(SparkSession spark, @TempDir Path dir) throws IOException {
        // A byte-order mark, CRLF line ends, a quoted field with a comma and a line break, a blank line,
        // padded values, money as £1,234.50, a UK date, categories in any case, an extra column.
        String text = "\uFEFF" + PLACEMENTS_HEADER + ",notes\r\n"
                + "L1,P1, Home Care ,External,05/01/2024,,\"£1,234.50\",Weekly,,LA,,\"call first, then\r\nvisit\"\r\n"
                + "\r\n"
                + "L2,P2,supported accommodation,in house,2023-04-01,31/03/2025,4000,four weekly,,Joint,12.5,\r\n";
        Path file = dir.resolve("placements.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        RawInput raw = Inputs.raw(spark, dir.resolve("scratch"), file.toString(), Contracts.PLACEMENTS);
        assertEquals(List.of("notes"), raw.unknownColumns());
        assertEquals("UTF-8", raw.encoding());
        var typed = TableValidator.columnRules(raw, "detect");

        // Row numbers as a spreadsheet shows them: header 1, L1 2 (its line break stays inside), blank 3, L2 4.
        assertEquals(List.of(
                        "2|L1|home_care|external|2024-01-05|null|1234.50|weekly|la|null|0",
                        "4|L2|supported_accommodation|in_house|2023-04-01|2025-03-31|4000.00|four_weekly|joint|12.50|0"),
                Frames.rows(typed, "_row", "placement_id", "setting", "provider_type", "start_date", "end_date",
                        "unit_cost", "cost_frequency", "funding_source", "client_contribution_weekly", "size(_problems)"));
    }

    @Test
    void readsWindows1252AndCanBeToldTheDateFormat(SparkSession spark, @TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((PLACEMENTS_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
        bytes.write("L1,P1,nursing,external,05/01/2024,,".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xA3); // "£" in Windows-1252, not valid UTF-8 on its own
        bytes.write("950.00,weekly,,la,\n".getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve("placements.csv");
        Files.write(file, bytes.toByteArray());
        RawInput raw = Inputs.raw(spark, dir.resolve("scratch"), file.toString(), Contracts.PLACEMENTS);
        assertEquals("windows-1252", raw.encoding());

        assertEquals(List.of("2024-01-05|950.00|0"), Frames.rows(TableValidator.columnRules(raw, "uk"), "start_date",
                "unit_cost", "size(_problems)"));
        // Told the file is ISO, 05/01/2024 is a wrong value, never read month-first.
        assertEquals(List.of("null|[start_date,wrong type,05/01/2024,error]"), Frames.rows(
                TableValidator.columnRules(raw, "iso"), "start_date", "_problems[0]"));
    }

    @Test
    void badTransitionsRowsAreRejectedWithTheirRules(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("transitions.csv");
        Files.writeString(file, """
                person_id,birth_year,birth_month,sex,la_code,primary_support_reason,expected_setting,expected_weekly_cost,likelihood
                CHILD-1,2008,3,Male,E08000003,Learning Disability Support,Supported Accommodation,"£1,400.00",0.5
                CHILD-2,2007,9,Female,E08000003,Learning Disability Support,residential,2500,
                CHILD-3,2010,6,Female,E08000003,Mental Health Support,home_care,400,1.5
                CHILD-4,2010,12,Male,E08000003,Mental Health Support,hospital,400,0.9
                CHILD-5,2011,9,Male,E08000003,Learning Disability Support,residential,-10,0.9
                CHILD-6,2012,1,Male,E08000003,Learning Disability Support,residential,1800,0.9
                """);
        var checked = Inputs.checked(spark, dir.resolve("s"), file.toString(), Contracts.TRANSITIONS)
                .transform(t -> TableValidator.transitions(t, LATEST_SNAPSHOT, WEEKLY_COST_CEILING));

        // Row 2 passes (its person pseudonymised on read, money and category spellings canonical). Row 3 turned
        // 18 on 1 September 2025, before the snapshot: an adult already. Row 4's likelihood is over 1. Row 5's
        // setting is not one. Row 6's cost is negative. Row 7 (born January 2012) is 13 on 30 September 2025: a warning, kept, costed
        // from 1 January 2030.
        assertEquals(List.of(
                        "2|supported_accommodation|1400.00|0.5000|",
                        "3|residential|2500.00|null|birth_year,18 or over on the latest snapshot,aged 18 on 2025-09-30,error",
                        "4|home_care|400.00|1.5000|likelihood,out of range,1.5000,error",
                        "5|null|400.00|0.9000|expected_setting,value not in the allowed list,hospital,error",
                        "6|residential|-10.00|0.9000|expected_weekly_cost,out of range,-10.00,error",
                        "7|residential|1800.00|0.9000|birth_year,under 14 on the latest snapshot (kept),aged 13 on 2025-09-30,warning"),
                Frames.rows(checked, "_row", "expected_setting", "expected_weekly_cost", "likelihood",
                        "concat_ws(';', transform(_problems, p -> concat_ws(',', p.column_name, p.rule, p.value, p.severity)))"));
        assertTrue(checked.collectAsList().stream().allMatch(r -> r.<String>getAs("person_id").matches("[0-9a-f]{64}")),
                "person_id is pseudonymised as it is read, as in service_users");
    }

    @Test
    void aMissingColumnFailsNamingFileAndColumn(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("placements.csv");
        Files.writeString(file, PLACEMENTS_HEADER.replace(",setting", "") + "\nL1,P1,external,2024-01-05,,1,weekly,,la,\n");
        var error = assertThrows(InputException.class,
                () -> Inputs.raw(spark, dir.resolve("scratch"), file.toString(), Contracts.PLACEMENTS));
        assertTrue(error.getMessage().startsWith("placements file " + file + ": required column setting missing"),
                error.getMessage());
    }

    @Test
    void everyRowIsCuratedOrRejectedWithItsRowColumnRuleAndValue(SparkSession spark, @TempDir Path dir) throws IOException {
        Path users = dir.resolve("service_users.csv");
        Files.writeString(users, USERS_HEADER + "\n"
                + "U1,1950,6,Female,,E08000003,Physical Support: Personal care support,\n"   // 2 fine
                + "U2,1960,13,Male,,E08000003,Mental Health Support,\n"                      // 3 month 13
                + "U3,1970,1,Man,,E08000003,Mental Health Support,\n"                        // 4 sex
                + "U4,1945,2,Female,,Manchester,Support with Memory & Cognition,\n"          // 5 la_code
                + "U5,1980,5,Female,,E08000003,Learning Disability Support,1979-01-01\n"     // 6 died before birth
                + "U6,1955,3,Male,,E08000003,Unknown,\n"                                     // 7 duplicate
                + "U6,1956,3,Male,,E08000003,Unknown,\n"                                     // 8 duplicate
                + "U7,19x0,1,Female,,E08000003,Unknown,\n"                                   // 9 wrong type
                + ",1950,1,Female,,E08000003,Unknown,\n"                                     // 10 no id
                + "U8,1940,1,Female,,E08000003,Unknown,2024-06-30\n"                         // 11 fine, died
                + "U9,2010,6,Male,,E08000003,Learning Disability Support,\n");               // 12 fine, a child
        Path placements = dir.resolve("placements.csv");
        Files.writeString(placements, PLACEMENTS_HEADER + "\n"
                + "L1,U1,home_care,external,2024-01-01,,20,hourly,10,la,\n"                  // 2 fine
                + "L2,U1,home_care,external,2024-01-01,2023-12-31,20,hourly,10,la,\n"        // 3 ends before start
                + "L3,U1,nursing,external,2026-01-01,,900,weekly,,la,\n"                     // 4 after 2025-09-30
                + "L4,U1,nursing,external,2024-01-01,,-900,weekly,,la,\n"                    // 5 negative
                + "L5,U1,home_care,external,2024-01-01,,20,hourly,,la,\n"                    // 6 no hours
                + "L6,U1,day_care,external,2024-01-01,,100,weekly,,la,\n"                    // 7 duplicate
                + "L6,U1,day_care,external,2024-02-01,,100,weekly,,la,\n"                    // 8 duplicate
                + "L7,U404,residential,external,2024-01-01,,800,weekly,,la,\n"               // 9 no such person
                + "L8,U8,residential,external,2024-07-01,,800,weekly,,la,\n"                 // 10 after death
                + "L9,U9,day_care,external,2024-01-01,,100,weekly,,la,\n"                    // 11 aged 13
                + "L10,U1,supported_accommodation,external,2024-01-01,,30000,weekly,,la,\n"  // 12 kept, warned
                + "L11,U2,home_care,external,2024-01-01,,20,hourly,5,la,\n"                  // 13 person rejected
                + "L12,U1,respite,external,2024-01-01,,20,weekly,,la\n"                     // 14 10 fields
                + "L13,U1,home_care,external,2024-01-01,,20,hourly,-10,la,\n");             // 15 negative hours

        var checkedUsers = Inputs.checkedUsers(spark, dir.resolve("s1"), users);
        var checkedPlacements = Inputs.checkedPlacements(spark, dir.resolve("s2"), placements,
                IngestStage.curated(checkedUsers, Contracts.SERVICE_USERS), LATEST_SNAPSHOT, WEEKLY_COST_CEILING);

        String withheld = Problems.WITHHELD;
        assertEquals(List.of(
                        "10|person_id|missing required value|null|error",
                        "3|birth_month|out of range|13|error",
                        "4|sex|value not in the allowed list|Man|error",
                        "5|la_code|la_code not of ONS form (e.g. E08000003)|Manchester|error",
                        "6|date_of_death|death before birth|" + withheld + "|error",
                        "7|person_id|duplicate person_id (every copy rejected)|" + withheld + "|error",
                        "8|person_id|duplicate person_id (every copy rejected)|" + withheld + "|error",
                        "9|birth_year|wrong type|19x0|error"),
                Frames.rows(IngestStage.rejects("run-1", "service_users", users.toString(), checkedUsers),
                        "row", "column_name", "rule", "value", "severity"));
        assertEquals(List.of(
                        "10|start_date|placement starts after death|2024-07-01|error",
                        "11|start_date|under 18 at placement start|2024-01-01|error",
                        "12|unit_cost|implausible weekly cost (kept)|30000.00 weekly = 30000.00 a week|warning",
                        "13|person_id|person not in service_users|" + withheld + "|error",
                        "14|(row)|wrong number of fields|10 fields, the header has 11|error",
                        "15|units_per_week|out of range|-10.00|error",
                        "3|end_date|end date before start date|2023-12-31|error",
                        "4|start_date|start date after the latest snapshot|2026-01-01|error",
                        "5|unit_cost|negative unit cost|-900.00|error",
                        "6|units_per_week|hourly cost without units_per_week|null|error",
                        "7|placement_id|duplicate placement_id (every copy rejected)|L6|error",
                        "8|placement_id|duplicate placement_id (every copy rejected)|L6|error",
                        "9|person_id|person not in service_users|" + withheld + "|error"),
                Frames.rows(IngestStage.rejects("run-1", "placements", placements.toString(), checkedPlacements),
                        "row", "column_name", "rule", "value", "severity"));

        // Users: 11 rows read, rows 3-10 rejected (8), 3 curated. Placements: 14 read, rows 3-11 and 13-15
        // rejected (12), 2 curated (L1 and L10, which carries a warning). Row 14's fields are shifted, so only
        // its field count is reported, not the values that landed in the wrong columns.
        FileCheck usersCheck = IngestStage.check("service_users", users.toString(), "UTF-8", checkedUsers);
        FileCheck placementsCheck = IngestStage.check("placements", placements.toString(), "UTF-8", checkedPlacements);
        assertEquals(List.of(11L, 3L, 8L, 0L), List.of(usersCheck.rowsRead(), usersCheck.rowsCurated(),
                usersCheck.rowsRejected(), usersCheck.rowsWarned()));
        assertEquals(List.of(14L, 2L, 12L, 1L), List.of(placementsCheck.rowsRead(), placementsCheck.rowsCurated(),
                placementsCheck.rowsRejected(), placementsCheck.rowsWarned()));
        assertEquals(2L, placementsCheck.problemsByRule().get("error: person_id: person not in service_users"));
        assertEquals(List.of("L1", "L10"), Frames.rows(IngestStage.curated(checkedPlacements, Contracts.PLACEMENTS),
                "placement_id"));
    }

    @Test
    void aPlacementBreakingSeveralPersonRulesHasEachOfThemInOrder(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path users = dir.resolve("service_users.csv");
        Files.writeString(users, USERS_HEADER + "\n"
                + "C1,2010,6,Female,,E08000003,Learning Disability Support,2020-01-31\n"     // a child who died
                + "A1,1950,6,Male,,E08000003,Mental Health Support,\n");                      // an adult
        Path placements = dir.resolve("placements.csv");
        Files.writeString(placements, PLACEMENTS_HEADER + "\n"
                + "L1,C1,day_care,external,2021-01-01,,100,weekly,,la,\n"   // 2: after death and aged 10
                + "L2,C1,day_care,external,2015-01-01,,100,weekly,,la,\n"   // 3: aged 4 only
                + "L3,X9,day_care,external,2021-01-01,,100,weekly,,la,\n"   // 4: nobody's
                + "L4,C1,day_care,external,2021-01-01,,100,weekly,,la\n"    // 5: 10 fields, so no person rule
                + "L5,A1,day_care,external,2021-01-01,,100,weekly,,la,\n"); // 6: fine
        var checked = Inputs.checkedPlacements(spark, dir.resolve("s2"), placements,
                IngestStage.curated(Inputs.checkedUsers(spark, dir.resolve("s1"), users), Contracts.SERVICE_USERS),
                LATEST_SNAPSHOT, WEEKLY_COST_CEILING);

        // Row 2 breaks two person rules at once: born June 2010, died January 2020, placed January 2021 (aged
        // 10), so it has both problems, after death first (pos 0) as the rules are listed. Row 5 is the same
        // placement with a field short (no client_contribution_weekly): its values cannot be trusted, so only
        // the field count is reported, not the two person rules its start date would break.
        assertEquals(List.of(
                        "2|0|start_date|placement starts after death|2021-01-01",
                        "2|1|start_date|under 18 at placement start|2021-01-01",
                        "3|0|start_date|under 18 at placement start|2015-01-01",
                        "4|0|person_id|person not in service_users|" + Problems.WITHHELD,
                        "5|0|(row)|wrong number of fields|10 fields, the header has 11"),
                Frames.rows(checked.select(col(CsvExport.ROW).as("row"),
                                posexplode(col(Problems.COLUMN)).as(new String[] {"pos", "p"})),
                        "row", "pos", "p.column_name", "p.rule", "p.value"));
        assertEquals(List.of("L5"), Frames.rows(IngestStage.curated(checked, Contracts.PLACEMENTS), "placement_id"));
    }

    @Test
    void aShiftedRowReportsOnlyItsFieldCountSoNoPersonalValueLeaks(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path users = dir.resolve("service_users.csv");
        // An unquoted comma in the name shifts every later field one column to the right.
        Files.writeString(users, "person_id,name,postcode," + USERS_HEADER.substring("person_id,".length()) + "\n"
                + "U1,Smith, Ada,M1 1AA,1950,6,Female,,E08000003,Unknown,\n");
        var checked = Inputs.checkedUsers(spark, dir.resolve("s"), users);
        assertEquals(List.of("2|(row)|wrong number of fields|11 fields, the header has 10"),
                Frames.rows(IngestStage.rejects("r", "service_users", users.toString(), checked), "row", "column_name",
                        "rule", "value"));
    }

    @Test
    void aValueOverSeveralLinesIsRejectedNamingTheLinesSoNoJoinedRowPassesUnseen(SparkSession spark,
            @TempDir Path dir) throws IOException {
        Path users = dir.resolve("service_users.csv");
        // Row 2 (lines 2-3) breaks a line inside its quoted ethnicity. Row 3: line 4 opens a quote that the
        // quote on line 6 closes, so U3 and U4 become U2's ethnicity and the record still has 8 fields: without
        // the rule, U3 and U4 would vanish unseen. Row 4 (line 7) is fine. Row 5 (lines 8-9) has 9 fields:
        // 4, "Asian\nx", y, then 3 more. Row 6 (line 10) is fine.
        Files.writeString(users, USERS_HEADER + "\n"
                + "U1,1950,6,Female,\"White\nBritish\",E08000003,Unknown,\n"
                + "U2,1951,7,Male,\"Asian,E08000003,Unknown,\n"
                + "U3,1952,8,Male,,E08000003,Unknown,\n"
                + "U4,1953,9,Male,\",E08000003,Unknown,\n"
                + "U5,1954,10,Male,,E08000003,Unknown,\n"
                + "U6,1955,11,Male,\"Asian\nx\",y,E08000003,Unknown,\n"
                + "U7,1956,12,Male,,E08000003,Unknown,\n");
        var checked = Inputs.checkedUsers(spark, dir.resolve("s"), users);
        String lineBreak = "|ethnicity|line break inside a value (a stray quote joins rows)|lines ";
        assertEquals(List.of("2" + lineBreak + "2 to 3 of the file", "3" + lineBreak + "4 to 6 of the file",
                        "5|(row)|wrong number of fields|9 fields, the header has 8; its quotes run over lines 8 to 9"
                                + " of the file, so a stray quote may have joined rows"),
                Frames.rows(IngestStage.rejects("r", "service_users", users.toString(), checked), "row", "column_name",
                        "rule", "value"));
        assertEquals(List.of("4", "6"), Frames.rows(checked.filter("size(_problems) = 0"), "_row"));
    }

    @Test
    void aFileOverTheRejectedShareFailsTheRunNamingItsRules() {
        var fine = new FileCheck("service_users", "u.csv", "UTF-8", 100, 98, 2, 0, Map.of("error: sex: x", 2L));
        var over = new FileCheck("placements", "p.csv", "UTF-8", 200, 195, 5, 1,
                Map.of("error: setting: value not in the allowed list", 4L, "error: unit_cost: wrong type", 1L,
                        "warning: unit_cost: implausible weekly cost (kept)", 1L));
        // 2 of 100 is exactly the 2% limit and passes; 5 of 200 is 2.5% and fails.
        var error = assertThrows(InputException.class,
                () -> IngestStage.failOverThreshold(List.of(fine, over), new BigDecimal("0.02")));
        assertEquals("too many rejected rows, nothing was published: placements file p.csv: 5 of 200 rows rejected "
                + "(2.5%, limit 2.0%); 4 x setting: value not in the allowed list; 1 x unit_cost: wrong type",
                error.getMessage());
    }
}

package uk.carecast.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.faults.FuzzOutcome.Kind;
import uk.carecast.ingest.InputException;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

/**
 * A few fuzz cases through the same runner as {@code jobs/run fuzz}, in the shared session: some built
 * here with their outcome worked out by hand, some generated with the command's default seed.
 */
@SparkTest
class FuzzCasesTest {

    private static final SampleSlice SLICE = SampleSlice.of(FuzzCommand.SAMPLE, FuzzCommand.PEOPLE,
            FuzzCommand.YOUNG_PEOPLE);

    @Test
    void handBuiltAndGeneratedCasesEndAccountedOrInOneClearError(SparkSession spark, @TempDir Path dir) {
        FuzzCases cases = new FuzzCases(SLICE, FuzzCommand.DEFAULT_SEED);
        FuzzRun runner = new FuzzRun(spark, dir, FuzzCommand.JOB_FILE, cases);
        List<FuzzOutcome> outcomes = new ArrayList<>();

        // budgets.csv's last row (row 14) cut after its third field: "E08000003,Localities,2026/27".
        List<String> budgets = new ArrayList<>(SLICE.of("budgets"));
        assertEquals(14, budgets.size());
        budgets.set(13, "E08000003,Localities,2026/27");
        FuzzOutcome truncated = runner.run(new FuzzCase(101, FuzzCases.TRUNCATED_FILE, "budgets", "last row cut",
                text(budgets, "\n", "")));
        outcomes.add(truncated);
        // 13 rows read; row 14 has 3 fields of the header's 7, so it is rejected for that alone; 12 curated.
        assertEquals(Kind.ACCOUNTED, truncated.kind(), truncated.detail());
        assertEquals("budgets: 13 read = 12 curated + 1 rejected (error: (row): wrong number of fields x 1)",
                truncated.detail());
        assertEquals(List.of("budgets|14|(row)|wrong number of fields|3 fields, the header has 7"),
                Frames.rows(spark.read().parquet(runner.output() + "/rejects").filter("table_name = 'budgets'"),
                        "table_name", "row", "column_name", "rule", "value"));

        // placements with semicolons: the header is one field, so every column the contract needs is missing.
        List<String> placements = SLICE.of("placements").stream().map(l -> l.replace(',', ';')).toList();
        FuzzOutcome semicolons = runner.run(new FuzzCase(102, FuzzCases.WRONG_DELIMITER, "placements", "semicolons",
                FuzzCases.gzip(text(placements, "\n", "\n"))));
        outcomes.add(semicolons);
        assertEquals(Kind.CLEAR_ERROR, semicolons.kind(), semicolons.detail());
        assertEquals("placements file " + dir.resolve("case-102/placements.csv.gz") + ": required columns placement_id, "
                + "person_id, setting, provider_type, start_date, end_date, unit_cost, cost_frequency, units_per_week, "
                + "funding_source, client_contribution_weekly missing from the header (the first line, 1 fields)",
                semicolons.detail());

        // service_users.csv.gz without the gzip trailer's last 8 bytes.
        byte[] users = cases.clean("service_users");
        FuzzOutcome cut = runner.run(new FuzzCase(103, FuzzCases.DAMAGED_GZIP, "service_users", "trailer cut",
                Arrays.copyOf(users, users.length - 8)));
        outcomes.add(cut);
        assertEquals(Kind.CLEAR_ERROR, cut.kind(), cut.detail());
        assertTrue(cut.detail().startsWith("service_users file " + dir.resolve("case-103/service_users.csv.gz")
                + ": the compressed file cannot be read"), cut.detail());

        // A transitions row whose likelihood is 1,000,001 digits: that row (2) rejected, 39 of 40 curated.
        List<String> transitions = new ArrayList<>(SLICE.of("transitions"));
        transitions.set(1, transitions.get(1).replaceFirst(",[^,]*$", ",1" + "0".repeat(1_000_000)));
        FuzzOutcome huge = runner.run(new FuzzCase(104, FuzzCases.HUGE_FIELD, "transitions", "likelihood",
                text(transitions, "\n", "\n")));
        outcomes.add(huge);
        assertEquals(Kind.ACCOUNTED, huge.kind(), huge.detail());
        assertEquals("transitions: 40 read = 39 curated + 1 rejected (error: likelihood: field over 1,000,000 characters x 1)",
                huge.detail());

        // Generated: wrong delimiter, empty file, damaged gzip and UTF-16 (cases 7, 10, 16, 17 end in one error
        // each) and a truncated file and fields too many or too few (cases 2 and 15 are accounted).
        for (int n : new int[] {2, 7, 10, 15, 16, 17}) {
            outcomes.add(runner.run(cases.make(n)));
        }
        assertEquals(List.of(), outcomes.stream().filter(o -> o.kind() == Kind.UNHANDLED).map(FuzzOutcome::line).toList());
        assertEquals(List.of(Kind.ACCOUNTED, Kind.CLEAR_ERROR, Kind.CLEAR_ERROR, Kind.ACCOUNTED, Kind.CLEAR_ERROR,
                Kind.CLEAR_ERROR), outcomes.subList(4, 10).stream().map(FuzzOutcome::kind).toList());
    }

    @Test
    void aCaseIsTheSameBytesWhateverElseIsGenerated() {
        FuzzCase alone = new FuzzCases(SLICE, 7).make(41);
        FuzzCase amongOthers = new FuzzCases(SLICE, 7).first(41).get(40);

        assertArrayEquals(alone.content(), amongOthers.content());
        // Kinds go round in order: case 41 is the (41 - 1) % 17 = 6th, counting from 0: "wrong delimiter".
        assertEquals(FuzzCases.WRONG_DELIMITER, alone.kind());
        assertEquals(alone.detail(), amongOthers.detail());
    }

    @Test
    void rowsAreRecordsWithAValueAfterTheHeader() {
        // header; "A,1"; a blank line and ",," hold nothing; a quoted line break stays in its row; "B" has no line end.
        assertEquals(OptionalLong.of(3), CsvRows.count(bytes("h,i\nA,1\n\n,,\n\"x\ny\",2\r\nB"), false));
        // A quote never closed: "B", the line break and "C" are one row with A's, so two rows.
        assertEquals(OptionalLong.of(2), CsvRows.count(bytes("h\nA\n\"B\nC\n"), false));
        // A quote inside a value is a character of it, not the start of a quoted field: three rows.
        assertEquals(OptionalLong.of(3), CsvRows.count(bytes("h\nA\"B\nC\r D\n"), false));
        assertEquals(OptionalLong.empty(), CsvRows.count(new byte[0], false));
        assertEquals(OptionalLong.empty(), CsvRows.count(bytes("not gzip"), true));
    }

    @Test
    void onlyAUserErrorNamingTheFileInOneLineIsClear() {
        String file = "target/fuzz/case-1/budgets.csv";

        assertNull(FuzzRun.notUserFacing(new InputException("budgets file " + file + ": the file is empty"), file));
        assertEquals("the message does not name the file " + file + ": too many rejected rows",
                FuzzRun.notUserFacing(new InputException("too many rejected rows"), file));
        assertEquals("an internal error: java.lang.IllegalStateException: 3 rows read",
                FuzzRun.notUserFacing(new IllegalStateException("3 rows read\n\tat somewhere"), file));
        assertEquals("a message holding a trace or a class name: budgets file " + file + ": java.io.EOFException",
                FuzzRun.notUserFacing(new InputException("budgets file " + file + ": java.io.EOFException"), file));
    }

    private static byte[] text(List<String> lines, String separator, String end) {
        return bytes(String.join(separator, lines) + end);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

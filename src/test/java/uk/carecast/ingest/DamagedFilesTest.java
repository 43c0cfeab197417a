package uk.carecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.Frames;
import uk.carecast.support.Inputs;
import uk.carecast.support.SparkTest;

/** Files the fuzz command found unhandled: a damaged gzip stream, a value of many megabytes. */
@SparkTest
class DamagedFilesTest {

    private static final String BUDGETS_HEADER = "la_code,service_area,financial_year,line_type,line_id,description,amount";

    @Test
    void aGzipFileCutShortFailsNamingTheFileNotWithAnIoError(SparkSession spark, @TempDir Path dir) throws IOException {
        byte[] whole = gzip(ValidationTest.USERS_HEADER + "\n"
                + "U1,1950,6,Female,,E08000003,Physical Support: Personal care support,\n");
        Path file = dir.resolve("service_users.csv.gz");
        // Without its 8-byte trailer (checksum and length) the stream ends before gzip says it does.
        Files.write(file, Arrays.copyOf(whole, whole.length - 8));

        var error = assertThrows(InputException.class,
                () -> Inputs.raw(spark, dir.resolve("scratch"), file.toString(), Contracts.SERVICE_USERS));

        assertTrue(error.getMessage().startsWith("service_users file " + file + ": the compressed file cannot be read"),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("damaged or not compressed as its name says; nothing was read from it"),
                error.getMessage());
    }

    @Test
    void plainTextUnderAGzipNameFailsNamingTheFile(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("service_users.csv.gz");
        Files.writeString(file, ValidationTest.USERS_HEADER + "\n");

        var error = assertThrows(InputException.class,
                () -> Inputs.raw(spark, dir.resolve("scratch"), file.toString(), Contracts.SERVICE_USERS));

        assertTrue(error.getMessage().contains(file + ": the compressed file cannot be read (not a gzip file)"),
                error.getMessage());
    }

    @Test
    void utf16TextFailsNamingTheEncodingAndAByteOrderMarkInsideAValueIsDropped(SparkSession spark, @TempDir Path dir)
            throws IOException {
        Path utf16 = dir.resolve("budgets.csv");
        Files.write(utf16, (BUDGETS_HEADER + "\nE08000003,Localities,2025/26,base,B01,Core,10.00\n")
                .getBytes(StandardCharsets.UTF_16LE));
        var error = assertThrows(InputException.class,
                () -> Inputs.raw(spark, dir.resolve("scratch"), utf16.toString(), Contracts.BUDGETS));
        assertEquals("budgets file " + utf16 + ": the header has NUL bytes between its letters, so the file looks like"
                + " UTF-16 text; save it as UTF-8 (CSV UTF-8 in Excel), or set input_options.budgets.encoding=UTF-16",
                error.getMessage());

        // Two files pasted together: the second's byte-order mark lands at the start of row 3's first value.
        Path pasted = dir.resolve("pasted.csv");
        Files.writeString(pasted, BUDGETS_HEADER + "\n"
                + "E08000003,Localities,2025/26,base,B01,Core,10.00\n"
                + "\uFEFFE08000003,\uFEFFReablement,2025/26,base,B02,Core,20.00\n");
        var checked = Inputs.checked(spark, dir.resolve("scratch2"), pasted.toString(), Contracts.BUDGETS)
                .transform(TableValidator::budgets);
        assertEquals(List.of("B01|E08000003|Localities", "B02|E08000003|Reablement"),
                Frames.rows(IngestStage.curated(checked, Contracts.BUDGETS).orderBy("line_id"), "line_id", "la_code",
                        "service_area"));
    }

    @Test
    void aValueOverAMillionCharactersRejectsItsRowNamingTheColumn(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("budgets.csv");
        // Row 2's description is exactly 1,000,000 characters and is read; row 3's line_id is 1,000,001, one
        // over the limit. 24 MB there made Spark's JSON reader return a row of nulls: no row number, no rule.
        String atLimit = "a".repeat(CsvExport.MAX_FIELD);
        Files.writeString(file, BUDGETS_HEADER + "\n"
                + "E08000003,Localities,2025/26,base,B01," + atLimit + ",10200000.00\n"
                + "E08000003,Reablement,2025/26,base," + atLimit + "b,Core,6900000.00\n"
                + "E08000003,Reablement,2026/27,saving,S01,Core,100.00\n");

        var checked = Inputs.checked(spark, dir.resolve("scratch"), file.toString(), Contracts.BUDGETS)
                .transform(TableValidator::budgets);

        // Only the length is reported: not also "missing required value" for the line_id it did not read.
        assertEquals(List.of("3|line_id|field over 1,000,000 characters|1,000,001 characters|error"),
                Frames.rows(IngestStage.rejects("r", "budgets", file.toString(), checked),
                        "row", "column_name", "rule", "value", "severity"));
        assertEquals(List.of("B01|1000000", "S01|4"), Frames.rows(IngestStage.curated(checked, Contracts.BUDGETS)
                .selectExpr("line_id", "cast(length(description) as string) as length"), "line_id", "length"));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}

package uk.carecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.Frames;
import uk.carecast.support.Inputs;
import uk.carecast.support.SparkTest;

/** An export that changed shape since last quarter, read the way ingest reads it. */
@SparkTest
class SchemaDriftTest {

    static final String HEADER = ValidationTest.PLACEMENTS_HEADER;

    @Test
    void aNewColumnIsIgnoredAndNeverReadPastIngest(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("placements.csv");
        Files.writeString(file, HEADER + ",Carer_Name\nL1,P1,home_care,external,2024-01-05,,20,hourly,10,la,,Jo Bloggs\n");
        RawInput raw = Inputs.raw(spark, dir.resolve("s"), file.toString(), Contracts.PLACEMENTS);
        // Named (lower case, as matched) for ingest's warning line; not among the typed columns.
        assertEquals(List.of("carer_name"), raw.unknownColumns());
        var typed = TableValidator.columnRules(raw, "detect");
        assertEquals(List.of("_row", "placement_id", "person_id", "setting", "provider_type", "start_date", "end_date",
                "unit_cost", "cost_frequency", "units_per_week", "funding_source", "client_contribution_weekly",
                "_problems"), List.of(typed.columns()));
        assertEquals(List.of("L1|0"), Frames.rows(typed, "placement_id", "size(_problems)"));
    }

    @Test
    void aRenamedRequiredColumnFailsNamingTheColumnAndTheFile(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("placements.csv");
        Files.writeString(file, HEADER.replace("unit_cost", "weekly_rate") + "\nL1,P1,home_care,external,2024-01-05,,"
                + "20,hourly,10,la,\n");
        var error = assertThrows(InputException.class,
                () -> Inputs.raw(spark, dir.resolve("s"), file.toString(), Contracts.PLACEMENTS));
        assertEquals("placements file " + file + ": required column unit_cost missing from the header (the first line,"
                + " 11 fields)", error.getMessage());
    }

    @Test
    void aNewCategoryValueIsRejectedPerRowWithItsRule(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("placements.csv");
        Files.writeString(file, HEADER + "\n"
                + "L1,P1,home_care,external,2024-01-05,,20,hourly,10,la,\n"
                + "L2,P1,virtual_care,external,2024-01-05,,20,weekly,,la,\n"
                + "L3,P1,home_care,spot_purchase,2024-01-05,,20,hourly,10,la,\n");
        var checked = Inputs.checked(spark, dir.resolve("s"), file.toString(), Contracts.PLACEMENTS);
        assertEquals(List.of(
                        "3|setting|value not in the allowed list|virtual_care",
                        "4|provider_type|value not in the allowed list|spot_purchase"),
                Frames.rows(IngestStage.rejects("r", "placements", file.toString(), checked), "row", "column_name",
                        "rule", "value"));
    }

    @Test
    void aDateFormatChangeIsNamedPerRow(SparkSession spark, @TempDir Path dir) throws IOException {
        // Last quarter dd/MM/yyyy, which the job file pinned (date_format: uk); this quarter ISO.
        Path iso = dir.resolve("iso.csv");
        Files.writeString(iso, HEADER + "\nL1,P1,home_care,external,2024-01-05,2025-02-28,20,hourly,10,la,\n");
        assertEquals(List.of(
                        "2|end_date|wrong type|2025-02-28",
                        "2|start_date|wrong type|2024-01-05"),
                Frames.rows(IngestStage.rejects("r", "placements", iso.toString(),
                        Inputs.checked(spark, dir.resolve("s1"), iso.toString(), Contracts.PLACEMENTS, "uk")), "row",
                        "column_name", "rule", "value"));

        // This quarter month-first, read with format detection: a day over 12 in second place can only be US.
        // 12/31/2024 and 01/13/2025 say so; 02/01/2025 reads as 2 January (UK), which is why a file with any
        // month-first date fails as a whole once its rejects pass the limit (the run's rejected-share check).
        Path us = dir.resolve("us.csv");
        Files.writeString(us, HEADER + "\n"
                + "L1,P1,home_care,external,12/31/2024,,20,hourly,10,la,\n"
                + "L2,P1,home_care,external,01/13/2025,,20,hourly,10,la,\n"
                + "L3,P1,home_care,external,02/01/2025,,20,hourly,10,la,\n");
        var checked = Inputs.checked(spark, dir.resolve("s2"), us.toString(), Contracts.PLACEMENTS);
        assertEquals(List.of(
                        "2|start_date|US month-first date (not read)|12/31/2024",
                        "3|start_date|US month-first date (not read)|01/13/2025"),
                Frames.rows(IngestStage.rejects("r", "placements", us.toString(), checked), "row", "column_name",
                        "rule", "value"));
        assertEquals(List.of("L3|2025-01-02"), Frames.rows(checked.filter("size(_problems) = 0"), "placement_id",
                "start_date"));
    }
}

package uk.carecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class InputReaderTest {

    static final String HEADER = "placement_id,person_id,setting,provider_type,start_date,end_date,unit_cost,"
            + "cost_frequency,units_per_week,funding_source,client_contribution_weekly\n";

    @Test
    void typesTrimsAndCanonicalisesCategories(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = write(dir, "placements.csv", HEADER
                + "L1,P1, Home Care ,External,2024-01-05,,21.50,HOURLY,10,LA,\n"
                + "L2,P2,supported accommodation,in house,2023-04-01,2025-03-31,4000,four weekly,,Joint,12.5\n");
        var df = new InputReader(spark).read(file.toString(), Contracts.PLACEMENTS);

        assertEquals(Contracts.PLACEMENTS.curatedSchema().simpleString().replace("false", "x"),
                df.schema().simpleString().replace("false", "x"));
        assertEquals(List.of(
                        "L1|home_care|external|2024-01-05|null|21.50|hourly|10.00|la|null",
                        "L2|supported_accommodation|in_house|2023-04-01|2025-03-31|4000.00|four_weekly|null|joint|12.50"),
                Frames.rows(df, "placement_id", "setting", "provider_type", "start_date", "end_date", "unit_cost",
                        "cost_frequency", "units_per_week", "funding_source", "client_contribution_weekly"));
    }

    @Test
    void aMissingColumnFailsNamingFileAndColumn(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = write(dir, "placements.csv", HEADER.replace(",setting", "") + "L1,P1,external,2024-01-05,,1,weekly,,la,\n");
        var error = assertThrows(InputException.class, () -> new InputReader(spark).read(file.toString(), Contracts.PLACEMENTS));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("required column setting missing"), error.getMessage());
    }

    @Test
    void aWrongTypeFailsNamingColumnRuleAndValue(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = write(dir, "placements.csv", HEADER
                + "L1,P1,nursing,external,31/02/2024,,900,weekly,,la,\n"
                + "L2,P2,spa days,external,2024-01-01,,nine hundred,weekly,,la,\n");
        var error = assertThrows(InputException.class, () -> new InputReader(spark).read(file.toString(), Contracts.PLACEMENTS));
        String message = error.getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("column start_date, rule wrong type (expected a date written yyyy-MM-dd): 1 row, e.g. value '31/02/2024'"), message);
        assertTrue(message.contains("column unit_cost, rule wrong type"), message);
        assertTrue(message.contains("'nine hundred'"), message);
        assertTrue(message.contains("column setting, rule value not in the allowed list"), message);
    }

    @Test
    void columnsOutsideTheContractAreNeverSelected(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = write(dir, "service_users.csv",
                "person_id,name,nhs_number,date_of_birth,postcode,birth_year,birth_month,sex,ethnicity,la_code,"
                        + "primary_support_reason,date_of_death\n"
                        + "P1,Ada Lovelace,943 476 5919,1950-06-02,M1 1AA,1950,6,female,White British,E08000003,"
                        + "learning disability support,\n");
        var df = new InputReader(spark).read(file.toString(), Contracts.SERVICE_USERS);
        assertEquals(Contracts.SERVICE_USERS.names(), List.of(df.columns()));
        assertEquals(List.of("Female|Learning Disability Support"), Frames.rows(df, "sex", "primary_support_reason"));
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}

package uk.carecast.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
class SnppReaderTest {

    static final String HEADER = "\"AREA_CODE\",\"AREA_NAME\",\"COMPONENT\",\"SEX\",\"AGE_GROUP\",\"2022\",\"2023\",\"2024\"\n";

    @Test
    void weightsMidYearsOntoFinancialYearsPerAgeBand(SparkSession spark, @TempDir Path dir) throws IOException {
        Path males = dir.resolve("males.csv");
        Files.writeString(males, HEADER
                + "E1,Area,Population,males,17,500.000,500.000,500.000\n"
                + "E1,Area,Population,males,64,100.000,110.000,120.000\n"
                + "E1,Area,Population,males,65,50.000,60.000,70.000\n"
                + "E1,Area,Population,males,66,1.000,2.000,3.000\n"
                + "E1,Area,Population,males,90 and over,10.000,12.000,14.000\n"
                + "E1,Area,Population,males,All ages,9999.000,9999.000,9999.000\n");
        var population = new SnppReader(spark).read(List.of(males.toString()));

        // FY 2022/23 = 0.75 × mid-2022 + 0.25 × mid-2023; under-18s and "All ages" are left out; 90+ is in 85+.
        // 18-64: 0.75 × 100 + 0.25 × 110 = 102.5;  65-74: 0.75 × (50 + 1) + 0.25 × (60 + 2) = 38.25 + 15.5 = 53.75;
        // 85+: 0.75 × 10 + 0.25 × 12 = 10.5. FY 2023/24: 18-64 0.75 × 110 + 0.25 × 120 = 112.5;
        // 65-74 0.75 × 62 + 0.25 × 73 = 46.5 + 18.25 = 64.75; 85+ 0.75 × 12 + 0.25 × 14 = 12.5.
        // There is no mid-2025, so no FY 2024/25.
        assertEquals(List.of(
                        "E1|Male|18-64|2022/23|102.50000",
                        "E1|Male|18-64|2023/24|112.50000",
                        "E1|Male|65-74|2022/23|53.75000",
                        "E1|Male|65-74|2023/24|64.75000",
                        "E1|Male|85+|2022/23|10.50000",
                        "E1|Male|85+|2023/24|12.50000"),
                Frames.rows(population, "la_code", "sex", "age_band", "financial_year", "population"));
        // In five-year bands 64 is in 60-64, 65 and 66 in 65-69, 90 and over in 90+: 60-64 2022/23 = 102.5 as above,
        // 65-69 = 53.75, 90+ = 10.5.
        var fiveYear = new SnppReader(spark).read(List.of(males.toString()), java.util.Map.of(), AgeBands::fiveYear)
                .filter("financial_year = '2022/23'");
        assertEquals(List.of("60-64|102.50000", "65-69|53.75000", "90+|10.50000"),
                Frames.rows(fiveYear, "age_band", "population"));
        assertEquals("0.75 x mid-2022 + 0.25 x mid-2023 (SNPP 2022-based)",
                population.filter("financial_year = '2022/23'").first().getAs(PopulationColumns.BASIS));
    }

    @Test
    void readsTheRealManchesterExtract(SparkSession spark) {
        var population = new SnppReader(spark).read(List.of("data/sample/population/2022_snpp_population_persons_E08000003.csv"));
        // Checked against the file: persons aged 85 to 89 plus "90 and over" in mid-2022 and mid-2023, weighted
        // 0.75 / 0.25, must equal the 85+ figure; we compare with the file's own rows summed here.
        var expected = spark.read().option("header", "true").csv("data/sample/population/2022_snpp_population_persons_E08000003.csv")
                .filter("AGE_GROUP in ('85','86','87','88','89','90 and over')")
                .selectExpr("sum(cast(`2022` as decimal(16,3))) * 0.75 + sum(cast(`2023` as decimal(16,3))) * 0.25")
                .first().getDecimal(0);
        assertEquals(0, expected.compareTo(population
                .filter("sex = 'All' and age_band = '85+' and financial_year = '2022/23'").first().getDecimal(4)));
        // 26 mid-years (2022..2047) make 25 financial years (2022/23..2046/47), for 4 age bands.
        assertEquals(100, population.count());
    }

    @Test
    void aCountyIsTheSumOfItsDistricts(SparkSession spark) {
        String file = "src/test/resources/ons-snpp/2022_snpp_population_persons_leicestershire_districts.csv";
        java.util.Map<String, String> leicestershire = java.util.Map.of("E07000129", "E10000018", "E07000130",
                "E10000018", "E07000131", "E10000018", "E07000132", "E10000018", "E07000133", "E10000018",
                "E07000134", "E10000018", "E07000135", "E10000018");
        var county = new SnppReader(spark).read(List.of(file), leicestershire);
        var districts = new SnppReader(spark).read(List.of(file));

        assertEquals(List.of("E10000018"), Frames.rows(county.select("la_code").distinct(), "la_code"));
        // The county's 85+ in 2030/31 equals the seven districts' figures added up.
        var expected = districts.filter("age_band = '85+' and financial_year = '2030/31'")
                .agg(org.apache.spark.sql.functions.sum("population")).first().getDecimal(0);
        assertEquals(0, expected.compareTo(county.filter("age_band = '85+' and financial_year = '2030/31'")
                .first().getDecimal(4)));
        assertEquals(7 * 100, districts.count());
        assertEquals(100, county.count());
    }
}

package uk.carecast.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.SparkTest;

@SparkTest
class ScaleGeneratorTest {

    private static ScaleConfig scale(int factor, Path out) {
        return new ScaleConfig("generate-scale", factor, out == null ? null : out.toString(), 7L, null, null, null, 2);
    }

    @Test
    void councilZeroIsTheSampleAndTheOthersAreSyntheticDeterministicAndSkewed() {
        List<ScaleGenerator.Council> councils = new ScaleGenerator(scale(150, null)).councils();
        assertEquals(new ScaleGenerator.Council(0, "E08000003", 1.0), councils.get(0));
        assertEquals("E99000001", councils.get(1).laCode());
        assertEquals("E99000149", councils.get(149).laCode());
        assertEquals(councils, new ScaleGenerator(scale(150, null)).councils(), "same seed, same councils");
        double total = councils.stream().mapToDouble(ScaleGenerator.Council::size).sum();
        // 1 (the sample) + 149 synthetic councils of mean size 0.2 = about 30.8; a lognormal sample of 149
        // lands within a third of that.
        assertTrue(total > 20 && total < 42, "total size " + total);
        double median = councils.stream().skip(1).mapToDouble(ScaleGenerator.Council::size).sorted().toArray()[74];
        double largest = councils.stream().skip(1).mapToDouble(ScaleGenerator.Council::size).max().orElseThrow();
        // Skewed: the lognormal's median is exp(ln 0.2 - 0.5) = 0.12, well under its mean of 0.2, and the
        // largest synthetic council is several times the median.
        assertTrue(median < 0.2, "median size " + median);
        assertTrue(largest > 4 * median, "largest " + largest + ", median " + median);
    }

    @Test
    void aPlacementIsOneRecordPerReportingQuarterItIsOpenIn() {
        LocalDate latest = LocalDate.parse("2025-09-30");
        // Ongoing from 1 April 2019 to the latest date: 2019's Apr, Jul, Oct (3), four a year in 2020-2024 (20),
        // 2025's Jan, Apr, Jul (3) = 26 records.
        List<LocalDate> ongoing = SampleGenerator.quarterStarts(LocalDate.parse("2019-04-01"), null, latest);
        assertEquals(26, ongoing.size());
        assertEquals(LocalDate.parse("2019-07-01"), ongoing.get(1));
        assertEquals(LocalDate.parse("2025-07-01"), ongoing.get(25));
        // Ends on 1 April: a last one-day record in the new quarter (and price year).
        assertEquals(List.of(LocalDate.parse("2024-03-31"), LocalDate.parse("2024-04-01")),
                SampleGenerator.quarterStarts(LocalDate.parse("2024-03-31"), LocalDate.parse("2024-04-01"), latest));
        // Within one quarter: one record.
        assertEquals(List.of(LocalDate.parse("2023-06-10")),
                SampleGenerator.quarterStarts(LocalDate.parse("2023-06-10"), LocalDate.parse("2023-06-30"), latest));
        // 10 June 2023 to 31 March 2024: its start, then 1 July, 1 October, 1 January.
        assertEquals(List.of(LocalDate.parse("2023-06-10"), LocalDate.parse("2023-07-01"), LocalDate.parse("2023-10-01"),
                LocalDate.parse("2024-01-01")),
                SampleGenerator.quarterStarts(LocalDate.parse("2023-06-10"), LocalDate.parse("2024-03-31"), latest));
    }

    @Test
    void writesTypedParquetForEveryCouncilWithScaledPopulations(SparkSession spark, @TempDir Path dir) throws IOException {
        ScaleGenerator generator = new ScaleGenerator(scale(2, dir));
        generator.writeAll(spark, new PrintStream(new ByteArrayOutputStream()));
        Dataset<Row> users = spark.read().parquet(dir.resolve("service_users.parquet").toString());
        Dataset<Row> placements = spark.read().parquet(dir.resolve("placements.parquet").toString());
        assertEquals(List.of("E08000003", "E99000001"), users.select("la_code").distinct().orderBy("la_code")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertEquals(DataTypes.createDecimalType(12, 2), placements.schema().apply("unit_cost").dataType());
        assertEquals(DataTypes.DateType, placements.schema().apply("start_date").dataType());
        assertEquals(placements.count(), placements.join(users, "person_id").count(), "every placement has its person");
        // Records of one placement chain: each later record starts the day after the last ended, on a
        // quarter's first day; the price changes only on 1 April (by the sample's uplift, so never to equal).
        Dataset<Row> chained = placements.alias("a").join(placements.alias("b"),
                org.apache.spark.sql.functions.expr("a.person_id = b.person_id and a.setting = b.setting"
                        + " and a.provider_type = b.provider_type and b.start_date = date_add(a.end_date, 1)"));
        assertTrue(chained.filter("month(b.start_date) = 7").count() > 0, "records split at 1 July");
        assertEquals(0, chained.filter("not (day(b.start_date) = 1 and month(b.start_date) in (1, 4, 7, 10))").count());
        assertEquals(0, chained.filter("month(b.start_date) <> 4 and b.unit_cost <> a.unit_cost").count(),
                "one price within a financial year");
        assertEquals(0, chained.filter("month(b.start_date) = 4 and a.unit_cost > 0 and b.unit_cost <= a.unit_cost").count(),
                "a higher price from 1 April");

        double size = generator.councils().get(1).size();
        List<String> persons = Files.readAllLines(dir.resolve("population/2022_snpp_population_persons_E08000003.csv"));
        String council1Age0 = persons.stream().filter(l -> l.startsWith("E99000001,") && l.contains(",persons,0,"))
                .findFirst().orElseThrow();
        // Manchester's 2022 population aged 0 is 7,050.000; council 1 is that times its size, to 3 places.
        assertEquals(new java.math.BigDecimal("7050.000").multiply(java.math.BigDecimal.valueOf(size))
                .setScale(3, java.math.RoundingMode.HALF_UP).toPlainString(), council1Age0.split(",")[5]);
        Path job = generator.writeJobFile(Path.of("jobs/demand-forecast.yaml"));
        assertTrue(Files.readString(job).contains("placements: " + dir.resolve("placements.parquet")));

        ScaleGenerator again = new ScaleGenerator(scale(2, dir.resolve("again")));
        again.writeAll(spark, new PrintStream(new ByteArrayOutputStream()));
        Dataset<Row> placementsAgain = spark.read().parquet(dir.resolve("again/placements.parquet").toString());
        assertEquals(0, placements.exceptAll(placementsAgain).count() + placementsAgain.exceptAll(placements).count(),
                "same seed, same rows");
    }
}

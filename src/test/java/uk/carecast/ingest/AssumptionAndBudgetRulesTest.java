package uk.carecast.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.Frames;
import uk.carecast.support.Inputs;
import uk.carecast.support.SparkTest;

@SparkTest
class AssumptionAndBudgetRulesTest {

    @Test
    void costAssumptionRules(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("cost_assumptions.csv");
        Files.writeString(file, "financial_year,setting,price_uplift_pct,nlw_rate,nlw_uplift_pct,labour_share\n"
                + "2026/27,nursing,2.5,12.71,4.1,0.55\n"        // 2 fine
                + "2026/28,home_care,2.5,12.71,4.1,0.75\n"      // 3 not consecutive years
                + "2026/27,residential,2.5,12.71,4.1,1.2\n"     // 4 labour share above 1
                + "2027/28,day_care,2.5,12.71,4.1,0.6\n"        // 5 duplicate
                + "2027/28,Day Care,3,12.71,4.1,0.6\n"          // 6 duplicate (same setting, other spelling)
                + "2027/28,extra_care,2.5%,12.71,4.1,0.6\n"     // 7 a percent sign is not a number
                + "2028/29,extra_care,2.5,12.71,4.1,100\n");    // 8 a share is decimal(6,4): at most 99.9999
        var checked = Inputs.checked(spark, dir.resolve("s"), file.toString(), Contracts.COST_ASSUMPTIONS)
                .transform(TableValidator::costAssumptions);
        assertEquals(List.of(
                        "3|financial_year|financial year not of the form 2025/26|2026/28",
                        "4|labour_share|out of range|1.2000",
                        "5|setting|duplicate financial_year and setting (every copy rejected)|day_care",
                        "6|setting|duplicate financial_year and setting (every copy rejected)|day_care",
                        "7|price_uplift_pct|wrong type|2.5%",
                        "8|labour_share|too large for decimal(6,4)|100"),
                Frames.rows(IngestStage.rejects("r", "cost_assumptions", file.toString(), checked), "row",
                        "column_name", "rule", "value"));
    }

    @Test
    void budgetRules(SparkSession spark, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("budgets.csv");
        Files.writeString(file, "la_code,service_area,financial_year,line_type,line_id,description,amount\n"
                + "E08000003,Other Care,2025/26,base,B1,,\"£1,000,000.00\"\n"   // 2 fine
                + "E8000003,Other Care,2025/26,base,B2,,10\n"                   // 3 la_code too short
                + "E08000003,Other Care,25/26,saving,S1,,10\n"                  // 4 year form
                + "E08000003,Other Care,2026/27,cut,S2,,10\n"                   // 5 line type
                + "E08000003,Other Care,2026/27,saving,S3,,10.005\n");          // 6 fractions of a penny
        var checked = Inputs.checked(spark, dir.resolve("s"), file.toString(), Contracts.BUDGETS)
                .transform(TableValidator::budgets);
        assertEquals(List.of(
                        "3|la_code|la_code not of ONS form (e.g. E08000003)|E8000003",
                        "4|financial_year|financial year not of the form 2025/26|25/26",
                        "5|line_type|value not in the allowed list|cut",
                        "6|amount|wrong type|10.005"),
                Frames.rows(IngestStage.rejects("r", "budgets", file.toString(), checked), "row", "column_name",
                        "rule", "value"));
        assertEquals(List.of("1000000.00"), Frames.rows(checked.filter(functions.col("_row").equalTo(2)), "amount"));
    }

    @Test
    void parquetInputsAreReadAgainstTheSameContract(SparkSession spark, @TempDir Path dir) throws IOException {
        Path csv = dir.resolve("budgets.csv");
        Files.writeString(csv, "la_code,service_area,financial_year,line_type,line_id,description,amount,postcode\n"
                + "E08000003,Other Care,2025/26,base,B1,,100.50,M1 1AA\n"
                + "E08000003,Reablement,2025/26,base,B2,,7\n");
        Path parquet = dir.resolve("budgets.parquet");
        spark.read().option("header", "true").csv(csv.toString()).write().parquet(parquet.toString());

        RawInput raw = Inputs.raw(spark, dir.resolve("s"), parquet.toString(), Contracts.BUDGETS);
        assertEquals(List.of("postcode"), raw.unknownColumns());
        // Rows are numbered 1, 2 in file order; no problems; amounts typed.
        assertEquals(List.of("1|B1|100.50|0", "2|B2|7.00|0"), Frames.rows(TableValidator.columnRules(raw, "detect"),
                "_row", "line_id", "amount", "size(_problems)"));
    }

    @Test
    void typedParquetValuesAreKeptAsTheyAreUnlessTheContractsTypeCannotHoldThem(SparkSession spark, @TempDir Path dir) {
        String[] amounts = {"cast('100.50' as decimal(12,2))", "cast('10.005' as decimal(12,3))",
                "cast('123456789012345678901.00' as decimal(30,2))", "cast(7 as int)", "cast(100.5 as double)"};
        List<String> results = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            String file = dir.resolve("budgets-" + i + ".parquet").toString();
            spark.sql("select 'E08000003' as la_code, 'Other Care' as service_area, '2025/26' as financial_year,"
                    + " 'base' as line_type, 'B1' as line_id, '' as description, " + amounts[i] + " as amount")
                    .write().parquet(file);
            results.addAll(Frames.rows(Inputs.checked(spark, dir.resolve("s" + i), file, Contracts.BUDGETS)
                    .selectExpr("cast(amount as string) as amount", "concat_ws(';', transform(_problems, p -> p.rule)) as rules"),
                    "amount", "rules"));
        }
        // 100.50 fits decimal(18,2) as it is; 10.005 has three places, so it is read as text and fails there as a
        // CSV's would (no silent rounding to 10.01); 21 digits before the point do not fit 18,2; a whole number is
        // a whole number of pounds; a double goes through the text rules and 100.5 reads as 100.50.
        assertEquals(List.of("100.50|", "null|wrong type", "null|too large for decimal(18,2)", "7.00|", "100.50|"),
                results);
    }

    @Test
    void onlyTypesTheContractHoldsWithoutRoundingAreKept() {
        var pounds = org.apache.spark.sql.types.DataTypes.createDecimalType(18, 2);
        assertEquals(true, InputReader.keepsType(org.apache.spark.sql.types.DataTypes.createDecimalType(12, 2), pounds));
        assertEquals(false, InputReader.keepsType(org.apache.spark.sql.types.DataTypes.createDecimalType(12, 3), pounds));
        assertEquals(false, InputReader.keepsType(org.apache.spark.sql.types.DataTypes.DoubleType, pounds));
        assertEquals(true, InputReader.keepsType(org.apache.spark.sql.types.DataTypes.DateType,
                org.apache.spark.sql.types.DataTypes.DateType));
        assertEquals(false, InputReader.keepsType(org.apache.spark.sql.types.DataTypes.TimestampType,
                org.apache.spark.sql.types.DataTypes.DateType));
        assertEquals(false, InputReader.keepsType(org.apache.spark.sql.types.DataTypes.StringType,
                org.apache.spark.sql.types.DataTypes.DateType));
    }
}

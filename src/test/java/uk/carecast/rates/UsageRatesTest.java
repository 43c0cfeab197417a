package uk.carecast.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.ingest.InputException;
import uk.carecast.ingest.Money;
import uk.carecast.population.SnppReader;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
public class UsageRatesTest {

    static final StructType SNAPSHOT = new StructType()
            .add("snapshot_date", DataTypes.DateType)
            .add("la_code", DataTypes.StringType)
            .add("primary_support_reason", DataTypes.StringType)
            .add("age_band", DataTypes.StringType)
            .add("sex", DataTypes.StringType)
            .add("setting", DataTypes.StringType)
            .add("client_group", DataTypes.StringType)
            .add("clients", DataTypes.LongType)
            .add("weekly_cost", Money.POUNDS);
    public static final StructType POPULATION = new StructType()
            .add("la_code", DataTypes.StringType)
            .add("sex", DataTypes.StringType)
            .add("age_band", DataTypes.StringType)
            .add("financial_year", DataTypes.StringType)
            .add("population", SnppReader.PEOPLE)
            .add("population_basis", DataTypes.StringType);

    static Dataset<Row> population(SparkSession spark) {
        return Frames.of(spark, POPULATION,
                new Object[] {"E1", "Female", "65-74", "2022/23", pop("2000"), "b22"},
                new Object[] {"E1", "Female", "65-74", "2023/24", pop("2500"), "b23"},
                new Object[] {"E1", "All", "65-74", "2022/23", pop("3000"), "b22"},
                new Object[] {"E1", "All", "65-74", "2023/24", pop("4000"), "b23"});
    }

    @Test
    void ratePerThousandUsesTheSnapshotsFinancialYearOrTheNearestThereIs(SparkSession spark) {
        var snapshot = Frames.of(spark, SNAPSHOT,
                new Object[] {date("2024-03-31"), "E1", "R", "65-74", "Female", "home_care", "Older People", 5L, money("500.00")},
                new Object[] {date("2020-03-31"), "E1", "R", "65-74", "Female", "home_care", "Older People", 4L, money("400.00")},
                new Object[] {date("2024-03-31"), "E1", "R", "65-74", "Unknown", "home_care", "Older People", 1L, money("90.00")});
        var rates = UsageRatesStage.rates(snapshot, population(spark));

        // 2024-03-31 is in FY 2023/24: 5 × 1000 / 2500 = 2 per 1,000. 2020-03-31 is in FY 2019/20, before the
        // projection starts: the nearest year, 2022/23, is used and named: 4 × 1000 / 2000 = 2. Unknown sex is set
        // against persons: 1 × 1000 / 4000 = 0.25.
        assertEquals(List.of(
                        "2020-03-31|Female|2022/23|b22|2.00000000",
                        "2024-03-31|Female|2023/24|b23|2.00000000",
                        "2024-03-31|Unknown|2023/24|b23|0.25000000"),
                Frames.rows(rates, "snapshot_date", "sex", "population_financial_year", "population_basis", "rate_per_1000"));
    }

    @Test
    void anAreaWithoutPopulationFailsNamingIt(SparkSession spark) {
        var snapshot = Frames.of(spark, SNAPSHOT,
                new Object[] {date("2024-03-31"), "E9", "R", "65-74", "Female", "home_care", "Older People", 5L, money("1.00")});
        var error = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> UsageRatesStage.rates(snapshot, population(spark)));
        org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().contains("la_code E9"), error.getMessage());
    }

    private static BigDecimal pop(String people) {
        return new BigDecimal(people).setScale(5);
    }
}

package uk.carecast.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.config.Trend;
import uk.carecast.ingest.Money;
import uk.carecast.population.SnppReader;
import uk.carecast.rates.UsageRatesStage;
import uk.carecast.rates.UsageRatesTest;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class UsageTrendTest {

    static final StructType RATES = new StructType()
            .add("snapshot_date", DataTypes.DateType).add("la_code", DataTypes.StringType)
            .add("primary_support_reason", DataTypes.StringType).add("age_band", DataTypes.StringType)
            .add("sex", DataTypes.StringType).add("setting", DataTypes.StringType)
            .add("client_group", DataTypes.StringType).add("clients", DataTypes.LongType)
            .add("weekly_cost", Money.POUNDS).add("weekly_net_cost", Money.POUNDS)
            .add("median_weekly_cost", Money.POUNDS).add("population", SnppReader.PEOPLE)
            .add(UsageRatesStage.RATE_PER_1000, UsageRatesStage.RATE);

    @Test
    void theTrendIsGrowthBeyondWhatPopulationExplains(SparkSession spark) {
        var rates = Frames.of(spark, RATES,
                row("2022-03-31", "65-74", "home_care", "Older People", 20, "1000"),
                row("2022-03-31", "75-84", "home_care", "Older People", 10, "500"),
                row("2022-03-31", "18-64", "day_care", "Learning Disability", 5, "2000"),
                row("2024-03-31", "65-74", "home_care", "Older People", 25, "1100"),
                row("2024-03-31", "75-84", "home_care", "Older People", 11, "500"),
                row("2024-03-31", "18-64", "day_care", "Learning Disability", 9, "2000"));
        var population = Frames.of(spark, UsageRatesTest.POPULATION,
                pop("65-74", "2021/22", "1000"), pop("75-84", "2021/22", "500"), pop("18-64", "2021/22", "2000"),
                pop("65-74", "2023/24", "1100"), pop("75-84", "2023/24", "500"), pop("18-64", "2023/24", "2000"),
                pop("65-74", "2024/25", "1210"), pop("75-84", "2024/25", "500"), pop("18-64", "2024/25", "2000"),
                pop("65-74", "2025/26", "1331"), pop("75-84", "2025/26", "500"), pop("18-64", "2025/26", "2000"));
        var trend = UsageTrend.annual(rates, population, LocalDate.parse("2024-03-31"), new Trend(3, 20, true));

        // 2022-03-31 to 2024-03-31 is the history there is (2 years of the 3 asked). Home care, older people:
        // demography alone would give 20 × 1100 / 1000 + 10 × 500 / 500 = 22 + 10 = 32; there are 25 + 11 = 36:
        // 36 / 32 = 1.125, a 12.5% rise over 2 years, 0.0625 a year. Day care started with 5 people, under the
        // 20 needed: no trend.
        assertEquals(List.of("day_care|Learning Disability|0E-10", "home_care|Older People|0.0625000000"),
                Frames.rows(trend, "setting", "client_group", "annual_trend"));

        // Projected from 2024-03-31 (FY 2023/24): the 65-74 cell has 25 people; demography 25 × 1210 / 1100
        // = 27.5 in 2024/25 and 25 × 1331 / 1100 = 30.25 in 2025/26; the trend multiplies by 1.0625 and
        // 1.0625² = 1.12890625: 29.21875 → 29.2188 and 34.1494140625 → 34.1494.
        var demand = ProjectionStage.demand(rates, population, 2, trend)
                .filter("age_band = '65-74'");
        assertEquals(List.of("2023/24|25.0000|1.0000000000|25.0000", "2024/25|27.5000|1.0625000000|29.2188",
                        "2025/26|30.2500|1.1289062500|34.1494"),
                Frames.rows(demand, "financial_year", "demography_clients", "trend_multiplier", "projected_clients"));
    }

    private static Object[] row(String date, String band, String setting, String group, long clients, String people) {
        return new Object[] {date(date), "E1", "R", band, "Female", setting, group, clients, money("1.00"),
                money("1.00"), money("1.00"), new BigDecimal(people).setScale(5), BigDecimal.ONE.setScale(8)};
    }

    private static Object[] pop(String band, String year, String people) {
        return new Object[] {"E1", "Female", band, year, new BigDecimal(people).setScale(5), "b"};
    }
}

package uk.carecast.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.date;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.config.ProjectionOptions;
import uk.carecast.config.ServiceAreaRule;
import uk.carecast.ingest.Contracts;
import uk.carecast.price.CostAssumption;
import uk.carecast.price.PriceIndex;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class ProjectionTest {

    @Test
    void projectsClientsWithPopulationAndCostWithDaysAndPriceIndex(SparkSession spark) {
        var rates = Frames.of(spark, UsageTrendTest.RATES,
                // An older base snapshot that must be ignored, and the base: 10 people costing 5,000.00 a week.
                new Object[] {date("2024-03-31"), "E1", "R", "65-74", "Female", "residential", "Older People", 7L,
                        money("3000.00"), money("2000.00"), money("400.00"), people("1000"), new BigDecimal("7.00000000")},
                new Object[] {date("2025-09-30"), "E1", "R", "65-74", "Female", "residential", "Older People", 10L,
                        money("5000.00"), money("4000.00"), money("450.00"), people("1000"), new BigDecimal("10.00000000")});
        var population = Frames.of(spark, uk.carecast.rates.UsageRatesTest.POPULATION,
                new Object[] {"E1", "Female", "65-74", "2025/26", people("1000"), "b"},
                new Object[] {"E1", "Female", "65-74", "2026/27", people("1100"), "b"},
                new Object[] {"E1", "Female", "65-74", "2027/28", people("1210"), "b"});
        var assumptions = Frames.of(spark, Contracts.COST_ASSUMPTIONS.curatedSchema(),
                new Object[] {"2026/27", "residential", pct("2.5"), money("12.71"), pct("10"), share("0.6")},
                new Object[] {"2027/28", "residential", pct("5"), money("13.00"), pct("0"), share("0.5")});

        var demand = ProjectionStage.demand(rates, population, 2);
        var cost = ProjectionStage.cost(spark, demand, rates, assumptions,
                List.of(new ServiceAreaRule("*", "*", "Other Care")));

        // Base FY 2025/26 (holds 2025-09-30), then two years. Clients = 10 × population(y) / 1000:
        // 10, 11, 12.1. Unit cost 5000 / 10 = 500.00 a week. Index: 2026/27 uplift 0.6 × 10 + 0.4 × 2.5 = 7%
        // → 1.07; 2027/28 uplift 0.5 × 0 + 0.5 × 5 = 2.5% → 1.07 × 1.025 = 1.09675.
        // Cost 2025/26 (365 days) = 10 × 500 × 365 / 7 = 260,714.2857 → 260,714.29;
        // 2026/27 (365 days) = 11 × 500 × 365 / 7 × 1.07 = 306,860.7143 → 306,860.71;
        // 2027/28 (366 days, holds 29 Feb 2028) = 12.1 × 500 × 366 / 7 × 1.09675 = 316,328.5714 × 1.09675 = 346,933.3607 → 346,933.36.
        assertEquals(List.of(
                        "2025/26|10.0000|500.00|365|1.0000000000|260714.29|Other Care",
                        "2026/27|11.0000|500.00|365|1.0700000000|306860.71|Other Care",
                        "2027/28|12.1000|500.00|366|1.0967500000|346933.36|Other Care"),
                Frames.rows(cost, "financial_year", "projected_clients", "weekly_unit_cost", "days_in_year",
                        "price_index", "gross_cost", "service_area"));
        // Net: the council pays 4,000.00 of the 5,000.00 a week (400.00 a client): 2025/26 10 × 400 × 365 / 7
        // = 208,571.43; 2026/27 11 × 400 × 365 / 7 × 1.07 = 229,428.5714 × 1.07 = 245,488.57; 2027/28
        // 12.1 × 400 × 366 / 7 × 1.09675 = 253,062.8571 × 1.09675 = 277,546.69.
        assertEquals(List.of("2025/26|400.00|208571.43", "2026/27|400.00|245488.57", "2027/28|400.00|277546.69"),
                Frames.rows(cost, "financial_year", "weekly_net_unit_cost", "net_cost"));
        // 95% band from the base count of 10: 1.96 / √10 = 0.61980642, so factors 0.38019358 and 1.61980642.
        // 2025/26: 10 × those = 3.8019 and 16.1981 clients; 2026/27: 11 × those = 4.1821 and 17.8179.
        // Low cost 2025/26 = 3.8019 × 500 × 365 / 7 = 99,120.9643 → 99,120.96; high 16.1981 × 500 × 365 / 7
        // = 422,307.6071 → 422,307.61.
        assertEquals(List.of("2025/26|3.8019|16.1981", "2026/27|4.1821|17.8179"),
                Frames.rows(cost.filter("financial_year <= '2026/27'"), "financial_year", "projected_clients_low",
                        "projected_clients_high"));
        assertEquals(List.of("2025/26|99120.96|422307.61"),
                Frames.rows(cost.filter("financial_year = '2025/26'"), "financial_year", "gross_cost_low",
                        "gross_cost_high"));
    }

    @Test
    void theMedianOptionCostsClientsAtTheMiddlePersonsWeeklyCost(SparkSession spark) {
        var rates = Frames.of(spark, UsageTrendTest.RATES,
                new Object[] {date("2025-09-30"), "E1", "R", "65-74", "Female", "residential", "Older People", 10L,
                        money("5000.00"), money("4000.00"), money("450.00"), people("1000"), new BigDecimal("10.00000000")});
        var population = Frames.of(spark, uk.carecast.rates.UsageRatesTest.POPULATION,
                new Object[] {"E1", "Female", "65-74", "2025/26", people("1000"), "b"});
        var assumptions = Frames.of(spark, Contracts.COST_ASSUMPTIONS.curatedSchema());
        var demand = ProjectionStage.demand(rates, population, 1).filter("financial_year = '2025/26'");

        var cost = ProjectionStage.cost(spark, demand, rates, assumptions,
                List.of(new ServiceAreaRule("*", "*", "Other Care")), new ProjectionOptions("median"));

        // Median 450.00 a week instead of the mean 500.00; net keeps the cell's 4,000 / 5,000 share: 360.00.
        // 2025/26: 10 × 450 × 365 / 7 = 234,642.8571 → 234,642.86; net 10 × 360 × 365 / 7 = 187,714.2857 → 187,714.29.
        assertEquals(List.of("2025/26|450.00|234642.86|360.00|187714.29"),
                Frames.rows(cost, "financial_year", "weekly_unit_cost", "gross_cost", "weekly_net_unit_cost", "net_cost"));
    }

    @Test
    void priceIndexCompoundsTheCombinedUplift() {
        var y1 = new CostAssumption(uk.carecast.time.FinancialYear.parse("2026/27"), "nursing", pct("3"), pct("4"),
                share("0.75"));
        var y2 = new CostAssumption(uk.carecast.time.FinancialYear.parse("2027/28"), "nursing", pct("2"), pct("6"),
                share("0.5"));
        var index = PriceIndex.cumulative(List.of(y2, y1), List.of("nursing"),
                uk.carecast.time.FinancialYear.parse("2025/26"), uk.carecast.time.FinancialYear.parse("2027/28"));
        // 2026/27: 0.75 × 4 + 0.25 × 3 = 3.75% → 1.0375; 2027/28: 0.5 × 6 + 0.5 × 2 = 4% → 1.0375 × 1.04 = 1.079.
        assertEquals(List.of("1.0000000000", "1.0375000000", "1.0790000000"),
                index.stream().map(e -> e.index().toPlainString()).toList());
    }

    private static BigDecimal people(String n) {
        return new BigDecimal(n).setScale(5);
    }

    private static BigDecimal pct(String p) {
        return new BigDecimal(p).setScale(4);
    }

    private static BigDecimal share(String s) {
        return new BigDecimal(s).setScale(4);
    }
}

package uk.carecast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.config.Intervention;
import uk.carecast.config.Scenario;
import uk.carecast.config.ServiceAreaRule;
import uk.carecast.ingest.Money;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class ScenarioTest {

    static final StructType COST = new StructType()
            .add("la_code", DataTypes.StringType).add("primary_support_reason", DataTypes.StringType)
            .add("age_band", DataTypes.StringType).add("sex", DataTypes.StringType)
            .add("setting", DataTypes.StringType).add("client_group", DataTypes.StringType)
            .add("service_area", DataTypes.StringType).add("financial_year", DataTypes.StringType)
            .add("projected_clients", ProjectionStage.CLIENT_COUNT).add("gross_cost", Money.POUNDS);
    static final List<ServiceAreaRule> AREAS = List.of(new ServiceAreaRule("*", "*", "Other Care"));

    @Test
    void reproducesTheShapeOfManchestersDoNothingAgainstImpactTable(SparkSession spark) {
        // Seed 000 §9.6: 2019/20 baseline and do-nothing by 2021/22 of nursing 672 → 688, residential
        // 1,352 → 1,384, supported accommodation 743 → 770, home care 2,671 → 2,890. Costs here are
        // 1,000.00 a client-year to keep the arithmetic visible.
        var cost = Frames.of(spark, COST,
                cell("nursing", "2019/20", "672"), cell("nursing", "2021/22", "688"),
                cell("residential", "2019/20", "1352"), cell("residential", "2021/22", "1384"),
                cell("supported_accommodation", "2019/20", "743"), cell("supported_accommodation", "2021/22", "770"),
                cell("home_care", "2019/20", "2671"), cell("home_care", "2021/22", "2890"));
        // Better Outcomes from 2020/21, as the report's percentages of do-nothing: -11 / 688 = -1.6%,
        // -40 / 1,384 = -2.89%, -28 / 770 = -3.636%, -57 / 2,890 = -1.972%.
        var scenario = new Scenario("better_outcomes", List.of(
                clients("nursing", "-1.6"), clients("residential", "-2.89"),
                clients("supported_accommodation", "-3.636"), clients("home_care", "-1.972")));
        var impact = ScenarioStage.impact(ScenarioStage.project(cost, List.of(scenario), AREAS), List.of(scenario))
                .filter("scenario = 'better_outcomes'");

        // Impact by 2021/22: 688 × -1.6% = -11.008; 1,384 × -2.89% = -39.9976; 770 × -3.636% = -27.9972;
        // 2,890 × -1.972% = -56.9908: -11, -40, -28 and -57 to the person, as published. The baseline year is
        // before the start: no impact. Cost moves with clients at 1,000.00 each.
        assertEquals(List.of(
                        "home_care|2019/20|2671.0000|2671.0000|0.0000|0.00",
                        "home_care|2021/22|2890.0000|2833.0092|-56.9908|-56990.80",
                        "nursing|2019/20|672.0000|672.0000|0.0000|0.00",
                        "nursing|2021/22|688.0000|676.9920|-11.0080|-11008.00",
                        "residential|2019/20|1352.0000|1352.0000|0.0000|0.00",
                        "residential|2021/22|1384.0000|1344.0024|-39.9976|-39997.60",
                        "supported_accommodation|2019/20|743.0000|743.0000|0.0000|0.00",
                        "supported_accommodation|2021/22|770.0000|742.0028|-27.9972|-27997.20"),
                Frames.rows(impact, "setting", "financial_year", "do_nothing_clients", "projected_clients",
                        "clients_impact", "cost_impact"));
    }

    @Test
    void shiftsAndPriceRises(SparkSession spark) {
        var cost = Frames.of(spark, COST,
                cell("residential", "2026/27", "100"), cell("residential", "2027/28", "100"),
                new Object[] {"E1", "R", "75-84", "Female", "extra_care", "Older People", "Other Care", "2027/28",
                        new BigDecimal("10").setScale(4), money("4000.00")});
        var shift = new Scenario("extra_care_first", List.of(
                new Intervention("shift", "residential", "extra_care", new BigDecimal("5"), "2027/28")));
        var price = new Scenario("price_plus_1", List.of(
                new Intervention("price", "*", null, new BigDecimal("1"), "2026/27")));
        var projections = ScenarioStage.project(cost, List.of(shift, price), AREAS);

        // Shift from 2027/28: 5% of 100 residential clients = 5 move to extra care at its 4,000 / 10 = 400.00 a
        // client: residential 95 costing 100,000 - 5,000 = 95,000.00; extra care 10 + 5 = 15 costing
        // 4,000 + 2,000 = 6,000.00. 2026/27 is before the start: unchanged.
        assertEquals(List.of("extra_care|2027/28|15.0000|6000.00", "residential|2026/27|100.0000|100000.00",
                        "residential|2027/28|95.0000|95000.00"),
                Frames.rows(projections.filter("scenario = 'extra_care_first'").groupBy("setting", "financial_year")
                        .sum("projected_clients", "gross_cost"), "setting", "financial_year", "`sum(projected_clients)`",
                        "`sum(gross_cost)`"));
        // Price +1 point from 2026/27: × 1.01 in its first year, × 1.0201 in the second; clients unchanged.
        assertEquals(List.of("extra_care|2027/28|10.0000|4080.40", "residential|2026/27|100.0000|101000.00",
                        "residential|2027/28|100.0000|102010.00"),
                Frames.rows(projections.filter("scenario = 'price_plus_1'"), "setting", "financial_year",
                        "projected_clients", "gross_cost"));
    }

    private static Object[] cell(String setting, String year, String clients) {
        BigDecimal n = new BigDecimal(clients).setScale(4);
        return new Object[] {"E1", "R", "75-84", "Female", setting, "Older People", "Other Care", year, n,
                n.multiply(new BigDecimal("1000")).setScale(2)};
    }

    private static Intervention clients(String setting, String percent) {
        return new Intervention("clients", setting, null, new BigDecimal(percent), "2020/21");
    }
}

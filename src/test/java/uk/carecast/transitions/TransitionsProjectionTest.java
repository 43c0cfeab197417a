package uk.carecast.transitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.money;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.config.ServiceAreaRule;
import uk.carecast.ingest.Contracts;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;
import uk.carecast.time.FinancialYear;

@SparkTest
class TransitionsProjectionTest {

    static final List<ServiceAreaRule> AREAS = List.of(
            new ServiceAreaRule("*", "Learning Disability", "Learning Disability"),
            new ServiceAreaRule("*", "*", "Other Care"));
    static final StructType INDEX = new StructType().add("setting", DataTypes.StringType)
            .add("financial_year", DataTypes.StringType).add("price_index", ProjectionStage.INDEX);

    @Test
    void eachYoungPersonCountsFromTheir18thBirthdayAtTheirLikelihood(SparkSession spark) {
        var transitions = Frames.of(spark, Contracts.TRANSITIONS.curatedSchema(),
                // A: 18 on 1 March 2026, likelihood 0.5, £1,400 a week in supported accommodation.
                person("A", 2008, 3, "Learning Disability Support", "supported_accommodation", "1400.00", "0.5"),
                // C: 18 on 1 January 2027, likelihood 0.8, £2,000 a week.
                person("C", 2009, 1, "Learning Disability Support", "supported_accommodation", "2000.00", "0.8"),
                // B: 18 on 1 October 2027, no likelihood given (so 1), £500 a week of home care.
                person("B", 2009, 10, "Physical Support: Personal care support", "home_care", "500.00", null));
        // Supported accommodation rises 5% in 2026/27 and 3% in 2027/28 (1.05 × 1.03 = 1.0815); home care not.
        var index = Frames.of(spark, INDEX,
                index("supported_accommodation", "2025/26", "1"), index("supported_accommodation", "2026/27", "1.05"),
                index("supported_accommodation", "2027/28", "1.0815"), index("home_care", "2025/26", "1"),
                index("home_care", "2026/27", "1"), index("home_care", "2027/28", "1"));

        var projection = TransitionsStage.project(transitions, new FinancialYear(2025), new FinancialYear(2027), index,
                AREAS);

        // Learning disability, supported accommodation:
        // 2025/26: A from 1 March: 0.5 × 1,400 × 31 days ÷ 7 = 3,100.00; new 0.5, cumulative 0.5.
        // 2026/27: A all year: 0.5 × 1,400 × 365 ÷ 7 × 1.05 = 38,325.00; C from 1 January, 31 + 28 + 31 = 90 days:
        //   0.8 × 2,000 × 90 ÷ 7 × 1.05 = 21,600.00; together 59,925.00; new 0.8 (C), cumulative 1.3.
        // 2027/28 holds 29 February 2028 (366 days): A 0.5 × 1,400 × 366 ÷ 7 = 36,600 and C 0.8 × 2,000 × 366 ÷ 7
        //   = 83,657.142857…, × 1.0815 = 39,582.90 + 90,475.20 = 130,058.10; no one new, cumulative 1.3.
        // Physical disability (Other Care), home care: B from 1 October 2027, 31+30+31+31+29+31 = 183 days:
        //   1 × 500 × 183 ÷ 7 = 13,071.428… → 13,071.43 in 2027/28; nothing before.
        assertEquals(List.of(
                        "Learning Disability|Learning Disability|supported_accommodation|2025/26|0.5000|0.5000|365|3100.00",
                        "Learning Disability|Learning Disability|supported_accommodation|2026/27|0.8000|1.3000|365|59925.00",
                        "Learning Disability|Learning Disability|supported_accommodation|2027/28|0.0000|1.3000|366|130058.10",
                        "Physical Disability|Other Care|home_care|2025/26|0.0000|0.0000|365|0.00",
                        "Physical Disability|Other Care|home_care|2026/27|0.0000|0.0000|365|0.00",
                        "Physical Disability|Other Care|home_care|2027/28|1.0000|1.0000|366|13071.43"),
                Frames.rows(projection, "client_group", "service_area", "setting", "financial_year", "new_clients",
                        "cumulative_clients", "days_in_year", "gross_cost"));
        assertEquals(List.of("la_code", "client_group", "service_area", "setting", "financial_year", "new_clients",
                "cumulative_clients", "days_in_year", "price_index", "gross_cost"), List.of(projection.columns()));
    }

    @Test
    void noYoungPeopleNoRows(SparkSession spark) {
        var none = spark.createDataFrame(List.of(), Contracts.TRANSITIONS.curatedSchema());
        var index = Frames.of(spark, INDEX, index("home_care", "2025/26", "1"));
        assertEquals(0, TransitionsStage.project(none, new FinancialYear(2025), new FinancialYear(2025), index, AREAS)
                .count());
    }

    private static Object[] person(String id, int birthYear, int birthMonth, String reason, String setting,
            String weekly, String likelihood) {
        return new Object[] {id, birthYear, birthMonth, "Female", "E1", reason, setting, money(weekly),
                likelihood == null ? null : new BigDecimal(likelihood).setScale(4)};
    }

    private static Object[] index(String setting, String year, String value) {
        return new Object[] {setting, year, new BigDecimal(value).setScale(10)};
    }
}

package uk.carecast.population;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import uk.carecast.support.SparkTest;

@SparkTest
class AgeBandsTest {

    @Test
    void fiveYearBandsNestInTheBroadOnes(SparkSession spark) {
        var ages = spark.range(17, 92).toDF("age").filter("age in (17, 18, 24, 25, 64, 65, 74, 84, 85, 89, 90, 91)")
                .select(col("age"), AgeBands.fiveYear(col("age").cast("int")).as("five"), AgeBands.of(col("age")).as("broad"))
                .orderBy("age").collectAsList().stream()
                .map(r -> r.get(0) + ":" + r.get(1) + ":" + r.get(2)).toList();

        assertEquals(List.of("17:null:null", "18:18-24:18-64", "24:18-24:18-64", "25:25-29:18-64", "64:60-64:18-64",
                "65:65-69:65-74", "74:70-74:65-74", "84:80-84:75-84", "85:85-89:85+", "89:85-89:85+", "90:90+:85+",
                "91:90+:85+"), ages);
        // 18-24 and the eight from 25-29 to 60-64 make 18-64's nine; two in each of the others.
        assertEquals(9, AgeBands.FIVE_YEAR_BANDS_IN.get("18-64"));
    }
}

package uk.carecast.demand;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.carecast.support.Frames.money;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.carecast.config.NetCost;
import uk.carecast.ingest.Money;
import uk.carecast.support.Frames;
import uk.carecast.support.SparkTest;

@SparkTest
class NetWeeklyCostTest {

    @Test
    void theCouncilPaysGrossLessContributionsAndNhsFunding(SparkSession spark) {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("gross", Money.POUNDS)
                .add("funding", DataTypes.StringType).add("contribution", Money.POUNDS);
        var rows = Frames.of(spark, schema,
                new Object[] {"la", money("500.00"), "la", money("100.00")},
                new Object[] {"chc", money("900.00"), "chc", null},
                new Object[] {"fnc", money("1000.00"), "fnc", money("200.00")},
                new Object[] {"joint", money("600.00"), "joint", null},
                new Object[] {"over", money("50.00"), "la", money("80.00")});
        var net = rows.select(col("id"), Money.toPence(NetWeeklyCost.of(col("gross"), col("funding"),
                col("contribution"), NetCost.DEFAULTS)).as("net"));
        // la: 500 - 100 = 400.00; chc: the NHS pays it all, 0.00; fnc: 1000 - 200 - 254.06 (FNC) = 545.94;
        // joint: 600 × 0.5 = 300.00; a contribution above the cost leaves 0.00, never a negative cost.
        assertEquals(List.of("chc|0.00", "fnc|545.94", "joint|300.00", "la|400.00", "over|0.00"),
                Frames.rows(net, "id", "net"));
    }
}

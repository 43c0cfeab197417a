package uk.carecast.demand;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import uk.carecast.config.NetCost;
import uk.carecast.ingest.Money;

/** The council's net weekly cost of a placement, from its gross weekly cost (see {@link NetCost}). */
public final class NetWeeklyCost {

    private NetWeeklyCost() {
    }

    public static Column of(Column grossWeekly, Column fundingSource, Column clientContribution, NetCost rules) {
        Column afterClient = greatest(grossWeekly.minus(coalesce(clientContribution, lit(BigDecimal.ZERO))),
                lit(BigDecimal.ZERO));
        Column net = when(fundingSource.equalTo("chc"), lit(BigDecimal.ZERO))
                .when(fundingSource.equalTo("fnc"),
                        greatest(afterClient.minus(lit(rules.fncWeekly())), lit(BigDecimal.ZERO)))
                .when(fundingSource.equalTo("joint"), afterClient.multiply(lit(rules.jointLaShare())))
                .otherwise(afterClient);
        return net.cast(Money.EXACT);
    }
}

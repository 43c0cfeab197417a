package uk.carecast.price;

import java.math.BigDecimal;
import java.math.MathContext;
import uk.carecast.time.FinancialYear;

/** One row of {@code cost_assumptions}: the price drivers of one setting in one financial year. */
public record CostAssumption(FinancialYear year, String setting, BigDecimal priceUpliftPct, BigDecimal nlwUpliftPct,
        BigDecimal labourShare) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The year's uplift to the price of care, in %: the NLW rise on the labour share of the cost and
     * the general uplift on the rest.
     */
    public BigDecimal combinedUpliftPct() {
        return labourShare.multiply(nlwUpliftPct)
                .add(BigDecimal.ONE.subtract(labourShare).multiply(priceUpliftPct));
    }

    /** The part of {@link #combinedUpliftPct()} that is the NLW rise on the labour share, in %. */
    public BigDecimal nlwPartPct() {
        return labourShare.multiply(nlwUpliftPct);
    }

    public BigDecimal factor() {
        return BigDecimal.ONE.add(combinedUpliftPct().divide(HUNDRED, MathContext.DECIMAL128));
    }

    /** The rows of a {@code cost_assumptions} table: a few dozen, read on the driver. */
    public static java.util.List<CostAssumption> of(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> table) {
        return table.collectAsList().stream()
                .map(r -> new CostAssumption(FinancialYear.parse(r.getAs(uk.carecast.ingest.Columns.FINANCIAL_YEAR)),
                        r.getAs(uk.carecast.ingest.Columns.SETTING), r.getAs(uk.carecast.ingest.Columns.PRICE_UPLIFT_PCT),
                        r.getAs(uk.carecast.ingest.Columns.NLW_UPLIFT_PCT), r.getAs(uk.carecast.ingest.Columns.LABOUR_SHARE)))
                .toList();
    }
}

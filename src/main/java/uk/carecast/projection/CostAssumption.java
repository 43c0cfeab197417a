package uk.carecast.projection;

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
}

package uk.carecast.price;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.carecast.ingest.InputException;
import uk.carecast.time.FinancialYear;

/**
 * Cumulative price index per setting: 1 in the base year, then each later year's index is the
 * year before's × (1 + that year's combined uplift). Computed on the driver in BigDecimal: the
 * assumptions table has a row per setting and year, a few dozen rows.
 */
public final class PriceIndex {

    public static final int SCALE = 10;

    private PriceIndex() {
    }

    /**
     * One setting's index in one year, with that year's combined uplift and the part of it that
     * is the National Living Wage (labour share × NLW rise), both in %.
     */
    public record Entry(String setting, FinancialYear year, BigDecimal index, BigDecimal upliftPct,
            BigDecimal nlwUpliftPct) {
    }

    public static List<Entry> cumulative(List<CostAssumption> assumptions, List<String> settings,
            FinancialYear base, FinancialYear last) {
        Map<String, CostAssumption> byKey = assumptions.stream()
                .collect(Collectors.toMap(a -> a.setting() + "|" + a.year().label(), Function.identity(), (a, b) -> {
                    throw new InputException("cost_assumptions has two rows for setting " + a.setting() + " in "
                            + a.year().label());
                }));
        List<Entry> entries = new ArrayList<>();
        for (String setting : settings) {
            BigDecimal index = BigDecimal.ONE;
            entries.add(new Entry(setting, base, index.setScale(SCALE), BigDecimal.ZERO, BigDecimal.ZERO));
            for (FinancialYear y = base.plus(1); y.compareTo(last) <= 0; y = y.plus(1)) {
                CostAssumption a = byKey.get(setting + "|" + y.label());
                if (a == null) {
                    throw new InputException("cost_assumptions has no row for setting " + setting + " in "
                            + y.label() + ", which the projection to " + last.label() + " needs");
                }
                index = index.multiply(a.factor(), MathContext.DECIMAL128);
                entries.add(new Entry(setting, y, index.setScale(SCALE, RoundingMode.HALF_UP), a.combinedUpliftPct(),
                        a.nlwPartPct()));
            }
        }
        return entries;
    }

    /**
     * The factor that restates a {@code from}-year price in {@code to}-year prices: the product of
     * (1 + combined uplift) over the years after {@code from} up to {@code to}. Empty where an
     * assumption for one of those years is missing: history the assumptions do not cover.
     */
    public static java.util.Optional<BigDecimal> restatement(List<CostAssumption> assumptions, String setting,
            FinancialYear from, FinancialYear to) {
        BigDecimal factor = BigDecimal.ONE;
        for (FinancialYear y = from.plus(1); y.compareTo(to) <= 0; y = y.plus(1)) {
            FinancialYear year = y;
            var match = assumptions.stream().filter(a -> a.setting().equals(setting) && a.year().equals(year)).findFirst();
            if (match.isEmpty()) {
                return java.util.Optional.empty();
            }
            factor = factor.multiply(match.get().factor(), MathContext.DECIMAL128);
        }
        return java.util.Optional.of(factor.setScale(SCALE, RoundingMode.HALF_UP));
    }
}

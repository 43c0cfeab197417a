package uk.carecast.sample;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Cost assumptions for the sample council. The National Living Wage rates to April 2026 are the
 * published ones (£8.72 in 2020/21 to £12.71 in 2026/27); later years assume 3% a year. General
 * price uplift 3% to 2025/26, then 2.5%. Labour shares are typical of each setting's cost base.
 */
final class CostAssumptionsSample {

    private static final Map<Integer, String> NLW = Map.ofEntries(
            Map.entry(2019, "8.21"), Map.entry(2020, "8.72"), Map.entry(2021, "8.91"), Map.entry(2022, "9.50"),
            Map.entry(2023, "10.42"), Map.entry(2024, "11.44"), Map.entry(2025, "12.21"), Map.entry(2026, "12.71"));
    private static final Map<String, String> LABOUR_SHARE = Map.of(
            "nursing", "0.55", "residential", "0.60", "home_care", "0.75", "supported_accommodation", "0.80",
            "shared_lives", "0.70", "extra_care", "0.75", "direct_payment", "0.70", "day_care", "0.65",
            "reablement", "0.80");
    private static final String[] ORDER = {"nursing", "residential", "home_care", "supported_accommodation",
            "shared_lives", "extra_care", "direct_payment", "day_care", "reablement"};

    private CostAssumptionsSample() {
    }

    static String csv() {
        StringBuilder out = new StringBuilder("financial_year,setting,price_uplift_pct,nlw_rate,nlw_uplift_pct,labour_share\n");
        for (int year = 2020; year <= 2032; year++) {
            BigDecimal rate = nlw(year);
            BigDecimal rise = rate.divide(nlw(year - 1), MathContext.DECIMAL64).subtract(BigDecimal.ONE)
                    .multiply(BigDecimal.valueOf(100)).setScale(3, RoundingMode.HALF_UP);
            String general = year <= 2025 ? "3.000" : "2.500";
            for (String setting : ORDER) {
                out.append(String.format("%d/%02d,%s,%s,%s,%s,%s%n", year, (year + 1) % 100, setting, general,
                        rate.toPlainString(), rise.toPlainString(), LABOUR_SHARE.get(setting)));
            }
        }
        return out.toString();
    }

    private static BigDecimal nlw(int year) {
        if (NLW.containsKey(year)) {
            return new BigDecimal(NLW.get(year));
        }
        return nlw(year - 1).multiply(new BigDecimal("1.03")).setScale(2, RoundingMode.HALF_UP);
    }
}

package uk.carecast.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import uk.carecast.sample.Profile.Weighted;

/**
 * Young people aged 14-17 on the latest snapshot whom children's services expect to need adult
 * care: 45 a year of age per council of Manchester's size (Leicestershire, about the same size,
 * planned around 120 a year in all), mostly with a learning disability. Costs are 2025/26 weekly
 * levels for the setting expected at 18. The older the child, the surer the need: the likelihood
 * rises from about 0.6-0.9 at 14 to 0.85-1 at 17, and one in ten rows leaves it empty (1).
 *
 * <p>Its own random stream, derived from the seed, so adding this file changed no byte of the
 * other sample files.
 */
final class TransitionsSample {

    static final String HEADER = "person_id,birth_year,birth_month,sex,la_code,primary_support_reason,"
            + "expected_setting,expected_weekly_cost,likelihood\n";
    private static final int PER_YEAR_OF_AGE = 45;
    /** "trans" in ASCII: any constant gives an independent stream; this one is memorable. */
    private static final long STREAM = 0x7472616E73L;

    private record Need(String supportReason, double weight, List<Weighted<Cost>> settings) {
    }

    /** A setting expected at 18 and its range of weekly cost, £. */
    private record Cost(String setting, int low, int high) {
    }

    private static final List<Need> NEEDS = List.of(
            new Need("Learning Disability Support", 0.72, List.of(
                    new Weighted<>(new Cost("supported_accommodation", 1200, 2500), 0.50),
                    new Weighted<>(new Cost("residential", 1800, 3500), 0.15),
                    new Weighted<>(new Cost("shared_lives", 450, 800), 0.10),
                    new Weighted<>(new Cost("direct_payment", 350, 900), 0.15),
                    new Weighted<>(new Cost("day_care", 250, 600), 0.10))),
            new Need("Mental Health Support", 0.14, List.of(
                    new Weighted<>(new Cost("supported_accommodation", 900, 1800), 0.50),
                    new Weighted<>(new Cost("residential", 1500, 2800), 0.20),
                    new Weighted<>(new Cost("home_care", 300, 700), 0.30))),
            new Need("Physical Support: Personal care support", 0.14, List.of(
                    new Weighted<>(new Cost("home_care", 300, 700), 0.60),
                    new Weighted<>(new Cost("direct_payment", 300, 800), 0.30),
                    new Weighted<>(new Cost("residential", 1800, 3500), 0.10))));

    private TransitionsSample() {
    }

    static String csv(long seed, double scale, String la, LocalDate latest) {
        SplittableRandom random = new SplittableRandom(seed ^ STREAM);
        StringBuilder out = new StringBuilder(HEADER);
        int id = 0;
        for (int age = 14; age <= 17; age++) {
            for (int i = 0; i < Math.round(PER_YEAR_OF_AGE * scale); i++) {
                int birthMonth = 1 + random.nextInt(12);
                // Aged `age` on the latest snapshot, the birthday being the 1st of the birth month.
                int birthYear = latest.getYear() - age - (latest.getMonthValue() < birthMonth ? 1 : 0);
                Need need = Weighted.pick(random, NEEDS.stream().map(n -> new Weighted<>(n, n.weight())).toList());
                Cost cost = Weighted.pick(random, need.settings());
                BigDecimal weekly = BigDecimal.valueOf(cost.low() + random.nextInt(cost.high() - cost.low() + 1))
                        .setScale(2, RoundingMode.UNNECESSARY);
                double surest = 0.75 + 0.05 * (age - 14);
                String likelihood = random.nextDouble() < 0.1 ? ""
                        : BigDecimal.valueOf(Math.min(1, surest - 0.15 + 0.3 * random.nextDouble()))
                                .setScale(2, RoundingMode.HALF_UP).toPlainString();
                double female = need.supportReason().startsWith("Learning") ? 0.4 : 0.5;
                String sex = random.nextDouble() < female ? "Female" : "Male";
                out.append(String.join(",", String.format("T%05d", ++id), Integer.toString(birthYear),
                        Integer.toString(birthMonth), sex, la, need.supportReason(), cost.setting(),
                        weekly.toPlainString(), likelihood)).append('\n');
            }
        }
        return out.toString();
    }
}

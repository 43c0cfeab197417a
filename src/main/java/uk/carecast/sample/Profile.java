package uk.carecast.sample;

import java.util.List;

/**
 * How one setting looks in the synthetic council: people in it on any day, their mean length of
 * stay, the client groups they come from, and the 2025/26 weekly cost level.
 */
record Profile(String setting, int stock, double meanYears, List<Weighted<String>> groups, int weeklyCost,
        double inHouseShare) {

    record Weighted<T>(T value, double weight) {

        /** One of the options, each as likely as its weight. */
        static <T> T pick(java.util.SplittableRandom random, List<Weighted<T>> options) {
            double total = options.stream().mapToDouble(Weighted::weight).sum();
            double roll = random.nextDouble() * total;
            for (Weighted<T> option : options) {
                roll -= option.weight();
                if (roll < 0) {
                    return option.value();
                }
            }
            return options.get(options.size() - 1).value();
        }
    }

    static final String OP = "Older People";
    static final String LD = "Learning Disability";
    static final String MH = "Mental Health";
    static final String PD = "Physical Disability";

    /**
     * Stocks follow Manchester's long-term support in December 2020 (seed 000 §2.7): 1,016 in
     * residential care, 528 in nursing care, home care 1,974, supported accommodation 756, shared
     * lives 174, extra care 125, cash personal budgets 631, day care 349; the rest of its 6,208 in
     * the community are put into home care and direct payments. Costs are 2025/26 levels, in whole
 * pounds a week.
     */
    static final List<Profile> MANCHESTER = List.of(
            new Profile("nursing", 528, 1.3, groups(OP, 0.92, PD, 0.05, MH, 0.03), 1050, 0.0),
            new Profile("residential", 1016, 2.2, groups(OP, 0.75, LD, 0.12, MH, 0.08, PD, 0.05), 880, 0.05),
            new Profile("home_care", 3100, 1.8, groups(OP, 0.80, PD, 0.12, MH, 0.05, LD, 0.03), 0, 0.1),
            new Profile("supported_accommodation", 756, 7.0, groups(LD, 0.75, MH, 0.20, PD, 0.05), 1500, 0.3),
            new Profile("shared_lives", 174, 6.0, groups(LD, 0.85, MH, 0.10, OP, 0.05), 480, 1.0),
            new Profile("extra_care", 125, 3.0, groups(OP, 0.85, PD, 0.10, MH, 0.05), 310, 0.2),
            new Profile("direct_payment", 1400, 4.0, groups(PD, 0.35, OP, 0.30, LD, 0.25, MH, 0.10), 330, 0.0),
            new Profile("day_care", 349, 3.0, groups(LD, 0.55, OP, 0.35, PD, 0.10), 190, 0.6),
            new Profile("reablement", 150, 0.12, groups(OP, 0.85, PD, 0.15), 600, 1.0));

    private static List<Weighted<String>> groups(Object... pairs) {
        java.util.ArrayList<Weighted<String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new Weighted<>((String) pairs[i], ((Number) pairs[i + 1]).doubleValue()));
        }
        return List.copyOf(out);
    }
}

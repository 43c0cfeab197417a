package uk.carecast.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import uk.carecast.sample.Profile.Weighted;
import uk.carecast.time.FinancialYear;

/**
 * Writes a synthetic council (service users, placements, cost assumptions, budget lines, young
 * people in transition to adult care) as CSV in data contract v1. Deterministic: the same seed and scale give the same bytes.
 *
 * <p>Each setting holds a steady stock of people: on the first day of the history it already has
 * {@code stock} people (who started an exponentially distributed time before), and new people
 * arrive at stock ÷ mean stay a year, growing 2% a year, each staying an exponential time. Older
 * people's stays in care homes end mostly in death; some home care stays end in a move to a care
 * home; some people have day care beside their main service. The people are invented: no row is
 * about a real person.
 */
public final class SampleGenerator {

    private static final double GROWTH_PER_YEAR = 0.02;
    private static final double COST_INFLATION = 0.05;
    private static final BigDecimal HOURLY_RATE = new BigDecimal("21.50");
    private static final BigDecimal WEEK = BigDecimal.valueOf(7);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");
    private static final String[] ETHNICITIES = {"White British", "White Other", "Asian or Asian British",
            "Black or Black British", "Mixed", "Other ethnic group", "Not stated"};

    private static final BigDecimal UPLIFT = BigDecimal.ONE.add(BigDecimal.valueOf(COST_INFLATION));

    private final SampleConfig config;
    private final SplittableRandom random;
    private final LocalDate historyStart;
    private final LocalDate latest;
    private final double size;
    private final String idPrefix;
    private final boolean recordPerQuarter;
    private int people;
    private int placements;

    public SampleGenerator(SampleConfig config) {
        this(config, config.scale(), "", false);
    }

    /**
     * A council {@code size} times the sample's, its ids starting with {@code idPrefix} so councils
     * can share one table. With {@code recordPerQuarter}, a placement is written as one record per
     * reporting quarter it is open in, at that financial year's price, as a quarterly client-level
     * return lists each service open in the quarter (and a price change starts a new record).
     */
    SampleGenerator(SampleConfig config, double size, String idPrefix, boolean recordPerQuarter) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
        this.historyStart = LocalDate.parse(config.historyStart());
        this.latest = LocalDate.parse(config.latest());
        this.size = size;
        this.idPrefix = idPrefix;
        this.recordPerQuarter = recordPerQuarter;
    }

    public void writeAll(PrintStream progress) {
        Path out = Path.of(config.out());
        try {
            Files.createDirectories(out);
            try (BufferedWriter users = writer(out.resolve("service_users.csv.gz"));
                 BufferedWriter episodes = writer(out.resolve("placements.csv.gz"))) {
                users.write("person_id,birth_year,birth_month,sex,ethnicity,"
                        + "la_code,primary_support_reason,date_of_death\n");
                episodes.write("placement_id,person_id,setting,provider_type,start_date,end_date,unit_cost,"
                        + "cost_frequency,units_per_week,funding_source,client_contribution_weekly\n");
                write(users, episodes);
            }
            Files.writeString(out.resolve("cost_assumptions.csv"), CostAssumptionsSample.csv());
            Files.writeString(out.resolve("budgets.csv"), BudgetsSample.csv(config.laCode()));
            Files.writeString(out.resolve("transitions.csv"),
                    TransitionsSample.csv(config.seed(), config.scale(), config.laCode(), latest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample to " + out, e);
        }
        progress.printf("sample council written to %s: %,d people, %,d placements%n", out, people, placements);
    }

    /** Every person and placement, as CSV lines without a header. */
    void write(Appendable users, Appendable episodes) throws IOException {
        for (Profile profile : Profile.MANCHESTER) {
            generate(profile, users, episodes);
        }
    }

    int people() {
        return people;
    }

    int placements() {
        return placements;
    }

    private void generate(Profile profile, Appendable users, Appendable episodes) throws IOException {
        int stock = (int) Math.round(profile.stock() * size);
        for (int i = 0; i < stock; i++) {
            double yearsIn = exponential(profile.meanYears());
            LocalDate start = historyStart.minusDays(Math.round(yearsIn * 365.25));
            person(profile, start, historyStart, users, episodes);
        }
        long days = ChronoUnit.DAYS.between(historyStart, latest);
        double arrivalsPerDay = stock / profile.meanYears() / 365.25;
        for (long day = 0; day <= days; day++) {
            double rate = arrivalsPerDay * Math.pow(1 + GROWTH_PER_YEAR, day / 365.25);
            int arrivals = poisson(rate);
            for (int a = 0; a < arrivals; a++) {
                LocalDate start = historyStart.plusDays(day);
                person(profile, start, start, users, episodes);
            }
        }
    }

    /**
     * One person whose main placement starts on {@code start}; its stay is drawn from
     * {@code stayFrom}, the history's first day for people already in care then (an exponential
     * stay has no memory, so what is left of it is exponential too).
     */
    private void person(Profile profile, LocalDate start, LocalDate stayFrom, Appendable users,
            Appendable episodes) throws IOException {
        String group = pick(profile.groups());
        int ageAtStart = ageFor(group);
        int birthMonth = 1 + random.nextInt(12);
        int birthYear = start.getYear() - ageAtStart - (start.getMonthValue() < birthMonth ? 1 : 0);
        String personId = idPrefix + String.format("P%06d", ++people);
        LocalDate end = stayFrom.plusDays(Math.max(1, Math.round(exponential(profile.meanYears()) * 365.25)));
        boolean ended = !end.isAfter(latest);
        boolean bedBased = profile.setting().equals("nursing") || profile.setting().equals("residential");
        double deathShare = !group.equals(Profile.OP) ? 0.08 : bedBased ? 0.75 : 0.3;
        boolean dies = ended && random.nextDouble() < deathShare;
        LocalDate death = dies ? end : null;

        episode(personId, profile, group, ageAtStart, start, ended ? end : null, episodes);
        if (ended && !dies && end.isBefore(latest) && profile.setting().equals("home_care") && group.equals(Profile.OP)
                && random.nextDouble() < 0.3) {
            Profile home = Profile.MANCHESTER.get(random.nextDouble() < 0.65 ? 1 : 0);
            LocalDate moved = end.plusDays(1);
            LocalDate homeEnd = moved.plusDays(Math.max(1, Math.round(exponential(home.meanYears()) * 365.25)));
            boolean homeEnded = !homeEnd.isAfter(latest);
            episode(personId, home, group, ageAtStart, moved, homeEnded ? homeEnd : null, episodes);
            death = homeEnded && random.nextDouble() < 0.75 ? homeEnd : null;
        }
        LocalDate dayCareStart = start.plusDays(random.nextInt(60));
        LocalDate lastDay = ended ? end : latest;
        if ((profile.setting().equals("home_care") || profile.setting().equals("supported_accommodation"))
                && random.nextDouble() < 0.06 && !dayCareStart.isAfter(lastDay)) {
            episode(personId, Profile.MANCHESTER.get(7), group, ageAtStart, dayCareStart, ended ? end : null, episodes);
        }
        users.append(String.join(",", personId, Integer.toString(birthYear), Integer.toString(birthMonth), sex(group),
                ETHNICITIES[random.nextInt(ETHNICITIES.length)], config.laCode(), supportReason(group),
                death == null ? "" : death.toString()));
        users.append('\n');
    }

    private void episode(String personId, Profile profile, String group, int age, LocalDate start, LocalDate end,
            Appendable out) throws IOException {
        double yearsBeforeLatest = ChronoUnit.DAYS.between(start, latest) / 365.25;
        double level = Math.pow(1 + COST_INFLATION, -Math.max(0, yearsBeforeLatest)) * (0.85 + 0.3 * random.nextDouble());
        double groupFactor = group.equals(Profile.LD) ? 1.6 : group.equals(Profile.MH) ? 1.2 : 1.0;
        // The random draws are doubles; money is decimal from here on, rounded to the penny when written.
        BigDecimal factor = BigDecimal.valueOf(groupFactor * level);
        String frequency = "weekly";
        String units = "";
        BigDecimal cost = BigDecimal.valueOf(profile.weeklyCost()).multiply(factor);
        switch (profile.setting()) {
            case "home_care" -> {
                frequency = "hourly";
                int hours = group.equals(Profile.LD) ? 10 + random.nextInt(30) : 4 + random.nextInt(18);
                units = pence(BigDecimal.valueOf(hours));
                cost = HOURLY_RATE.multiply(BigDecimal.valueOf(level));
            }
            case "residential" -> {
                if (random.nextDouble() < 0.05) {
                    frequency = "daily";
                    cost = cost.divide(WEEK, MathContext.DECIMAL64);
                }
            }
            case "supported_accommodation" -> {
                if (random.nextDouble() < 0.2) {
                    frequency = "annual";
                    cost = cost.multiply(DAYS_PER_YEAR).divide(WEEK, MathContext.DECIMAL64);
                }
            }
            case "shared_lives" -> {
                if (random.nextDouble() < 0.5) {
                    frequency = "four_weekly";
                    cost = cost.multiply(FOUR);
                }
            }
            case "direct_payment" -> {
                double roll = random.nextDouble();
                if (roll < 0.05) {
                    frequency = "one_off";
                    cost = BigDecimal.valueOf(250 + random.nextInt(1000));
                } else if (roll < 0.55) {
                    frequency = "four_weekly";
                    cost = cost.multiply(FOUR);
                } else {
                    frequency = "monthly";
                    cost = cost.multiply(DAYS_PER_YEAR).divide(WEEK.multiply(MONTHS), MathContext.DECIMAL64);
                }
            }
            default -> {
            }
        }
        String provider = random.nextDouble() < profile.inHouseShare() ? "in_house" : "external";
        String funding = profile.setting().equals("nursing") && random.nextDouble() < 0.15 ? "fnc"
                : random.nextDouble() < 0.04 ? "chc" : random.nextDouble() < 0.05 ? "joint" : "la";
        BigDecimal contribution = age >= 65 && !frequency.equals("one_off")
                ? cost.min(BigDecimal.valueOf(40 + random.nextInt(160)))
                : BigDecimal.ZERO;
        List<LocalDate> starts = recordPerQuarter && !frequency.equals("one_off")
                ? quarterStarts(start, end, latest) : List.of(start);
        int firstPriceYear = FinancialYear.containing(start).startYear();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate recordEnd = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : end;
            int priceYears = FinancialYear.containing(starts.get(i)).startYear() - firstPriceYear;
            out.append(String.join(",", idPrefix + String.format("L%06d", ++placements), personId, profile.setting(),
                    provider, starts.get(i).toString(), recordEnd == null ? "" : recordEnd.toString(),
                    pence(cost.multiply(UPLIFT.pow(priceYears))), frequency, units, funding, pence(contribution)));
            out.append('\n');
        }
    }

    /**
     * The start, then the first day of each later quarter (1 April, 1 July, 1 October, 1 January)
     * up to the end, or up to the latest date while ongoing.
     */
    static List<LocalDate> quarterStarts(LocalDate start, LocalDate end, LocalDate latest) {
        LocalDate last = end == null ? latest : end;
        List<LocalDate> starts = new java.util.ArrayList<>(List.of(start));
        LocalDate quarter = start.withDayOfMonth(1).withMonth((start.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
        for (; !quarter.isAfter(last); quarter = quarter.plusMonths(3)) {
            starts.add(quarter);
        }
        return starts;
    }

    private int ageFor(String group) {
        return switch (group) {
            case Profile.OP -> Math.min(104, 65 + (int) Math.round(Math.abs(random.nextGaussian()) * 14));
            case Profile.LD -> 18 + (int) Math.min(60, Math.round(exponential(14)));
            case Profile.MH -> 18 + random.nextInt(60);
            default -> 18 + random.nextInt(47);
        };
    }

    private String sex(String group) {
        double roll = random.nextDouble();
        if (roll < 0.01) {
            return "Unknown";
        }
        double female = group.equals(Profile.OP) ? 0.62 : group.equals(Profile.LD) ? 0.42 : 0.5;
        return roll < 0.01 + female * 0.99 ? "Female" : "Male";
    }

    private String supportReason(String group) {
        return switch (group) {
            case Profile.LD -> "Learning Disability Support";
            case Profile.MH -> "Mental Health Support";
            case Profile.OP -> pick(List.of(
                    new Weighted<>("Physical Support: Personal care support", 0.60),
                    new Weighted<>("Support with Memory & Cognition", 0.25),
                    new Weighted<>("Physical Support: Access & mobility only", 0.08),
                    new Weighted<>("Sensory Support: Support for visual impairment", 0.03),
                    new Weighted<>("Social Support: Support for social isolation/other", 0.04)));
            default -> pick(List.of(
                    new Weighted<>("Physical Support: Personal care support", 0.70),
                    new Weighted<>("Physical Support: Access & mobility only", 0.15),
                    new Weighted<>("Sensory Support: Support for hearing impairment", 0.10),
                    new Weighted<>("Social Support: Substance misuse support", 0.05)));
        };
    }

    private <T> T pick(List<Weighted<T>> options) {
        return Weighted.pick(random, options);
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static String pence(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Gzipped, to keep the committed sample small; Spark reads .csv.gz as it reads .csv. */
    private static BufferedWriter writer(Path path) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(path), 1 << 16),
                StandardCharsets.UTF_8));
    }
}

package uk.carecast.publish;

import static org.apache.spark.sql.functions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Which tables leave the team with a refresh, and the disclosure control their counts of people
 * get. Person-level tables never leave; tables of money per service area carry no counts; every
 * table with a count of people (observed or modelled) has a {@link CountRule}.
 */
public final class PublishedSet {

    /** Tables with a row per person or per input row: they stay in the team's own folder. */
    public static final Set<String> PERSON_LEVEL = Set.of("service_users", "placements", "transitions", "rejects");

    static final List<CountRule> RULES = List.of(
            new CountRule("demand_snapshot", List.of("clients"), "age_band",
                    List.of("weekly_cost", "weekly_net_cost", "median_weekly_cost")),
            new CountRule("usage_rates", List.of("clients"), "age_band",
                    List.of("weekly_cost", "weekly_net_cost", "median_weekly_cost", "rate_per_1000")),
            new CountRule("unit_costs", List.of("clients"), "age_band",
                    List.of("mean_weekly_cost", "median_weekly_cost", "p25_weekly_cost", "p75_weekly_cost",
                            "mean_weekly_cost_base_prices", "median_weekly_cost_base_prices")),
            new CountRule("flows", List.of("opening_clients", "admissions", "exits_ended", "exits_died",
                    "closing_clients", "full_year_effect_packages"), "age_band",
                    List.of("mean_length_of_stay_weeks", "admissions_per_10000", "full_year_effect")),
            new CountRule("demand_projection", List.of("base_clients", "projected_clients"), "age_band",
                    List.of("rate_per_1000", "demography_clients", "projected_clients_low", "projected_clients_high")),
            new CountRule("cost_projection", List.of("projected_clients"), "age_band",
                    List.of("demography_clients", "projected_clients_low", "projected_clients_high",
                            "weekly_unit_cost", "weekly_net_unit_cost")),
            new CountRule("scenario_projection", List.of("projected_clients"), "age_band", List.of()),
            new CountRule("stock_flow_projection", List.of("clients", "admissions", "exits", "rate_method_clients"),
                    "client_group", List.of()),
            new CountRule("transitions_projection", List.of("new_clients", "cumulative_clients"), "setting",
                    List.of()));

    private static final Map<String, CountRule> BY_TABLE = RULES.stream()
            .collect(Collectors.toMap(CountRule::table, Function.identity()));

    private PublishedSet() {
    }

    public static boolean leavesTheTeam(String table) {
        return !PERSON_LEVEL.contains(table);
    }

    public static Optional<CountRule> ruleFor(String table) {
        return Optional.ofNullable(BY_TABLE.get(table));
    }

    /**
     * The table as it may leave the team: each count suppressed under its rule, the figures that
     * would reveal a suppressed count withheld, and a {@code suppressed} flag on every row that lost
     * something. A table without counts comes back as it is.
     */
    public static Dataset<Row> protect(String table, Dataset<Row> rows) {
        Optional<CountRule> rule = ruleFor(table);
        if (rule.isEmpty()) {
            return rows;
        }
        List<String> columns = Arrays.asList(rows.columns());
        List<String> group = Arrays.stream(rows.schema().fields())
                .filter(PublishedSet::isKey)
                .map(StructField::name)
                .filter(name -> !name.equals(rule.get().totalOver()))
                .toList();
        List<String> counts = rule.get().counts().stream().filter(columns::contains).toList();
        List<String> flags = counts.stream().map(count -> "__suppressed_" + count).toList();
        Dataset<Row> out = Disclosure.suppress(rows, counts, group, flags);
        Column anySuppressed = flags.stream().map(flag -> coalesce(col(flag), lit(false)))
                .reduce(lit(false), Column::or);
        out = out.withColumn(Disclosure.SUPPRESSED, anySuppressed);
        for (String reveal : rule.get().reveals()) {
            if (columns.contains(reveal)) {
                out = out.withColumn(reveal, when(col(Disclosure.SUPPRESSED), lit(null)).otherwise(col(reveal)));
            }
        }
        return out.drop(flags.toArray(String[]::new));
    }

    // Text and dates name a cell (area, setting, year); numbers are what is measured in it.
    private static boolean isKey(StructField field) {
        return field.dataType() instanceof StringType || field.dataType() instanceof DateType;
    }
}

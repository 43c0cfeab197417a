package uk.carecast.projection;

/** Columns of {@code demand_projection} and {@code cost_projection}. */
public final class ProjectionColumns {

    public static final String BASE_SNAPSHOT_DATE = "base_snapshot_date";
    public static final String BASE_CLIENTS = "base_clients";
    public static final String BASE_POPULATION = "base_population";
    /** Clients from the base usage rate and population alone. */
    public static final String DEMOGRAPHY_CLIENTS = "demography_clients";
    /** (1 + annual trend) to the power of the years since the base year. */
    public static final String TREND_MULTIPLIER = "trend_multiplier";
    /** Demography clients × trend multiplier. */
    public static final String PROJECTED_CLIENTS = "projected_clients";
    /** The low and high ends of the 95% band on projected clients (see RateInterval). */
    public static final String PROJECTED_CLIENTS_LOW = "projected_clients_low";
    public static final String PROJECTED_CLIENTS_HIGH = "projected_clients_high";
    public static final String GROSS_COST_LOW = "gross_cost_low";
    public static final String GROSS_COST_HIGH = "gross_cost_high";
    public static final String WEEKLY_UNIT_COST = "weekly_unit_cost";
    public static final String DAYS = "days_in_year";
    public static final String PRICE_INDEX = "price_index";
    public static final String GROSS_COST = "gross_cost";
    public static final String WEEKLY_NET_UNIT_COST = "weekly_net_unit_cost";
    /** What the council pays: gross less client contributions and NHS funding, projected the same way. */
    public static final String NET_COST = "net_cost";
    /** The year's combined price uplift, in %, that took the index from last year's. */
    public static final String UPLIFT_PCT = "uplift_pct";
    /** The National Living Wage part of that uplift (labour share × NLW rise), in %. */
    public static final String NLW_PART_PCT = "nlw_part_pct";

    private ProjectionColumns() {
    }
}

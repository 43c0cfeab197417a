package uk.carecast.demand;

/** Columns of {@code demand_snapshot} (and of the cells other stages group by). */
public final class DemandColumns {

    public static final String SNAPSHOT_DATE = "snapshot_date";
    public static final String AGE_BAND = "age_band";
    /** The five-year age band (18-24, 25-29, ..., 90+) of an active placement's person. */
    public static final String FIVE_YEAR_BAND = "five_year_band";
    public static final String CLIENT_GROUP = "client_group";
    public static final String CLIENTS = "clients";
    public static final String WEEKLY_COST = "weekly_cost";
    /** What the council pays of it: less client contributions and NHS funding. */
    public static final String WEEKLY_NET_COST = "weekly_net_cost";

    /** The middle person's weekly cost in the cell (see ExactPercentiles). */
    public static final String MEDIAN_WEEKLY_COST = "median_weekly_cost";

    private DemandColumns() {
    }
}

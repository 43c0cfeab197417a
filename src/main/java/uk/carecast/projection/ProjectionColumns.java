package uk.carecast.projection;

/** Columns of {@code demand_projection} and {@code cost_projection}. */
public final class ProjectionColumns {

    public static final String BASE_SNAPSHOT_DATE = "base_snapshot_date";
    public static final String BASE_CLIENTS = "base_clients";
    public static final String BASE_POPULATION = "base_population";
    public static final String PROJECTED_CLIENTS = "projected_clients";
    public static final String WEEKLY_UNIT_COST = "weekly_unit_cost";
    public static final String DAYS = "days_in_year";
    public static final String PRICE_INDEX = "price_index";
    public static final String GROSS_COST = "gross_cost";

    private ProjectionColumns() {
    }
}

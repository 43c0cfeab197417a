package uk.carecast.flows;

/** Columns of {@code flows} and {@code stock_flow_projection}. */
public final class FlowsColumns {

    /** In the setting across the year boundary: active on 31 March before and on 1 April. */
    public static final String OPENING_CLIENTS = "opening_clients";
    /** Spells in the setting that started in the year (a person not in the setting the day before). */
    public static final String ADMISSIONS = "admissions";
    /** Spells whose last day fell in the year, the person alive. */
    public static final String EXITS_ENDED = "exits_ended";
    /** Spells whose last day was the person's date of death, in the year. */
    public static final String EXITS_DIED = "exits_died";
    /** In the setting across the year end: active on 31 March and on 1 April after. */
    public static final String CLOSING_CLIENTS = "closing_clients";
    /** Mean length, in weeks, of the spells that ended in the year (by death or otherwise). */
    public static final String MEAN_LENGTH_OF_STAY_WEEKS = "mean_length_of_stay_weeks";
    public static final String ADMISSIONS_PER_10000 = "admissions_per_10000";
    /** Annual cost of the packages started in the year and still running at its end, less their cost in it. */
    public static final String FULL_YEAR_EFFECT = "full_year_effect";
    public static final String FULL_YEAR_EFFECT_PACKAGES = "full_year_effect_packages";

    /** The financial year whose flows gave the stock-and-flow projection its rates. */
    public static final String RATE_FINANCIAL_YEAR = "rate_financial_year";
    /** Exits ÷ (opening + admissions) in the rate year: the share of people in the setting who left it. */
    public static final String EXIT_SHARE = "exit_share";
    public static final String EXITS = "exits";
    /** projected_clients of demand_projection in the same area × setting × client group × year. */
    public static final String RATE_METHOD_CLIENTS = "rate_method_clients";

    private FlowsColumns() {
    }
}

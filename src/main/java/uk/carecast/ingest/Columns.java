package uk.carecast.ingest;

/** Column names of the curated input tables; every stage refers to them through here. */
public final class Columns {

    public static final String PERSON_ID = "person_id";
    public static final String BIRTH_YEAR = "birth_year";
    public static final String BIRTH_MONTH = "birth_month";
    public static final String SEX = "sex";
    public static final String ETHNICITY = "ethnicity";
    public static final String LA_CODE = "la_code";
    public static final String PRIMARY_SUPPORT_REASON = "primary_support_reason";
    public static final String DATE_OF_DEATH = "date_of_death";

    public static final String PLACEMENT_ID = "placement_id";
    public static final String SETTING = "setting";
    public static final String PROVIDER_TYPE = "provider_type";
    public static final String START_DATE = "start_date";
    public static final String END_DATE = "end_date";
    public static final String UNIT_COST = "unit_cost";
    public static final String COST_FREQUENCY = "cost_frequency";
    public static final String UNITS_PER_WEEK = "units_per_week";
    public static final String FUNDING_SOURCE = "funding_source";
    public static final String CLIENT_CONTRIBUTION_WEEKLY = "client_contribution_weekly";

    public static final String FINANCIAL_YEAR = "financial_year";
    public static final String PRICE_UPLIFT_PCT = "price_uplift_pct";
    public static final String NLW_RATE = "nlw_rate";
    public static final String NLW_UPLIFT_PCT = "nlw_uplift_pct";
    public static final String LABOUR_SHARE = "labour_share";

    public static final String SERVICE_AREA = "service_area";
    public static final String LINE_TYPE = "line_type";
    public static final String LINE_ID = "line_id";
    public static final String DESCRIPTION = "description";
    public static final String AMOUNT = "amount";

    public static final String EXPECTED_SETTING = "expected_setting";
    public static final String EXPECTED_WEEKLY_COST = "expected_weekly_cost";
    /** The chance, 0-1, that a young person's need continues into adult services. */
    public static final String LIKELIHOOD = "likelihood";

    private Columns() {
    }
}

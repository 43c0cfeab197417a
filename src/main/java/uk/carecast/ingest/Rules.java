package uk.carecast.ingest;

import org.apache.spark.sql.types.DecimalType;

/** The names of the validation rules, as they appear in the rejects and data_quality tables. */
public final class Rules {

    public static final String FIELD_COUNT = "wrong number of fields";
    public static final String FIELD_TOO_LONG = "field over 1,000,000 characters";
    public static final String LINE_BREAK = "line break inside a value (a stray quote joins rows)";
    public static final String WRONG_TYPE = "wrong type";
    public static final String MONTH_FIRST = "US month-first date (not read)";
    public static final String COST_OVER_LIMIT = "weekly cost over the 1,000,000,000.00 limit";
    public static final String MISSING = "missing required value";
    public static final String NOT_ALLOWED = "value not in the allowed list";
    public static final String OUT_OF_RANGE = "out of range";
    public static final String LA_CODE_FORM = "la_code not of ONS form (e.g. E08000003)";
    public static final String FINANCIAL_YEAR_FORM = "financial year not of the form 2025/26";
    public static final String DEATH_BEFORE_BIRTH = "death before birth";
    public static final String DUPLICATE_PERSON = "duplicate person_id (every copy rejected)";
    public static final String END_BEFORE_START = "end date before start date";
    public static final String AFTER_HORIZON = "start date after the latest snapshot";
    public static final String NEGATIVE_COST = "negative unit cost";
    public static final String HOURS_NEEDED = "hourly cost without units_per_week";
    public static final String DUPLICATE_PLACEMENT = "duplicate placement_id (every copy rejected)";
    public static final String UNKNOWN_PERSON = "person not in service_users";
    public static final String AFTER_DEATH = "placement starts after death";
    public static final String UNDER_18 = "under 18 at placement start";
    public static final String IMPLAUSIBLE_COST = "implausible weekly cost (kept)";
    public static final String DUPLICATE_ASSUMPTION = "duplicate financial_year and setting (every copy rejected)";

    public static final String ADULT_ALREADY = "18 or over on the latest snapshot";
    public static final String UNDER_14 = "under 14 on the latest snapshot (kept)";

    /** A well-formed number wider than its column's type: money is decimal(18,2), a share decimal(6,4). */
    public static String tooLarge(DecimalType type) {
        return "too large for " + type.simpleString();
    }

    private Rules() {
    }
}

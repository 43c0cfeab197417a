package uk.carecast.ingest;

import static uk.carecast.ingest.ColumnRule.category;
import static uk.carecast.ingest.ColumnRule.optional;
import static uk.carecast.ingest.ColumnRule.required;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Data contract v1: the input tables, their columns, types and allowed values. */
public final class Contracts {

    public static final DataType PCT = DataTypes.createDecimalType(8, 4);
    public static final DataType SHARE = DataTypes.createDecimalType(6, 4);
    public static final DataType UNITS = DataTypes.createDecimalType(10, 2);

    public static final List<String> SEXES = List.of("Male", "Female", "Other", "Unknown");
    public static final List<String> SUPPORT_REASONS = List.of(
            "Physical Support: Personal care support",
            "Physical Support: Access & mobility only",
            "Support with Memory & Cognition",
            "Learning Disability Support",
            "Mental Health Support",
            "Sensory Support: Support for visual impairment",
            "Sensory Support: Support for hearing impairment",
            "Sensory Support: Support for dual impairment",
            "Social Support: Substance misuse support",
            "Social Support: Asylum seeker support",
            "Social Support: Support for social isolation/other",
            "Social Support: Support to carer",
            "Unknown");
    public static final List<String> SETTINGS = List.of("nursing", "residential", "home_care",
            "supported_accommodation", "shared_lives", "extra_care", "direct_payment", "day_care", "reablement");
    public static final List<String> PROVIDER_TYPES = List.of("in_house", "external");
    public static final List<String> COST_FREQUENCIES = List.of("hourly", "daily", "weekly", "four_weekly",
            "monthly", "annual", "one_off");
    public static final List<String> FUNDING_SOURCES = List.of("la", "chc", "joint", "fnc");
    public static final List<String> LINE_TYPES = List.of("base", "growth", "saving", "transfer", "pressure");

    public static final InputContract SERVICE_USERS = new InputContract("service_users", List.of(
            required(Columns.PERSON_ID, DataTypes.StringType),
            required(Columns.BIRTH_YEAR, DataTypes.IntegerType),
            required(Columns.BIRTH_MONTH, DataTypes.IntegerType),
            category(Columns.SEX, SEXES),
            optional(Columns.ETHNICITY, DataTypes.StringType),
            required(Columns.LA_CODE, DataTypes.StringType),
            category(Columns.PRIMARY_SUPPORT_REASON, SUPPORT_REASONS),
            optional(Columns.DATE_OF_DEATH, DataTypes.DateType)));

    public static final InputContract PLACEMENTS = new InputContract("placements", List.of(
            required(Columns.PLACEMENT_ID, DataTypes.StringType),
            required(Columns.PERSON_ID, DataTypes.StringType),
            category(Columns.SETTING, SETTINGS),
            category(Columns.PROVIDER_TYPE, PROVIDER_TYPES),
            required(Columns.START_DATE, DataTypes.DateType),
            optional(Columns.END_DATE, DataTypes.DateType),
            required(Columns.UNIT_COST, Money.POUNDS),
            category(Columns.COST_FREQUENCY, COST_FREQUENCIES),
            optional(Columns.UNITS_PER_WEEK, UNITS),
            category(Columns.FUNDING_SOURCE, FUNDING_SOURCES),
            optional(Columns.CLIENT_CONTRIBUTION_WEEKLY, Money.POUNDS)));

    public static final InputContract COST_ASSUMPTIONS = new InputContract("cost_assumptions", List.of(
            required(Columns.FINANCIAL_YEAR, DataTypes.StringType),
            category(Columns.SETTING, SETTINGS),
            required(Columns.PRICE_UPLIFT_PCT, PCT),
            required(Columns.NLW_RATE, Money.POUNDS),
            required(Columns.NLW_UPLIFT_PCT, PCT),
            required(Columns.LABOUR_SHARE, SHARE)));

    public static final InputContract BUDGETS = new InputContract("budgets", List.of(
            required(Columns.LA_CODE, DataTypes.StringType),
            required(Columns.SERVICE_AREA, DataTypes.StringType),
            required(Columns.FINANCIAL_YEAR, DataTypes.StringType),
            category(Columns.LINE_TYPE, LINE_TYPES),
            required(Columns.LINE_ID, DataTypes.StringType),
            optional(Columns.DESCRIPTION, DataTypes.StringType),
            required(Columns.AMOUNT, Money.POUNDS)));

    /**
     * Young people aged 14-17 known to children's services with expected adult needs (optional
     * input). The person is pseudonymised like a service user; an empty likelihood means 1.
     */
    public static final InputContract TRANSITIONS = new InputContract("transitions", List.of(
            required(Columns.PERSON_ID, DataTypes.StringType),
            required(Columns.BIRTH_YEAR, DataTypes.IntegerType),
            required(Columns.BIRTH_MONTH, DataTypes.IntegerType),
            category(Columns.SEX, SEXES),
            required(Columns.LA_CODE, DataTypes.StringType),
            category(Columns.PRIMARY_SUPPORT_REASON, SUPPORT_REASONS),
            category(Columns.EXPECTED_SETTING, SETTINGS),
            required(Columns.EXPECTED_WEEKLY_COST, Money.POUNDS),
            optional(Columns.LIKELIHOOD, SHARE)));

    private Contracts() {
    }
}

package uk.carecast.demand;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;

/**
 * The budget client group of a person: Learning Disability and Mental Health by primary support
 * reason, everyone else by age (Older People at 65 and over, Physical Disability under 65), as
 * council budgets group them.
 */
public final class ClientGroups {

    public static final String LEARNING_DISABILITY = "Learning Disability";
    public static final String MENTAL_HEALTH = "Mental Health";
    public static final String OLDER_PEOPLE = "Older People";
    public static final String PHYSICAL_DISABILITY = "Physical Disability";

    private ClientGroups() {
    }

    public static Column of(Column primarySupportReason, Column ageBand) {
        return when(primarySupportReason.equalTo("Learning Disability Support"), lit(LEARNING_DISABILITY))
                .when(primarySupportReason.equalTo("Mental Health Support"), lit(MENTAL_HEALTH))
                .when(ageBand.equalTo("18-64"), lit(PHYSICAL_DISABILITY))
                .otherwise(lit(OLDER_PEOPLE));
    }
}

package uk.carecast.demand;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import uk.carecast.config.ServiceAreaRule;

/** The job file's setting × client group → service area rules as one column expression. */
public final class ServiceAreas {

    public static final String UNMAPPED = "Unmapped";

    private ServiceAreas() {
    }

    public static Column of(List<ServiceAreaRule> rules, Column setting, Column clientGroup) {
        Column result = lit(UNMAPPED);
        for (int i = rules.size() - 1; i >= 0; i--) {
            ServiceAreaRule rule = rules.get(i);
            result = when(matches(setting, rule.setting()).and(matches(clientGroup, rule.clientGroup())),
                    lit(rule.serviceArea())).otherwise(result);
        }
        return result;
    }

    /** For rows whose setting is known in advance (people a scenario moves into it). */
    public static Column of(List<ServiceAreaRule> rules, String setting, Column clientGroup) {
        List<ServiceAreaRule> forSetting = rules.stream()
                .filter(r -> ServiceAreaRule.ANY.equals(r.setting()) || r.setting().equals(setting))
                .map(r -> new ServiceAreaRule(ServiceAreaRule.ANY, r.clientGroup(), r.serviceArea()))
                .toList();
        return of(forSetting, lit(setting), clientGroup);
    }

    private static Column matches(Column value, String pattern) {
        return ServiceAreaRule.ANY.equals(pattern) ? lit(true) : value.equalTo(lit(pattern));
    }
}

package uk.carecast.config;

import java.math.BigDecimal;
import java.util.List;

/**
 * One change a scenario makes from its start year on, to the do-nothing projection:
 * <ul>
 *   <li>{@code clients}: clients (and their cost) in {@code setting} change by {@code percent}
 *       (e.g. -10 for reablement keeping people out of home care);</li>
 *   <li>{@code shift}: {@code percent} of the clients in {@code setting} move to {@code to}, costed
 *       at that setting's average cost per client in the area and year (e.g. 5% of residential
 *       care to extra care);</li>
 *   <li>{@code price}: the price uplift of {@code setting} ({@code *} for all) rises by
 *       {@code percent} points a year, compounding.</li>
 * </ul>
 */
public record Intervention(String type, String setting, String to, BigDecimal percent, String start) {

    public static final List<String> TYPES = List.of("clients", "shift", "price");

    public Intervention {
        JobConfig.require(type, "scenarios[].interventions[].type");
        JobConfig.require(percent, "scenarios[].interventions[].percent");
        JobConfig.require(start, "scenarios[].interventions[].start");
        if (!TYPES.contains(type)) {
            throw new ConfigException("intervention type must be one of " + TYPES + ", got " + type);
        }
        setting = setting == null ? "*" : setting;
        if (type.equals("shift") && (to == null || setting.equals("*"))) {
            throw new ConfigException("a shift intervention names the setting it moves people from and 'to'");
        }
        uk.carecast.time.FinancialYear.parse(start);
    }
}

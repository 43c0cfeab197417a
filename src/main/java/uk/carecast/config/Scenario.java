package uk.carecast.config;

import java.util.List;

/** A named what-if: interventions applied to the do-nothing projection. */
public record Scenario(String name, List<Intervention> interventions) {

    public static final String DO_NOTHING = "do_nothing";

    public Scenario {
        JobConfig.require(name, "scenarios[].name");
        if (name.equals(DO_NOTHING)) {
            throw new ConfigException("'do_nothing' is always projected; name the scenario something else");
        }
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }
}

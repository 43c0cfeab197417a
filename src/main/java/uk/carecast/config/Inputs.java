package uk.carecast.config;

import java.util.List;
import java.util.Optional;

/**
 * Where the job's input files are: CSV with a header row, or Parquet with the same columns.
 * {@code transitions} is optional: absent (or empty), the job projects no transitions.
 */
public record Inputs(
        String serviceUsers,
        String placements,
        String costAssumptions,
        String budgets,
        List<String> population,
        String transitions) {

    public Inputs {
        JobConfig.require(serviceUsers, "inputs.service_users");
        JobConfig.require(placements, "inputs.placements");
        JobConfig.require(costAssumptions, "inputs.cost_assumptions");
        JobConfig.require(budgets, "inputs.budgets");
        JobConfig.require(population, "inputs.population");
        if (population.isEmpty()) {
            throw new ConfigException("inputs.population lists no file");
        }
        population = List.copyOf(population);
        transitions = transitions == null || transitions.isBlank() ? null : transitions;
    }

    public Optional<String> transitionsFile() {
        return Optional.ofNullable(transitions);
    }
}

package uk.carecast.config;

import java.util.List;

/** Where the job's input files are: CSV with a header row, or Parquet with the same columns. */
public record Inputs(
        String serviceUsers,
        String placements,
        String costAssumptions,
        String budgets,
        List<String> population) {

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
    }
}

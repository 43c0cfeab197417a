package uk.carecast.config;

import java.util.List;
import java.util.Map;

/**
 * The demand-forecast job, as read from {@code jobs/demand-forecast.yaml} with any {@code --set}
 * overrides applied. Paths are relative to the directory the job is started from.
 */
public record JobConfig(
        String job,
        String master,
        Map<String, String> sparkConf,
        Inputs inputs,
        String output,
        Snapshots snapshots,
        int horizonYears,
        Pseudonymisation pseudonymisation,
        List<ServiceAreaRule> serviceAreas,
        Validation validation,
        Map<String, InputOptions> inputOptions,
        Map<String, String> populationAreas,
        Backtest backtest,
        Trend trend,
        List<Scenario> scenarios,
        String budgetScenario,
        NetCost netCost,
        ProjectionOptions projection,
        RateOptions rates,
        Refresh refresh,
        Boolean progressBar,
        Integer lockWaitSeconds) {

    /** Half an hour: longer than a whole-country refresh takes, short enough that a stuck run is noticed the same day. */
    static final int DEFAULT_LOCK_WAIT_SECONDS = 1800;

    public JobConfig {
        require(inputs, "inputs");
        require(output, "output");
        require(snapshots, "snapshots");
        require(pseudonymisation, "pseudonymisation");
        require(serviceAreas, "service_areas");
        if (horizonYears < 1 || horizonYears > 15) {
            throw new ConfigException("horizon_years must be between 1 and 15, got " + horizonYears);
        }
        master = master == null ? "local[*]" : master;
        sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
        serviceAreas = List.copyOf(serviceAreas);
        validation = validation == null ? Validation.DEFAULTS : validation;
        inputOptions = inputOptions == null ? Map.of() : Map.copyOf(inputOptions);
        populationAreas = populationAreas == null ? Map.of() : Map.copyOf(populationAreas);
        trend = trend == null ? Trend.DEFAULTS : trend;
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        budgetScenario = budgetScenario == null ? Scenario.DO_NOTHING : budgetScenario;
        netCost = netCost == null ? NetCost.DEFAULTS : netCost;
        projection = projection == null ? ProjectionOptions.DEFAULTS : projection;
        rates = rates == null ? RateOptions.DEFAULTS : rates;
        progressBar = progressBar != null && progressBar;
        lockWaitSeconds = lockWaitSeconds == null ? DEFAULT_LOCK_WAIT_SECONDS : lockWaitSeconds;
        if (lockWaitSeconds < 0) {
            throw new ConfigException("lock_wait_seconds must be 0 (fail at once) or more, got " + lockWaitSeconds);
        }
        refresh = (refresh == null ? new Refresh(null, null) : refresh).completedFrom(snapshots.latestDate());
        String chosen = budgetScenario;
        if (!chosen.equals(Scenario.DO_NOTHING) && scenarios.stream().noneMatch(s -> s.name().equals(chosen))) {
            throw new ConfigException("budget_scenario '" + chosen + "' is not do_nothing or a scenario of the job");
        }
    }

    /**
     * The session settings: the job file's {@code spark_conf}, plus Spark's console progress bar,
     * off unless {@code progress_bar: true}, because the stage lines already say where the run is and
     * the bar's redrawn line garbles a log file.
     */
    public Map<String, String> sparkSettings() {
        Map<String, String> settings = new java.util.HashMap<>(sparkConf);
        settings.putIfAbsent("spark.ui.showConsoleProgress", String.valueOf(progressBar));
        return settings;
    }

    /** How long a run waits for another run on the same output folder to finish before it gives up. */
    public java.time.Duration lockWait() {
        return java.time.Duration.ofSeconds(lockWaitSeconds);
    }

    /** The read options of one input table (service_users, placements, ...), defaults if none are set. */
    public InputOptions optionsFor(String table) {
        return inputOptions.getOrDefault(table, InputOptions.DEFAULTS);
    }

    static void require(Object value, String key) {
        if (value == null) {
            throw new ConfigException("job file has no '" + key + "'");
        }
    }
}

package uk.carecast.pipeline;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import uk.carecast.budget.BudgetMtfsStage;
import uk.carecast.config.ConfigException;
import uk.carecast.config.JobConfig;
import uk.carecast.demand.DemandSnapshotStage;
import uk.carecast.flows.FlowsStage;
import uk.carecast.growth.GrowthRequirementStage;
import uk.carecast.ingest.IngestStage;
import uk.carecast.projection.ProjectionStage;
import uk.carecast.publish.OutputLock;
import uk.carecast.publish.OutputStore;
import uk.carecast.rates.UsageRatesStage;
import uk.carecast.refresh.RefreshVarianceStage;
import uk.carecast.scenario.ScenarioStage;
import uk.carecast.transitions.TransitionsStage;
import uk.carecast.unitcost.UnitCostsStage;

/** The demand-forecast job: every stage in pipeline order, or the ones named with --stage. */
public final class DemandForecastJob {

    public static final List<Stage> STAGES = List.of(
            new IngestStage(),
            new DemandSnapshotStage(),
            new UnitCostsStage(),
            new UsageRatesStage(),
            new ProjectionStage(),
            new TransitionsStage(),
            new FlowsStage(),
            new ScenarioStage(),
            new GrowthRequirementStage(),
            new BudgetMtfsStage(),
            new RefreshVarianceStage());

    private DemandForecastJob() {
    }

    public static List<StageReport> run(SparkSession spark, JobConfig config, List<String> stageNames, PrintStream progress) {
        List<Stage> chosen = stageNames.isEmpty() ? STAGES : stageNames.stream().map(DemandForecastJob::stage).toList();
        OutputStore store = new OutputStore(spark, config.output(), "run-" + UUID.randomUUID());
        try (OutputLock lock = store.lock(config.lockWait(), progress)) {
            store.checkWritable();
            return new Pipeline(chosen, progress).run(new StageContext(spark, config, store, progress));
        }
    }

    private static Stage stage(String name) {
        return STAGES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigException("no stage '" + name + "'; the stages are "
                        + STAGES.stream().map(Stage::name).toList()));
    }
}

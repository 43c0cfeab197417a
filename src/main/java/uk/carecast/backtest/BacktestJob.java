package uk.carecast.backtest;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.JobConfig;
import uk.carecast.demand.DemandSnapshotStage;
import uk.carecast.ingest.IngestStage;
import uk.carecast.pipeline.Pipeline;
import uk.carecast.pipeline.StageContext;
import uk.carecast.pipeline.StageReport;
import uk.carecast.publish.OutputLock;
import uk.carecast.publish.OutputStore;
import uk.carecast.rates.UsageRatesStage;

/** The backtest job: ingest, demand snapshots and usage rates as the forecast has them, then the backtest. */
public final class BacktestJob {

    private BacktestJob() {
    }

    public static List<StageReport> run(SparkSession spark, JobConfig config, PrintStream progress) {
        OutputStore store = new OutputStore(spark, config.output(), "run-" + UUID.randomUUID());
        try (OutputLock lock = store.lock(config.lockWait(), progress)) {
            return new Pipeline(List.of(new IngestStage(), new DemandSnapshotStage(), new UsageRatesStage(),
                    new BacktestStage()), progress).run(new StageContext(spark, config, store, progress));
        }
    }
}

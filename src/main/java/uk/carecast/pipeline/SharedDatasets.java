package uk.carecast.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Datasets that two or more of a run's stages build the same way from the tables before them, such as
 * the active placements both {@code demand_snapshot} and {@code unit_costs} aggregate: the first stage
 * to ask builds and caches it, the others read the cache. A name that only one stage of the run shares
 * is built as asked and not cached, so a stage run alone pays for no cache nobody reads.
 */
public final class SharedDatasets {

    /** Each shared name's last stage, by position in the run; only names two or more stages share. */
    private final Map<String, Integer> lastReader;
    private final Map<String, Dataset<Row>> built = new HashMap<>();

    private SharedDatasets(Map<String, Integer> lastReader) {
        this.lastReader = Map.copyOf(lastReader);
    }

    /** Shares nothing: every dataset is built as asked (a stage run on its own, as in the stages' tests). */
    public static SharedDatasets none() {
        return new SharedDatasets(Map.of());
    }

    /** What the given stages, run in this order, share. */
    public static SharedDatasets among(List<Stage> stages) {
        Map<String, Integer> readers = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            for (String name : stages.get(i).shares()) {
                readers.merge(name, 1, Integer::sum);
                last.put(name, i);
            }
        }
        last.keySet().removeIf(name -> readers.get(name) < 2);
        return new SharedDatasets(last);
    }

    /** The dataset of this name: cached on first use when another stage of the run shares it. */
    public Dataset<Row> get(String name, Supplier<Dataset<Row>> build) {
        if (!lastReader.containsKey(name)) {
            return build.get();
        }
        return built.computeIfAbsent(name, n -> build.get().persist(StorageLevel.MEMORY_AND_DISK()));
    }

    /** Whether a stage after the one at this position is still to read a dataset cached so far. */
    boolean stillToBeRead(int stage) {
        return built.keySet().stream().anyMatch(name -> lastReader.get(name) > stage);
    }

    /** Forgets what was built, once Spark's cache has been cleared. */
    void forget() {
        built.clear();
    }
}

package uk.carecast.export;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.carecast.config.ConfigException;
import uk.carecast.config.Refresh;
import uk.carecast.publish.MissingTableException;
import uk.carecast.publish.RefreshHistory;

/**
 * One refresh's tables as the Delta history under {@code <output>/history/} holds them. With no
 * refresh asked for it is the latest as-at date, as refresh_variance reckons "previous", not the
 * latest written: a re-run of an old quarter must not become the export's default.
 */
public final class HistoryRefresh {

    /** Every refresh writes it, so it lists the refreshes there are. */
    static final String ANCHOR = "budget_mtfs";

    private final RefreshHistory history;
    private final Refresh refresh;
    private final List<Refresh> all;

    private HistoryRefresh(RefreshHistory history, Refresh refresh, List<Refresh> all) {
        this.history = history;
        this.refresh = refresh;
        this.all = all;
    }

    public static HistoryRefresh open(SparkSession spark, String output, String requestedId) {
        RefreshHistory history = new RefreshHistory(spark, output);
        Dataset<Row> anchor = history.readIfExists(ANCHOR).orElseThrow(() -> new MissingTableException(
                "no history of " + ANCHOR + " under " + history.root() + ": run jobs/run demand-forecast first"));
        List<Refresh> all = anchor.select(RefreshHistory.REFRESH_ID, RefreshHistory.AS_AT_DATE).distinct()
                .orderBy(col(RefreshHistory.AS_AT_DATE), col(RefreshHistory.REFRESH_ID)).collectAsList().stream()
                .map(r -> new Refresh(r.getString(0), r.getDate(1).toString())).toList();
        if (all.isEmpty()) {
            throw new MissingTableException("the history under " + history.root() + " holds no refresh yet");
        }
        Refresh chosen = requestedId == null ? all.get(all.size() - 1) : all.stream()
                .filter(r -> r.id().equals(requestedId)).findFirst()
                .orElseThrow(() -> new ConfigException("refresh '" + requestedId + "' is not in the history under "
                        + history.root() + "; it holds " + all.stream().map(Refresh::id).toList()));
        return new HistoryRefresh(history, chosen, all);
    }

    public Refresh refresh() {
        return refresh;
    }

    /** Every refresh in the history, oldest as-at date first. */
    public List<Refresh> all() {
        return all;
    }

    public String root() {
        return history.root();
    }

    /** The table's rows of this refresh, without the history's own columns. */
    public Dataset<Row> table(String name) {
        return optional(name).orElseThrow(() -> new MissingTableException("no history of " + name + " under "
                + history.root() + ": the export needs it (run jobs/run demand-forecast with this version)"));
    }

    public Optional<Dataset<Row>> optional(String name) {
        return history.readIfExists(name).map(t -> t.filter(col(RefreshHistory.REFRESH_ID).equalTo(refresh.id()))
                .drop(RefreshHistory.REFRESH_ID, RefreshHistory.AS_AT_DATE));
    }
}

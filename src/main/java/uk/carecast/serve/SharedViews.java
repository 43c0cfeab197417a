package uk.carecast.serve;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import uk.carecast.query.OutputTable;

/**
 * Makes the output tables visible to every Spark Connect session. The server gives each client a
 * session of its own, and temp views live in one session, so each table becomes a view in the
 * catalog all sessions of the Spark application share. The view reads the path at every query:
 * a run that republishes the outputs while the server is up is seen without a restart.
 */
public final class SharedViews {

    private SharedViews() {
    }

    public static void create(SparkSession spark, List<OutputTable> tables) {
        for (OutputTable t : tables) {
            spark.sql("CREATE OR REPLACE VIEW `" + t.name() + "` AS " + t.select());
        }
    }
}

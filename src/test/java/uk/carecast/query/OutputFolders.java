package uk.carecast.query;

import org.apache.spark.sql.SparkSession;

/** Writes small output folders for tests, laid out as a run writes them: tables at the top, histories under {@code history/}. */
final class OutputFolders {

    private OutputFolders() {
    }

    /** A published table from SQL {@code VALUES}, e.g. {@code "('x', 1) as t(area, amount)"}. */
    static void table(SparkSession spark, String output, String table, String values) {
        spark.sql("select * from values " + values).write().parquet(output + "/" + table);
    }

    /** A Delta history of {@code table} from SQL {@code VALUES}, read back as {@code <table>_history}. */
    static void history(SparkSession spark, String output, String table, String values) {
        spark.sql("select * from values " + values).write().format("delta").save(output + "/history/" + table);
    }
}

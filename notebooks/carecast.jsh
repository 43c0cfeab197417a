// Loaded by every notebook (%load carecast.jsh, after %jars target/spark-connect-client).
// Spark does not run on the kernel's Java 25, so the notebook is a Spark Connect client of
// "jobs/run serve", which has every output table registered by name.
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.*;

String connectAddress = System.getenv().getOrDefault("CARECAST_CONNECT", "sc://127.0.0.1:15002");
SparkSession spark = SparkSession.builder().remote(connectAddress).getOrCreate();

Dataset<Row> sql(String query) {
    return spark.sql(query);
}

String escapeHtml(Object value) {
    String text = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
}

// An HTML table rather than show()'s text: a reader copies it into a spreadsheet as it is.
// Numbers are right-aligned and printed as stored (decimals keep their pence).
void show(Dataset<Row> result) {
    int limit = 500;
    List<Row> rows = result.limit(limit + 1).collectAsList();
    String[] columns = result.columns();
    StringBuilder html = new StringBuilder("<table><thead><tr>");
    for (String c : columns) {
        html.append("<th>").append(escapeHtml(c)).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (Row r : rows.subList(0, Math.min(limit, rows.size()))) {
        html.append("<tr>");
        for (int i = 0; i < columns.length; i++) {
            Object v = r.get(i);
            String align = v instanceof Number ? " style=\"text-align:right\"" : "";
            html.append("<td").append(align).append(">").append(v == null ? "" : escapeHtml(v)).append("</td>");
        }
        html.append("</tr>");
    }
    html.append("</tbody></table>");
    if (rows.isEmpty()) {
        html.append("<p>(no rows)</p>");
    } else if (rows.size() > limit) {
        html.append("<p>first ").append(limit).append(" rows shown</p>");
    }
    display("text/html", html.toString());
}

void show(String query) {
    show(sql(query));
}

// The export job's PNG charts (jobs/run export) lie in the output folder, which the server does not hand
// out, so the notebook reads them from disk: ../output, or the folder in CARECAST_OUTPUT, for the latest
// refresh in the history.
void showChart(String file) {
    File exports = new File(System.getenv().getOrDefault("CARECAST_OUTPUT", "../output"), "exports");
    String refresh = sql("select max_by(refresh_id, as_at_date) from cost_projection_history").first().getString(0);
    File chart = new File(exports, "carecast-" + refresh + "/" + file);
    if (!chart.isFile()) {
        System.out.println("No chart " + chart + ": jobs/run export draws it (tables above have the same figures).");
        return;
    }
    try {
        display(javax.imageio.ImageIO.read(chart));
    } catch (IOException e) {
        throw new UncheckedIOException(e);
    }
}

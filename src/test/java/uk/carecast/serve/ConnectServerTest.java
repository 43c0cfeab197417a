package uk.carecast.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.query.OutputCatalog;
import uk.carecast.query.OutputTable;
import uk.carecast.query.QueryException;
import uk.carecast.support.SparkTest;

@SparkTest
class ConnectServerTest {

    @Test
    void everyConnectSessionQueriesTheOutputTablesByName(SparkSession spark, @TempDir Path dir) {
        String output = dir.resolve("output").toString();
        spark.sql("select * from values ('residential', 10), ('home_care', 25), ('residential', 5)"
                + " as t(setting, clients)").write().parquet(output + "/demand_snapshot");
        spark.sql("select * from values ('2025Q2', 10), ('2025Q2', 20), ('2025Q3', 12), ('2025Q3', 21)"
                        + " as t(refresh_id, clients)")
                .write().format("delta").partitionBy("refresh_id").save(output + "/history/unit_costs");
        List<OutputTable> tables = OutputCatalog.tables(output);

        SharedViews.create(spark, tables);
        try (ConnectServer server = ConnectServer.start(spark, "127.0.0.1", 0)) {
            assertNotEquals(0, server.port());
            assertEquals("sc://127.0.0.1:" + server.port(), server.address());
            // Two clients, two server-side sessions: a temp view in either would be missing from the other.
            try (var first = client(server); var second = client(server)) {
                assertNotEquals(first.sessionId(), second.sessionId());
                // residential 10 + 5 = 15; home_care 25.
                assertEquals(List.of("home_care|25", "residential|15"), rows(first.sql(
                        "select setting, sum(clients) from demand_snapshot group by setting order by setting")));
                // 2025Q2: 10 + 20 = 30; 2025Q3: 12 + 21 = 33.
                assertEquals(List.of("2025Q2|30", "2025Q3|33"), rows(second.sql(
                        "select refresh_id, sum(clients) from unit_costs_history group by refresh_id order by 1")));

                // A run republishes the table while the server is up: the next query reads the new files.
                spark.sql("select * from values ('residential', 7) as t(setting, clients)")
                        .write().mode("overwrite").parquet(output + "/demand_snapshot");
                assertEquals(List.of("residential|7"), rows(first.sql(
                        "select setting, sum(clients) from demand_snapshot group by setting")));
            }
        } finally {
            tables.forEach(t -> spark.sql("DROP VIEW IF EXISTS `" + t.name() + "`"));
        }
    }

    @Test
    void argumentsDefaultToLoopbackOnTheUsualPort() {
        assertEquals(new ServeCommand.Arguments("output", "127.0.0.1", 15002), ServeCommand.Arguments.parse(List.of()));
        assertEquals(new ServeCommand.Arguments("target/out", "0.0.0.0", 15010),
                ServeCommand.Arguments.parse(List.of("--port", "15010", "--output", "target/out", "--host", "0.0.0.0")));
        var e = assertThrows(QueryException.class, () -> ServeCommand.Arguments.parse(List.of("--port", "http")));
        assertTrue(e.getMessage().startsWith("--port http is not a port number"), e.getMessage());
    }

    /**
     * A real Spark Connect client. The server jar carries the client classes, so the test uses
     * those: the separate client jar repackages the same protocol classes under other names, and the
     * two cannot share one JVM. The notebooks in CI use the separate client.
     */
    private static org.apache.spark.sql.connect.SparkSession client(ConnectServer server) {
        return org.apache.spark.sql.connect.SparkSession.builder().remote(server.address()).create();
    }

    private static List<String> rows(Dataset<Row> result) {
        return result.collectAsList().stream().map(r -> r.get(0) + "|" + r.get(1)).toList();
    }
}

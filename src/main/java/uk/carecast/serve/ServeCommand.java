package uk.carecast.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import uk.carecast.query.OutputCatalog;
import uk.carecast.query.OutputTable;
import uk.carecast.query.QueryException;
import uk.carecast.spark.Sessions;

/**
 * {@code serve [--output DIR] [--port 15002] [--host 127.0.0.1]}: serves the output tables over
 * Spark Connect until Ctrl-C, for notebooks and other clients that cannot run Spark themselves.
 * Loopback by default: Spark Connect has no authentication, and a client may read any file the
 * server can.
 */
public final class ServeCommand {

    private static final String USAGE = "usage: serve [--output DIR] [--port 15002] [--host 127.0.0.1]";

    private ServeCommand() {
    }

    public record Arguments(String output, String host, int port) {

        public static Arguments parse(List<String> args) {
            String output = "output";
            String host = "127.0.0.1";
            String port = "15002";
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (i + 1 >= args.size() || !List.of("--output", "--host", "--port").contains(a)) {
                    throw new QueryException("unexpected argument '" + a + "'; " + USAGE);
                }
                String value = args.get(++i);
                switch (a) {
                    case "--output" -> output = value;
                    case "--host" -> host = value;
                    default -> port = value;
                }
            }
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
                throw new QueryException("--port " + port + " is not a port number; " + USAGE);
            }
            return new Arguments(output, host, Integer.parseInt(port));
        }
    }

    /** Serves until Ctrl-C or a kill, then stops the server and Spark. */
    public static void run(Arguments args, PrintStream out) {
        long started = System.nanoTime();
        List<OutputTable> tables = OutputCatalog.tables(args.output());
        Path warehouse = tempWarehouse();
        SparkSession spark = Sessions.start("carecast serve", "local[*]", Map.of(
                "spark.ui.enabled", "false",
                "spark.ui.showConsoleProgress", "false",
                // A notebook's queries read a few thousand rows: Spark's 200 shuffle partitions and Delta's 50
                // for reading a history's log are hundreds of tasks for nothing on a laptop's cores.
                "spark.sql.shuffle.partitions", "8",
                "spark.databricks.delta.snapshotPartitions", "4",
                // The views are held in memory; this keeps Spark's empty default-database folder out of the working directory.
                "spark.sql.warehouse.dir", warehouse.toUri().toString()));
        try {
            SharedViews.create(spark, tables);
            try (ConnectServer server = ConnectServer.start(spark, args.host(), args.port())) {
                out.printf("carecast: serving %d tables from %s on %s (ready in %.0f s; Ctrl-C stops)%n",
                        tables.size(), args.output(), server.address(), (System.nanoTime() - started) / 1e9);
                out.println("  tables: " + String.join(", ", tables.stream().map(OutputTable::name).toList()));
                out.println("  connect: SparkSession.builder().remote(\"" + server.address() + "\").getOrCreate()");
                out.flush();
                String signal = StopSignal.await();
                out.println("carecast: stopping (" + signal + ")");
            }
        } finally {
            spark.stop();
            deleteTree(warehouse);
        }
    }

    private static Path tempWarehouse() {
        try {
            return Files.createTempDirectory("carecast-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the server has already stopped.
        }
    }
}

package uk.carecast.serve;

import java.net.BindException;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import uk.carecast.query.QueryException;

/**
 * The Spark Connect service over a running session: clients that connect to {@link #address()}
 * get sessions of this Spark application, so they see its catalog. Closing stops the service, not
 * Spark.
 */
public final class ConnectServer implements AutoCloseable {

    private final String host;
    private final int port;

    private ConnectServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Starts serving on {@code host:port}; port 0 takes any free port. */
    public static ConnectServer start(SparkSession spark, String host, int port) {
        // The service reads its address from the live configuration when it starts, so setting it
        // here serves a session however it was built (a test's shared one included).
        SparkEnv.get().conf().set("spark.connect.grpc.binding.address", host);
        SparkEnv.get().conf().set("spark.connect.grpc.binding.port", Integer.toString(port));
        try {
            SparkConnectService.start(spark.sparkContext());
        } catch (Exception e) {
            // Scala throws BindException undeclared, so Java cannot catch it by name.
            if (rootCause(e) instanceof BindException) {
                throw new QueryException("cannot serve on " + host + ":" + port + " (" + rootCause(e).getMessage()
                        + "): is another server running? choose another with --port");
            }
            throw e;
        }
        return new ConnectServer(host, SparkConnectService$.MODULE$.localPort());
    }

    public int port() {
        return port;
    }

    public String address() {
        return "sc://" + host + ":" + port;
    }

    @Override
    public void close() {
        SparkConnectService.stop(scala.Option.empty(), scala.Option.empty());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}

package uk.carecast.support;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import uk.carecast.spark.Sessions;

/**
 * One local SparkSession for the whole test run, built the way the job builds its own, and
 * stopped when JUnit closes its root store. Starting a session per class would cost seconds each.
 */
public final class SharedSparkSession implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class).spark;
    }

    private static final class Holder implements AutoCloseable {
        final SparkSession spark = Sessions.start("carecast tests", "local[2]", Map.of(
                "spark.sql.shuffle.partitions", "4",
                "spark.ui.enabled", "false",
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1"));

        @Override
        public void close() {
            spark.stop();
        }
    }
}

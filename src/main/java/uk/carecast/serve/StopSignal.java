package uk.carecast.serve;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for Ctrl-C or a kill. Handling the signal, rather than stopping in a shutdown hook,
 * lets the caller stop the server and Spark in order and the command exit with status 0 (a JVM
 * ended by SIGINT exits 130 whatever its hooks do).
 */
final class StopSignal {

    private StopSignal() {
    }

    /** Returns the name of the signal received: INT (Ctrl-C), TERM (kill) or HUP (terminal closed). */
    static String await() {
        CountDownLatch received = new CountDownLatch(1);
        String[] name = new String[1];
        for (String signal : List.of("INT", "TERM", "HUP")) {
            Signal.handle(new Signal(signal), s -> {
                name[0] = s.getName();
                received.countDown();
            });
        }
        try {
            received.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupt";
        }
        return name[0];
    }
}

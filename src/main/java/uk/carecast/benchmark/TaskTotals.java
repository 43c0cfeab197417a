package uk.carecast.benchmark;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Adds up, over a run, what Spark's tasks spilled to disk, the failed tasks, and the tasks' own CPU time. */
final class TaskTotals extends SparkListener {

    private final AtomicLong diskBytesSpilled = new AtomicLong();
    private final AtomicLong failedTasks = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskMetrics() != null) {
            diskBytesSpilled.addAndGet(taskEnd.taskMetrics().diskBytesSpilled());
            cpuNanos.addAndGet(taskEnd.taskMetrics().executorCpuTime());
        }
        if (!taskEnd.taskInfo().successful()) {
            failedTasks.incrementAndGet();
        }
    }

    /**
     * The task threads' CPU time of every task ended so far. It first waits until Spark's listener bus
     * has handed on every event posted: a task's end reaches listeners on the bus's own thread, after
     * the job that ran it has returned, so totals read straight after a run could miss its last tasks
     * (the spill and failure counts read after this call are caught up too). The bus's wait is internal
     * to Spark (public only in bytecode); the benchmark alone uses it.
     */
    double settledCpuSeconds(SparkContext spark) {
        try {
            spark.listenerBus().waitUntilEmpty(10_000);
        } catch (TimeoutException e) {
            System.err.println("benchmark: Spark's listener bus did not empty within 10 s; the task figures may miss"
                    + " the last tasks");
        }
        return cpuNanos.get() / 1e9;
    }

    long diskBytesSpilled() {
        return diskBytesSpilled.get();
    }

    long failedTasks() {
        return failedTasks.get();
    }
}

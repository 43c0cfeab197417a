package uk.carecast.benchmark;

import java.util.concurrent.atomic.AtomicLong;
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

    long diskBytesSpilled() {
        return diskBytesSpilled.get();
    }

    long failedTasks() {
        return failedTasks.get();
    }

    /** The task threads' CPU time so far; the listener hears of a task when it ends. */
    double cpuSeconds() {
        return cpuNanos.get() / 1e9;
    }
}

package uk.carecast.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Adds up what Spark's tasks spilled to disk, and the failed tasks, over a run. */
final class SpillListener extends SparkListener {

    private final AtomicLong diskBytesSpilled = new AtomicLong();
    private final AtomicLong failedTasks = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskMetrics() != null) {
            diskBytesSpilled.addAndGet(taskEnd.taskMetrics().diskBytesSpilled());
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
}

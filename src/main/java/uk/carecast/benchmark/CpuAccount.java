package uk.carecast.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Where a run's CPU went: the whole process's CPU seconds, and of them Spark's task threads,
 * HotSpot's JIT compiler threads, its garbage collector's threads and the rest (the driver, the
 * shuffle, Delta's commits). In local mode the tasks are threads of this JVM, so all but the tasks'
 * share is what the queries cost around the work itself: at scale factor 150 on 2 cores the compiler
 * alone took about a fifth. Also the time the collector paused the application (wall time; for a
 * concurrent collector, ZGC or Shenandoah, the JVM counts its cycles instead).
 */
record CpuAccount(double wallSeconds, int cores, double processSeconds, double taskSeconds, double jitSeconds,
        double gcSeconds, double gcPauseSeconds) {

    /** The running totals at one moment: the JVM's, and the tasks' CPU as Spark's listener has added it up. */
    record Counters(double processSeconds, double taskSeconds, double jitSeconds, double gcSeconds,
            double gcPauseSeconds) {

        static Counters now(double taskSeconds) {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            double process = os instanceof com.sun.management.OperatingSystemMXBean hotspot
                    ? hotspot.getProcessCpuTime() / 1e9 : Double.NaN;
            long pauseMillis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                pauseMillis += Math.max(0, gc.getCollectionTime());
            }
            // HotSpot's names, cut to Linux's 15 characters: "C1 CompilerThre", "C2 CompilerThre"; the parallel
            // collector's and G1's workers "GC Thread#0", ..., and G1's own "G1 Conc#0", "G1 Refine#0", ... (the
            // serial collector works on the "VM Thread", which does other work too: its collections fall in the rest).
            return new Counters(process, taskSeconds, ThreadCpu.seconds(name -> name.contains("CompilerThre")),
                    ThreadCpu.seconds(name -> name.startsWith("GC Thread") || name.startsWith("G1 ")), pauseMillis / 1e3);
        }
    }

    /** The run between two readings of the counters, given the wall seconds between them. */
    static CpuAccount between(Counters start, Counters end, double wallSeconds, int cores) {
        return new CpuAccount(wallSeconds, cores, end.processSeconds() - start.processSeconds(),
                end.taskSeconds() - start.taskSeconds(), end.jitSeconds() - start.jitSeconds(), end.gcSeconds() - start.gcSeconds(),
                end.gcPauseSeconds() - start.gcPauseSeconds());
    }

    /** The process's CPU as a share of what the cores could give over the wall time. */
    double coresUsed() {
        return processSeconds / (cores * wallSeconds);
    }

    /** What neither the tasks, the compiler nor the collector used: the driver, the shuffle, Delta. */
    double restSeconds() {
        return processSeconds - taskSeconds - jitSeconds - gcSeconds;
    }

    String line() {
        return String.format("%-20s %9.1f   (CPU seconds of the process, %.0f%% of %d cores: Spark's tasks %s,"
                        + " JIT compiler %s, garbage collector %s, the rest %s; collection paused the run %.1f s)",
                "cpu", processSeconds, 100 * coresUsed(), cores, part(taskSeconds), part(jitSeconds), part(gcSeconds),
                part(restSeconds()), gcPauseSeconds);
    }

    Map<String, Object> figures(DoubleUnaryOperator round) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cores", cores);
        figures.put("process_cpu_seconds", round.applyAsDouble(processSeconds));
        figures.put("task_cpu_seconds", round.applyAsDouble(taskSeconds));
        figures.put("jit_compiler_cpu_seconds", orNull(round, jitSeconds));
        figures.put("gc_cpu_seconds", orNull(round, gcSeconds));
        figures.put("gc_pause_seconds", round.applyAsDouble(gcPauseSeconds));
        return figures;
    }

    private String part(double seconds) {
        return Double.isNaN(seconds) ? "not measured (no /proc)"
                : String.format("%.1f s (%.0f%%)", seconds, 100 * seconds / processSeconds);
    }

    private static Double orNull(DoubleUnaryOperator round, double seconds) {
        return Double.isNaN(seconds) ? null : round.applyAsDouble(seconds);
    }
}

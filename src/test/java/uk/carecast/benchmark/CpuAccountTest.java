package uk.carecast.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuAccountTest {

    @Test
    void theRunIsTheDifferenceBetweenTwoReadings() {
        CpuAccount cpu = CpuAccount.between(new CpuAccount.Counters(10.0, 4.0, 2.0, 3.0, 1.0),
                new CpuAccount.Counters(110.0, 54.0, 32.0, 13.0, 6.0), 60.0, 2);
        // Process 110 - 10 = 100 CPU-s; tasks 54 - 4 = 50; compiler 32 - 2 = 30; collector 13 - 3 = 10;
        // pauses 6 - 1 = 5 s.
        assertEquals(50.0, cpu.taskSeconds(), 1e-9);
        assertEquals(100.0, cpu.processSeconds(), 1e-9);
        assertEquals(30.0, cpu.jitSeconds(), 1e-9);
        assertEquals(10.0, cpu.gcSeconds(), 1e-9);
        assertEquals(5.0, cpu.gcPauseSeconds(), 1e-9);
        // The rest: 100 - 50 - 30 - 10 = 10. The cores: 100 CPU-s of the 2 x 60 = 120 they could give.
        assertEquals(10.0, cpu.restSeconds(), 1e-9);
        assertEquals(100.0 / 120.0, cpu.coresUsed(), 1e-9);
    }

    @Test
    void theLineGivesEachPartAndItsShareOfTheProcess() {
        CpuAccount cpu = new CpuAccount(60.0, 2, 100.0, 50.0, 30.0, 10.0, 5.0);
        // 100 / (2 x 60) = 83%; tasks 50 / 100 = 50%; compiler 30%; collector 10%; the rest 100 - 90 = 10 s, 10%.
        assertEquals("cpu                      100.0   (CPU seconds of the process, 83% of 2 cores: Spark's tasks 50.0 s"
                + " (50%), JIT compiler 30.0 s (30%), garbage collector 10.0 s (10%), the rest 10.0 s (10%);"
                + " collection paused the run 5.0 s)", cpu.line());
    }

    @Test
    void withoutProcTheJvmThreadsAreSaidNotMeasured() {
        CpuAccount cpu = new CpuAccount(60.0, 2, 100.0, 50.0, Double.NaN, Double.NaN, 5.0);
        assertTrue(cpu.line().contains("JIT compiler not measured (no /proc), garbage collector not measured (no /proc),"
                + " the rest not measured (no /proc)"), cpu.line());
        Map<String, Object> figures = cpu.figures(BenchmarkCommand::round);
        assertNull(figures.get("jit_compiler_cpu_seconds"));
        assertNull(figures.get("gc_cpu_seconds"));
    }

    @Test
    void theFiguresAreRoundedAsTheJsonLineGivesThem() {
        CpuAccount cpu = new CpuAccount(213.0, 2, 406.456, 246.444, 96.4, 36.0, 15.2);
        Map<String, Object> figures = cpu.figures(BenchmarkCommand::round);
        assertEquals(List.of("cores", "process_cpu_seconds", "task_cpu_seconds", "jit_compiler_cpu_seconds",
                "gc_cpu_seconds", "gc_pause_seconds"), List.copyOf(figures.keySet()));
        // To the hundredth: 406.456 -> 406.46, 246.444 -> 246.44; 96.4, 36.0 and 15.2 stay as they are.
        assertEquals(2, figures.get("cores"));
        assertEquals(406.46, (double) figures.get("process_cpu_seconds"), 1e-9);
        assertEquals(246.44, (double) figures.get("task_cpu_seconds"), 1e-9);
        assertEquals(96.4, (double) figures.get("jit_compiler_cpu_seconds"), 1e-9);
        assertEquals(36.0, (double) figures.get("gc_cpu_seconds"), 1e-9);
        assertEquals(15.2, (double) figures.get("gc_pause_seconds"), 1e-9);
    }

    @Test
    void aStatLineIsReadFromAfterTheThreadsName() {
        // A name with a space and a closing bracket of its own, "a) b": read from the first ')' the fields would
        // start at "b)", and utime and stime would be 10 and 1234. From the last ')': state R, fields 4-13, then
        // utime 1234 (field 14) and stime 56 (field 15): 1234 + 56 = 1290 ticks.
        String stat = "4242 (a) b) R 1 2 3 4 5 6 7 8 9 10 1234 56 0 0 20 0 1 0 100 0 0";
        assertEquals(1290, ThreadCpu.ticks(stat));
        assertEquals(0, ThreadCpu.ticks(""));
    }

    @Test
    void theJvmsOwnCountersOnlyGrow() {
        CpuAccount.Counters before = CpuAccount.Counters.now(0);
        long sum = 0;
        for (int i = 0; i < 50_000_000; i++) {
            sum += i % 7;
        }
        CpuAccount.Counters after = CpuAccount.Counters.now(0);
        // 50,000,000 = 7,142,857 cycles of 0..6 (21 each: 149,999,997) and one 0 left over: the loop ran.
        assertEquals(149_999_997L, sum);
        assertTrue(after.processSeconds() > before.processSeconds(), before + " -> " + after);
        if (!Double.isNaN(before.jitSeconds())) {
            // On Linux: HotSpot has compiled something by now (this test's own loop, if nothing else).
            assertTrue(after.jitSeconds() > 0, before + " -> " + after);
            assertTrue(after.jitSeconds() >= before.jitSeconds() && after.gcSeconds() >= before.gcSeconds());
        }
    }
}

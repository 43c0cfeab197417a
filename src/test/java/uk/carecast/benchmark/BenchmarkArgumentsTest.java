package uk.carecast.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carecast.benchmark.BenchmarkCommand.Arguments;
import uk.carecast.config.ConfigException;

class BenchmarkArgumentsTest {

    @Test
    void defaultsAreScaleFactorTenAndThreeRounds() {
        assertEquals(new Arguments(10, false, 3), Arguments.parse(List.of()));
    }

    @Test
    void flagsAndScaleFactorInAnyOrder() {
        assertEquals(new Arguments(150, true, 5), Arguments.parse(List.of("--rounds", "5", "150", "--engines-only")));
        assertEquals(new Arguments(2, false, 1), Arguments.parse(List.of("2", "--rounds", "1")));
    }

    @Test
    void badRoundsNameTheFlagAndTheValue() {
        assertRejected(List.of("--rounds", "0"), "benchmark: --rounds must be 1 or more, got 0");
        assertRejected(List.of("150", "--rounds"), "benchmark: --rounds must be a whole number, got ''");
        assertRejected(List.of("--rounds", "--engines-only", "5"),
                "benchmark: --rounds must be a whole number, got '--engines-only'");
    }

    @Test
    void aScaleFactorBelowOneNamesTheValue() {
        assertRejected(List.of("0"), "benchmark: the scale factor must be 1 or more, got 0");
        assertRejected(List.of("-3", "--rounds", "2"), "benchmark: the scale factor must be 1 or more, got -3");
    }

    @Test
    void twoScaleFactorsAreAUsageError() {
        assertRejected(List.of("10", "150"), "usage: carecast benchmark");
    }

    private static void assertRejected(List<String> args, String messageStart) {
        ConfigException e = assertThrows(ConfigException.class, () -> Arguments.parse(args));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}

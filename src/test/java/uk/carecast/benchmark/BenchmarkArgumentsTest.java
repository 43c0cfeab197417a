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
        ConfigException zero = assertThrows(ConfigException.class, () -> Arguments.parse(List.of("--rounds", "0")));
        assertTrue(zero.getMessage().startsWith("benchmark: --rounds must be 1 or more, got 0"), zero.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> Arguments.parse(List.of("150", "--rounds")));
        assertTrue(missing.getMessage().startsWith("benchmark: --rounds must be a whole number, got ''"),
                missing.getMessage());
        ConfigException flag = assertThrows(ConfigException.class,
                () -> Arguments.parse(List.of("--rounds", "--engines-only", "5")));
        assertTrue(flag.getMessage().startsWith("benchmark: --rounds must be a whole number, got '--engines-only'"),
                flag.getMessage());
    }

    @Test
    void aScaleFactorBelowOneNamesTheValue() {
        ConfigException zero = assertThrows(ConfigException.class, () -> Arguments.parse(List.of("0")));
        assertTrue(zero.getMessage().startsWith("benchmark: the scale factor must be 1 or more, got 0"),
                zero.getMessage());
        ConfigException negative = assertThrows(ConfigException.class,
                () -> Arguments.parse(List.of("-3", "--rounds", "2")));
        assertTrue(negative.getMessage().startsWith("benchmark: the scale factor must be 1 or more, got -3"),
                negative.getMessage());
    }

    @Test
    void twoScaleFactorsAreAUsageError() {
        ConfigException e = assertThrows(ConfigException.class, () -> Arguments.parse(List.of("10", "150")));
        assertTrue(e.getMessage().startsWith("usage: carecast benchmark"), e.getMessage());
    }
}

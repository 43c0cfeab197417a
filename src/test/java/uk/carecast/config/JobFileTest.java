package uk.carecast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobFileTest {

    static final Path JOB = Path.of("jobs/demand-forecast.yaml");

    @Test
    void readsTheSampleJobWithItsDefaults() {
        JobConfig config = JobFile.read(JOB, List.of()).bind(JobConfig.class);
        assertEquals("local[*]", config.master());
        assertEquals(4, config.horizonYears());
        // 31 March 2020 to 2025, then the latest quarter end: 7 snapshot dates.
        assertEquals(List.of("2020-03-31", "2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31",
                "2025-09-30"), config.snapshots().dates().stream().map(LocalDate::toString).toList());
        assertEquals(3, config.inputs().population().size());
    }

    @Test
    void commandLineSettingsOverrideTheFile() {
        JobConfig config = JobFile.read(JOB, List.of("horizon_years=6", "snapshots.latest=2025-06-30",
                "output=/tmp/elsewhere", "master=spark://127.0.0.1:7077")).bind(JobConfig.class);
        assertEquals(6, config.horizonYears());
        assertEquals(LocalDate.parse("2025-06-30"), config.snapshots().latestDate());
        assertEquals("/tmp/elsewhere", config.output());
        assertEquals("spark://127.0.0.1:7077", config.master());
    }

    @Test
    void aMistypedKeyIsAnErrorNotADefault() {
        var error = assertThrows(ConfigException.class,
                () -> JobFile.read(JOB, List.of("horizon_yeras=6")).bind(JobConfig.class));
        assertTrue(error.getMessage().contains("horizon_yeras"), error.getMessage());
    }

    @Test
    void aBadDateNamesTheKey() {
        var error = assertThrows(ConfigException.class,
                () -> JobFile.read(JOB, List.of("snapshots.latest=30/09/2025")).bind(JobConfig.class));
        assertTrue(error.getMessage().contains("snapshots.latest must be a date written yyyy-MM-dd"), error.getMessage());
    }

    @Test
    void aJobFileCanStartFromAnother() {
        JobConfig config = JobFile.read(Path.of("jobs/backtest.yaml"), List.of()).bind(JobConfig.class);
        // From backtest.yaml: its own output and fit date; from demand-forecast.yaml: everything else.
        assertEquals("output/backtest", config.output());
        assertEquals(LocalDate.parse("2022-03-31"), config.backtest().fitDate());
        assertEquals("data/sample/placements.csv.gz", config.inputs().placements());
        assertEquals(4, config.horizonYears());
    }
}

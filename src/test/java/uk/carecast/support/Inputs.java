package uk.carecast.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.carecast.ingest.Contracts;
import uk.carecast.ingest.InputContract;
import uk.carecast.ingest.InputReader;
import uk.carecast.ingest.Problems;
import uk.carecast.ingest.Pseudonymiser;
import uk.carecast.ingest.RawInput;
import uk.carecast.ingest.TableValidator;

/** Reads a fixture file the way ingest does, for tests of what comes after. */
public final class Inputs {

    public static final Pseudonymiser TEST_KEY = new Pseudonymiser("a-test-key-of-more-than-16-bytes".getBytes());

    private Inputs() {
    }

    public static RawInput raw(SparkSession spark, Path scratch, String file, InputContract contract) {
        return new InputReader(spark, scratch.toString(), TEST_KEY).read(file, contract, "detect");
    }

    /**
     * The file's rows after the column rules, with {@code _row} and {@code _problems}. Cached as the ingest
     * stage caches them: a filter straight on the rules would be pushed into them, doubling an expression
     * already near the 64 KB a compiled method may hold.
     */
    public static Dataset<Row> checked(SparkSession spark, Path scratch, String file, InputContract contract) {
        return checked(spark, scratch, file, contract, "detect");
    }

    /** The same, with dates read as a job file's {@code date_format} says (detect, uk or iso). */
    public static Dataset<Row> checked(SparkSession spark, Path scratch, String file, InputContract contract,
            String dateFormat) {
        return TableValidator.columnRules(raw(spark, scratch, file, contract), dateFormat).cache();
    }

    /** A service_users file after the column rules and the table rules (duplicate ids, death before birth). */
    public static Dataset<Row> checkedUsers(SparkSession spark, Path scratch, Path file) {
        return checked(spark, scratch, file.toString(), Contracts.SERVICE_USERS).transform(TableValidator::serviceUsers);
    }

    /** A placements file after the column rules and the table rules, its people taken from {@code curatedUsers}. */
    public static Dataset<Row> checkedPlacements(SparkSession spark, Path scratch, Path file,
            Dataset<Row> curatedUsers, LocalDate latestSnapshot, BigDecimal weeklyCostCeiling) {
        return checked(spark, scratch, file.toString(), Contracts.PLACEMENTS)
                .transform(p -> TableValidator.placements(p, curatedUsers, latestSnapshot, weeklyCostCeiling));
    }

    /** The file's typed rows, asserting that none has a problem. */
    public static Dataset<Row> clean(SparkSession spark, Path scratch, String file, InputContract contract) {
        Dataset<Row> checked = checked(spark, scratch, file, contract);
        assertEquals(List.of(), checked.filter(functions.size(functions.col(Problems.COLUMN)).gt(0))
                .select(Problems.COLUMN).collectAsList().stream().map(Row::toString).toList());
        return checked.drop(Problems.COLUMN);
    }
}

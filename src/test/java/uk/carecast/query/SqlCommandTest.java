package uk.carecast.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.SparkTest;

@SparkTest
class SqlCommandTest {

    @Test
    void queriesOutputTablesByNameAndWritesACsvASpreadsheetOpens(SparkSession spark, @TempDir Path dir) throws Exception {
        spark.sql("select * from values ('Older People, 65+', cast(100.50 as decimal(18,2))),"
                        + " ('Mental Health', cast(20.25 as decimal(18,2))) as t(service_area, amount)")
                .write().parquet(dir.resolve("output/growth").toString());
        Path csv = dir.resolve("growth.csv");
        var printed = new ByteArrayOutputStream();

        SqlCommand.run(spark, SqlCommand.Arguments.parse(List.of("--output", dir.resolve("output").toString(),
                "--out", csv.toString(), "select service_area, amount from growth order by amount desc")),
                new PrintStream(printed, true));

        // The comma inside the first area is quoted; decimals stay as written, not 100.5.
        assertEquals("service_area,amount\r\n\"Older People, 65+\",100.50\r\nMental Health,20.25\r\n",
                Files.readString(csv));
        assertTrue(printed.toString().startsWith("2 rows written to "));
    }

    @Test
    void anUnknownTableNamesTheTablesThereAre(SparkSession spark, @TempDir Path dir) {
        spark.sql("select 1 as x").write().parquet(dir.resolve("output/budget_mtfs").toString());
        var e = assertThrows(QueryException.class, () -> SqlCommand.run(spark, SqlCommand.Arguments.parse(
                List.of("--output", dir.resolve("output").toString(), "select * from budget")), System.out));

        assertTrue(e.getMessage().contains("tables: budget_mtfs"), e.getMessage());
    }
}

package uk.carecast.flows;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.carecast.time.FinancialYear;

/** The financial years flows are counted over, as a few rows to broadcast into a range join. */
public final class FlowYears {

    public static final String FY_START = "fy_start";
    public static final String FY_FIRST_DAY = "fy_first_day";
    public static final String FY_LAST_DAY = "fy_last_day";

    private FlowYears() {
    }

    /** The last financial year that ends on or before {@code date}: 2024/25 for 2025-09-30 and for 2025-03-31. */
    public static FinancialYear lastCompleteBy(LocalDate date) {
        return FinancialYear.containing(date.plusDays(1)).plus(-1);
    }

    public static List<FinancialYear> between(FinancialYear first, FinancialYear last) {
        List<FinancialYear> years = new ArrayList<>();
        for (FinancialYear y = first; y.compareTo(last) <= 0; y = y.plus(1)) {
            years.add(y);
        }
        return years;
    }

    public static Dataset<Row> frame(SparkSession spark, List<FinancialYear> years) {
        StructType schema = new StructType()
                .add(FY_START, DataTypes.IntegerType)
                .add(FY_FIRST_DAY, DataTypes.DateType)
                .add(FY_LAST_DAY, DataTypes.DateType);
        return spark.createDataFrame(years.stream()
                .map(y -> RowFactory.create(y.startYear(), Date.valueOf(y.firstDay()), Date.valueOf(y.lastDay())))
                .toList(), schema);
    }
}

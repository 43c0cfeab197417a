package uk.carecast.projection;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.demand.DemandColumns.*;
import static uk.carecast.ingest.Columns.*;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import uk.carecast.config.Trend;
import uk.carecast.population.PopulationColumns;
import uk.carecast.population.PopulationLookup;
import uk.carecast.spark.Seqs;
import uk.carecast.time.FinancialYear;

/**
 * The trend in usage rates per area × setting × client group, beyond demography: the people
 * actually in the group at the later 31 March, against the people demography alone would have
 * put there (each cell's earlier count × its population growth between the two years). The
 * ratio, less 1, spread evenly over the years between, is the annual trend.
 */
public final class UsageTrend {

    public static final String ANNUAL_TREND = "annual_trend";
    public static final String TREND_FROM = "trend_from";
    public static final String TREND_TO = "trend_to";
    public static final DecimalType RATE = DataTypes.createDecimalType(20, 10);

    private UsageTrend() {
    }

    public static Dataset<Row> annual(Dataset<Row> usageRates, Dataset<Row> population, LocalDate base, Trend trend) {
        List<LocalDate> yearEnds = usageRates.select(SNAPSHOT_DATE).distinct().collectAsList().stream()
                .map(r -> r.getDate(0).toLocalDate())
                .filter(d -> !d.isAfter(base) && d.getMonthValue() == 3 && d.getDayOfMonth() == 31)
                .sorted().toList();
        if (!trend.apply() || yearEnds.size() < 2) {
            return none(usageRates);
        }
        LocalDate to = yearEnds.get(yearEnds.size() - 1);
        LocalDate from = yearEnds.stream().filter(d -> !d.isBefore(to.minusYears(trend.years()))).findFirst().orElseThrow();
        int years = to.getYear() - from.getYear();
        Dataset<Row> earlier = usageRates.filter(col(SNAPSHOT_DATE).equalTo(lit(Date.valueOf(from))))
                .select(col(LA_CODE), col(PRIMARY_SUPPORT_REASON), col(AGE_BAND), col(SEX), col(SETTING),
                        col(CLIENT_GROUP), col(CLIENTS), col(PopulationColumns.POPULATION).as("population_from"));
        Dataset<Row> expected = PopulationLookup.attach(earlier, lit(FinancialYear.containing(to).startYear()), population)
                .groupBy(LA_CODE, SETTING, CLIENT_GROUP)
                .agg(sum(CLIENTS).as("clients_from"),
                        sum(col(CLIENTS).multiply(col(PopulationColumns.POPULATION)).divide(col("population_from")))
                                .as("expected"));
        Dataset<Row> actual = usageRates.filter(col(SNAPSHOT_DATE).equalTo(lit(Date.valueOf(to))))
                .groupBy(LA_CODE, SETTING, CLIENT_GROUP).agg(sum(CLIENTS).as("clients_to"));
        return expected.join(actual, Seqs.of(LA_CODE, SETTING, CLIENT_GROUP), "left")
                .select(col(LA_CODE), col(SETTING), col(CLIENT_GROUP),
                        when(col("clients_from").geq(trend.minClients()),
                                coalesce(col("clients_to"), lit(0)).divide(col("expected")).minus(1).divide(years))
                                .otherwise(lit(0)).cast(RATE).as(ANNUAL_TREND),
                        lit(Date.valueOf(from)).as(TREND_FROM), lit(Date.valueOf(to)).as(TREND_TO));
    }

    /** No trend: an empty table, so every multiplier is 1. */
    public static Dataset<Row> none(Dataset<Row> like) {
        StructType schema = new StructType().add(LA_CODE, DataTypes.StringType).add(SETTING, DataTypes.StringType)
                .add(CLIENT_GROUP, DataTypes.StringType).add(ANNUAL_TREND, RATE)
                .add(TREND_FROM, DataTypes.DateType).add(TREND_TO, DataTypes.DateType);
        return like.sparkSession().createDataFrame(List.of(), schema);
    }
}

package uk.carecast.population;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.population.PopulationColumns.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.time.FinancialYears;

/**
 * Attaches the financial-year population of each cell's area, sex and age band. A year outside
 * the population files (a 2020 snapshot with only a 2022-based projection, say) takes the nearest
 * year there is, and the columns {@code population_financial_year} and {@code population_basis}
 * say which figure was used. People recorded as Other or Unknown sex are set against persons.
 */
public final class PopulationLookup {

    public static final String POPULATION_FINANCIAL_YEAR = "population_financial_year";

    private PopulationLookup() {
    }

    /**
     * The broad and the five-year population tables as one lookup. Their band names differ (85+
     * against 85-89 and 90+), so a cell finds the band it is in, whether pooled or not.
     */
    public static Dataset<Row> allBands(Dataset<Row> broad, Dataset<Row> fiveYear) {
        return broad.unionByName(fiveYear);
    }

    public static Dataset<Row> attach(Dataset<Row> cells, Column financialYearStart, Dataset<Row> population) {
        Dataset<Row> pop = population.select(col(LA_CODE).as("p_la"), col(SEX).as("p_sex"), col(AGE_BAND).as("p_band"),
                FinancialYears.startYearOfLabel(col(FINANCIAL_YEAR)).as("p_fy"), col(FINANCIAL_YEAR).as("p_label"),
                col(POPULATION).as("p_population"), col(BASIS).as("p_basis"));
        Dataset<Row> range = pop.groupBy(col("p_la").as("r_la")).agg(min("p_fy").as("r_min"), max("p_fy").as("r_max"));
        Column sex = col(SEX);
        return cells
                .withColumn("__fy", financialYearStart)
                .join(broadcast(range), col(LA_CODE).equalTo(col("r_la")), "left")
                .withColumn("__fy_used", greatest(least(col("__fy"), col("r_max")), col("r_min")))
                .withColumn("__sex", when(sex.isin("Male", "Female"), sex).otherwise(lit(ALL_SEXES)))
                .join(broadcast(pop), col(LA_CODE).equalTo(col("p_la"))
                        .and(col("__sex").equalTo(col("p_sex")))
                        .and(col(AGE_BAND).equalTo(col("p_band")))
                        .and(col("__fy_used").equalTo(col("p_fy"))), "left")
                .withColumn(POPULATION, col("p_population"))
                .withColumn(POPULATION_FINANCIAL_YEAR, col("p_label"))
                .withColumn(BASIS, col("p_basis"))
                .drop("r_la", "r_min", "r_max", "__fy", "__fy_used", "__sex", "p_la", "p_sex", "p_band", "p_fy", "p_label",
                        "p_population", "p_basis");
    }
}

package uk.carecast.population;

/** Columns of the {@code population} table: financial-year population per area, sex and age band. */
public final class PopulationColumns {

    public static final String LA_CODE = "la_code";
    /** Male, Female, or All (persons): cells of people recorded as Other or Unknown use All. */
    public static final String SEX = "sex";
    public static final String AGE_BAND = "age_band";
    public static final String FINANCIAL_YEAR = "financial_year";
    public static final String POPULATION = "population";
    /** Which mid-year figures, of which projection vintage, made the financial-year figure. */
    public static final String BASIS = "population_basis";

    public static final String ALL_SEXES = "All";

    private PopulationColumns() {
    }
}

package uk.carecast.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.carecast.config.Inputs;
import uk.carecast.pipeline.Stage;
import uk.carecast.pipeline.StageContext;
import uk.carecast.population.SnppReader;

/**
 * Reads the input files against data contract v1 and writes the curated tables. Person
 * identifiers are pseudonymised here, and columns outside the contract (names, NHS numbers,
 * full dates of birth, postcodes) are never selected, so personal data stops at this stage.
 */
public final class IngestStage implements Stage {

    public static final String SERVICE_USERS = "service_users";
    public static final String PLACEMENTS = "placements";
    public static final String COST_ASSUMPTIONS = "cost_assumptions";
    public static final String BUDGETS = "budgets";
    public static final String POPULATION = "population";

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<String> inputs() {
        return List.of();
    }

    @Override
    public Map<String, Dataset<Row>> run(StageContext context) {
        Inputs inputs = context.config().inputs();
        InputReader reader = new InputReader(context.spark());
        Pseudonymiser pseudonymiser = Pseudonymiser.from(context.config().pseudonymisation());

        Map<String, Dataset<Row>> curated = new LinkedHashMap<>();
        curated.put(SERVICE_USERS, reader.read(inputs.serviceUsers(), Contracts.SERVICE_USERS)
                .withColumn(Columns.PERSON_ID, pseudonymiser.pseudonymise(col(Columns.PERSON_ID))));
        curated.put(PLACEMENTS, reader.read(inputs.placements(), Contracts.PLACEMENTS)
                .withColumn(Columns.PERSON_ID, pseudonymiser.pseudonymise(col(Columns.PERSON_ID))));
        curated.put(COST_ASSUMPTIONS, reader.read(inputs.costAssumptions(), Contracts.COST_ASSUMPTIONS));
        curated.put(BUDGETS, reader.read(inputs.budgets(), Contracts.BUDGETS));
        curated.put(POPULATION, new SnppReader(context.spark()).read(inputs.population()));
        return curated;
    }
}

package uk.carecast.flows;

import static org.apache.spark.sql.functions.*;
import static uk.carecast.ingest.Columns.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import uk.carecast.population.AgeBands;

/**
 * A person's time in one setting. Placements of the same person and setting that overlap, or
 * where one starts the day after another's last day, form one spell: a change of provider or of
 * price is not an admission. A placement's last day is its end date or the date of death,
 * whichever is first (the person is active on the day they die). One-off costs are not recurring
 * support and are left out, as are placements that start before 18 or after death, as
 * {@code ActivePlacements} leaves them out.
 */
public final class Spells {

    /** The placement's last day of service; null while ongoing. */
    public static final String LAST_DAY = "last_day";
    public static final String SPELL_START = "spell_start";
    /** The spell's last day; null while ongoing. */
    public static final String SPELL_LAST_DAY = "spell_last_day";
    /** The spell ended with the person's death. */
    public static final String DIED = "died";

    /**
     * The row is its spell's last: the next placement in the setting starts more than a day after the
     * latest last day so far (or there is none).
     */
    public static final String ENDS_SPELL = "ends_spell";
    /** The latest last day so far in the person and setting: at a spell's last row, the spell's own. */
    private static final String REACH_SO_FAR = "__reach_so_far";
    /** Stands for "no last day yet" inside window arithmetic, where null would be skipped. */
    private static final Column ONGOING = to_date(lit("9999-12-31"));

    private Spells() {
    }

    /**
     * Each placement (the columns the spells and the packages' full-year effect read) with its last
     * day, the person's attributes and its spell's first day; and on the spell's last row
     * ({@link #ENDS_SPELL}) the spell's last day (null while ongoing) and whether it ended with the
     * person's death. One ordered window does it: start dates only grow in that order, so the spell's
     * first day is the latest start that opened a spell, and at its last row the latest last day so
     * far is the spell's own, since every earlier spell of the setting ended before this one began.
     * Placements starting on the same day fall in the same spell whichever comes first, so the start
     * date alone orders them. At SF150 marking the last rows replaced a grouping of 11.6 million rows
     * by nine columns.
     */
    public static Dataset<Row> placements(Dataset<Row> placements, Dataset<Row> users) {
        Dataset<Row> people = users.select(PERSON_ID, BIRTH_YEAR, BIRTH_MONTH, LA_CODE, PRIMARY_SUPPORT_REASON,
                DATE_OF_DEATH);
        WindowSpec inOrder = Window.partitionBy(PERSON_ID, SETTING).orderBy(START_DATE);
        WindowSpec upToHere = inOrder.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column reachBefore = max(reach()).over(inOrder.rowsBetween(Window.unboundedPreceding(), -1));
        Column nextStart = lead(col(START_DATE), 1).over(inOrder);
        Column reachSoFar = col(REACH_SO_FAR);
        // least() skips nulls: an ongoing placement of someone who died ends on the date of death.
        return placements
                .filter(col(COST_FREQUENCY).notEqual("one_off"))
                // Only what is used: at SF150 every other column went through the shuffle, the sort and the cache.
                .select(PERSON_ID, SETTING, START_DATE, END_DATE, UNIT_COST, COST_FREQUENCY, UNITS_PER_WEEK)
                // The people hashed, not both sides sorted for a merge join: the window's sort is then the only
                // one, and in SF150 flows-only runs the stage's peak heap fell from 4.4 GB to 3.3-3.7 GB.
                .join(people.hint("shuffle_hash"), PERSON_ID)
                .filter(AgeBands.ageOn(col(START_DATE), col(BIRTH_YEAR), col(BIRTH_MONTH)).geq(18))
                .withColumn(LAST_DAY, least(col(END_DATE), col(DATE_OF_DEATH)))
                .filter(col(LAST_DAY).isNull().or(col(LAST_DAY).geq(col(START_DATE))))
                .drop(END_DATE)
                .withColumn("__new_spell", reachBefore.isNull().or(datediff(col(START_DATE), reachBefore).gt(1)))
                .withColumn(SPELL_START, max(when(col("__new_spell"), col(START_DATE))).over(upToHere))
                .withColumn(REACH_SO_FAR, max(reach()).over(upToHere))
                // The next row opens a spell exactly when it starts more than a day after every reach so far. The
                // lead and the running maxes see same-day rows in one order: their windows share the one sort.
                .withColumn(ENDS_SPELL, nextStart.isNull().or(datediff(nextStart, reachSoFar).gt(1)))
                .withColumn(SPELL_LAST_DAY, when(col(ENDS_SPELL).and(reachSoFar.notEqual(ONGOING)), reachSoFar))
                .withColumn(DIED, when(col(ENDS_SPELL),
                        coalesce(col(SPELL_LAST_DAY).equalTo(col(DATE_OF_DEATH)), lit(false))))
                .drop("__new_spell", REACH_SO_FAR, DATE_OF_DEATH);
    }

    private static Column reach() {
        return coalesce(col(LAST_DAY), ONGOING);
    }
}

package uk.carecast.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import uk.carecast.config.NetCost;

/**
 * The demand-snapshot and unit-cost aggregations written as DuckDB SQL over the curated Parquet
 * tables, to the penny as the Spark stages compute them ({@code ActivePlacements},
 * {@code DemandSnapshotStage}, {@code UnitCostsStage}). DuckDB divides decimals in doubles, so
 * money is carried as whole hundred-millionths of a pound (Spark's decimal(24,8)) in HUGEINT and
 * rounded half up where Spark rounds: the monthly and annual weekly equivalents and the joint-funded
 * share at 8 places, a mean at 8 places, each published amount at the penny.
 */
final class DuckDbAggregates {

    /** £1 in the units money is carried in. */
    private static final long UNIT = 100_000_000L;
    private static final List<String> SNAPSHOT_CELL = List.of("snapshot_date", "la_code", "primary_support_reason",
            "age_band", "sex", "setting", "client_group");
    private static final List<String> UNIT_COST_CELL = List.of("snapshot_date", "la_code", "setting",
            "primary_support_reason", "age_band", "provider_type");

    private DuckDbAggregates() {
    }

    /** Half-up division of whole numbers (away from zero on a tie, as Spark's decimal rounding). */
    static String macros() {
        return "CREATE OR REPLACE MACRO half_up(n, d) AS CASE WHEN n >= 0 THEN (2 * n + d) // (2 * d)"
                + " ELSE -((2 * (-n) + d) // (2 * d)) END;"
                + "CREATE OR REPLACE MACRO pounds(u) AS CAST(CAST(half_up(u, " + UNIT / 100 + ") AS DECIMAL(18, 0))"
                + " * 0.01 AS DECIMAL(18, 2));"
                + "CREATE OR REPLACE MACRO pounds_q(low, high, q) AS CAST(CAST(half_up(4 * low + q * (high - low), "
                + 4 * (UNIT / 100) + ") AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2));"
                // The p-th percentile of a sorted list, interpolated as Excel's PERCENTILE.INC; p in quarters.
                + "CREATE OR REPLACE MACRO percentile_pounds(sorted, quarters) AS pounds_q("
                + "  sorted[(len(sorted) - 1) * quarters // 4 + 1],"
                + "  coalesce(sorted[(len(sorted) - 1) * quarters // 4 + 2], sorted[(len(sorted) - 1) * quarters // 4 + 1]),"
                + "  (len(sorted) - 1) * quarters % 4);";
    }

    /** One row per placement active on a snapshot date, with its weekly gross and net cost in units. */
    static String active(String users, String placements, List<LocalDate> dates, NetCost net) {
        String dateRows = dates.stream().map(d -> "(DATE '" + d + "')").collect(Collectors.joining(", "));
        BigDecimal share = net.jointLaShare();
        long fnc = net.fncWeekly().movePointRight(8).longValueExact();
        return """
                WITH dates(snapshot_date) AS (VALUES %s),
                placed AS (
                  SELECT d.snapshot_date, p.person_id, u.la_code, u.primary_support_reason, u.sex, p.setting,
                    p.provider_type, p.funding_source,
                    year(d.snapshot_date) - u.birth_year - CASE WHEN month(d.snapshot_date) < u.birth_month THEN 1 ELSE 0 END AS age,
                    CAST(p.unit_cost * 100 AS HUGEINT) AS cost_pence,
                    CAST(coalesce(p.units_per_week, 0) * 100 AS HUGEINT) AS units_hundredths,
                    CAST(coalesce(p.client_contribution_weekly, 0) * 100 AS HUGEINT) * 1000000 AS contribution,
                    p.cost_frequency
                  FROM read_parquet('%s') p
                  JOIN read_parquet('%s') u ON p.person_id = u.person_id
                  JOIN dates d ON p.start_date <= d.snapshot_date
                    AND (p.end_date IS NULL OR p.end_date >= d.snapshot_date)
                    AND (u.date_of_death IS NULL OR u.date_of_death >= d.snapshot_date)
                  WHERE p.cost_frequency <> 'one_off'),
                banded AS (
                  SELECT *,
                    CASE WHEN age < 18 THEN NULL WHEN age <= 64 THEN '18-64' WHEN age <= 74 THEN '65-74'
                      WHEN age <= 84 THEN '75-84' ELSE '85+' END AS age_band,
                    CASE cost_frequency
                      WHEN 'hourly' THEN cost_pence * units_hundredths * 10000
                      WHEN 'daily' THEN cost_pence * 7 * 1000000
                      WHEN 'weekly' THEN cost_pence * 1000000
                      WHEN 'four_weekly' THEN cost_pence * 250000
                      WHEN 'monthly' THEN half_up(cost_pence * 84 * 100000000, 36525)
                      WHEN 'annual' THEN half_up(cost_pence * 7 * 100000000, 36525)
                    END AS weekly
                  FROM placed),
                active AS (
                  SELECT snapshot_date, person_id, la_code, primary_support_reason, sex, setting, provider_type, age_band,
                    CASE WHEN primary_support_reason = 'Learning Disability Support' THEN 'Learning Disability'
                      WHEN primary_support_reason = 'Mental Health Support' THEN 'Mental Health'
                      WHEN age_band = '18-64' THEN 'Physical Disability' ELSE 'Older People' END AS client_group,
                    weekly,
                    CASE funding_source
                      WHEN 'chc' THEN 0
                      WHEN 'fnc' THEN greatest(greatest(weekly - contribution, 0) - %d, 0)
                      WHEN 'joint' THEN half_up(greatest(weekly - contribution, 0) * %d, %d)
                      ELSE greatest(weekly - contribution, 0)
                    END AS weekly_net
                  FROM banded WHERE age_band IS NOT NULL)
                """.formatted(dateRows, placements, users, fnc, share.unscaledValue(),
                BigDecimal.TEN.pow(share.scale()).toBigInteger());
    }

    /** As the {@code demand_snapshot} table (broad age bands). */
    static String demandSnapshot(String users, String placements, List<LocalDate> dates, NetCost net) {
        String cell = String.join(", ", SNAPSHOT_CELL);
        return active(users, placements, dates, net) + """
                , per_person AS (
                  SELECT %s, person_id, sum(weekly) AS weekly, sum(weekly_net) AS weekly_net
                  FROM active GROUP BY %s, person_id)
                SELECT %s, count(*) AS clients, pounds(sum(weekly)) AS weekly_cost,
                  pounds(sum(weekly_net)) AS weekly_net_cost,
                  percentile_pounds(list_sort(list(weekly)), 2) AS median_weekly_cost
                FROM per_person GROUP BY %s
                """.formatted(cell, cell, cell, cell);
    }

    /** As the {@code unit_costs} table, less its two columns restated in base-year prices. */
    static String unitCosts(String users, String placements, List<LocalDate> dates, NetCost net) {
        String cell = String.join(", ", UNIT_COST_CELL);
        return active(users, placements, dates, net) + """
                , per_person AS (
                  SELECT %s, person_id, sum(weekly) AS weekly FROM active GROUP BY %s, person_id)
                SELECT %s, count(*) AS clients,
                  pounds(half_up(sum(weekly), count(*))) AS mean_weekly_cost,
                  percentile_pounds(list_sort(list(weekly)), 2) AS median_weekly_cost,
                  percentile_pounds(list_sort(list(weekly)), 1) AS p25_weekly_cost,
                  percentile_pounds(list_sort(list(weekly)), 3) AS p75_weekly_cost
                FROM per_person GROUP BY %s
                """.formatted(cell, cell, cell, cell);
    }

    static List<String> snapshotColumns() {
        return concat(SNAPSHOT_CELL, List.of("clients", "weekly_cost", "weekly_net_cost", "median_weekly_cost"));
    }

    static List<String> unitCostColumns() {
        return concat(UNIT_COST_CELL, List.of("clients", "mean_weekly_cost", "median_weekly_cost", "p25_weekly_cost",
                "p75_weekly_cost"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

package uk.carecast.config;

import java.util.List;

/**
 * The cells usage rates are measured in. {@code age_bands}: {@code broad} (18-64, 65-74, 75-84,
 * 85+) or {@code five_year} (18-24, 25-29, ..., 85-89, 90+), which follows the ageing inside a broad
 * band (more 80-84s than 75-79s, say) but has fewer people per cell. With five-year bands, a broad
 * band × sex × support reason × setting whose five-year cells do not all hold at least
 * {@code min_cell_clients} people (an empty one holds none) is pooled back into its broad band, so
 * no rate rests on a handful of people.
 */
public record RateOptions(String ageBands, Integer minCellClients) {

    public static final String BROAD = "broad";
    public static final String FIVE_YEAR = "five_year";
    public static final RateOptions DEFAULTS = new RateOptions(null, null);

    public RateOptions {
        ageBands = ageBands == null ? BROAD : ageBands;
        minCellClients = minCellClients == null ? 10 : minCellClients;
        if (!List.of(BROAD, FIVE_YEAR).contains(ageBands)) {
            throw new ConfigException("rates.age_bands must be broad or five_year, got '" + ageBands + "'");
        }
        if (minCellClients < 1) {
            throw new ConfigException("rates.min_cell_clients must be 1 or more, got " + minCellClients);
        }
    }

    public boolean fiveYear() {
        return ageBands.equals(FIVE_YEAR);
    }
}

package uk.carecast.config;

/**
 * The trend driver: the change in usage rates that population change does not explain, measured
 * over the last {@code years} years of 31 March snapshots (fewer if the history is shorter), per
 * setting × client group; groups with fewer than {@code minClients} people at the start get none,
 * being too small to tell a trend from noise. Off unless {@code apply: true}: demography alone,
 * today's rates, is the do-nothing projection.
 */
public record Trend(Integer years, Integer minClients, Boolean apply) {

    public static final Trend DEFAULTS = new Trend(null, null, null);

    public Trend {
        years = years == null ? 3 : years;
        minClients = minClients == null ? 20 : minClients;
        apply = apply == null ? Boolean.FALSE : apply;
        if (years < 1) {
            throw new ConfigException("trend.years must be 1 or more, got " + years);
        }
    }
}

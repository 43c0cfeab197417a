package uk.carecast.config;

import java.util.List;

/**
 * How the projection costs its clients. {@code unit_cost}: {@code mean} (the cell's total weekly
 * cost ÷ clients, so the base year reproduces the council's spend) or {@code median} (the middle
 * person's weekly cost, which a few very expensive packages do not pull up; net cost then keeps the
 * cell's net-to-gross ratio).
 */
public record ProjectionOptions(String unitCost) {

    public static final String MEAN = "mean";
    public static final String MEDIAN = "median";
    public static final ProjectionOptions DEFAULTS = new ProjectionOptions(null);

    public ProjectionOptions {
        unitCost = unitCost == null ? MEAN : unitCost;
        if (!List.of(MEAN, MEDIAN).contains(unitCost)) {
            throw new ConfigException("projection.unit_cost must be mean or median, got '" + unitCost + "'");
        }
    }

    public boolean usesMedian() {
        return unitCost.equals(MEDIAN);
    }
}

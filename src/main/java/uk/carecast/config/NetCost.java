package uk.carecast.config;

import java.math.BigDecimal;

/**
 * What the council itself pays of a placement's gross weekly cost: the gross less the client's
 * contribution, and less NHS funding: all of it for continuing healthcare (chc), the Funded
 * Nursing Care rate a week for fnc placements ({@code fncWeekly}, default £254.06, the 2025/26
 * standard rate: set the year's), and {@code 1 − jointLaShare} of it for jointly funded ones.
 */
public record NetCost(BigDecimal jointLaShare, BigDecimal fncWeekly) {

    public static final NetCost DEFAULTS = new NetCost(null, null);

    public NetCost {
        jointLaShare = jointLaShare == null ? new BigDecimal("0.5") : jointLaShare;
        fncWeekly = fncWeekly == null ? new BigDecimal("254.06") : fncWeekly;
        if (jointLaShare.signum() < 0 || jointLaShare.compareTo(BigDecimal.ONE) > 0) {
            throw new ConfigException("net_cost.joint_la_share must be between 0 and 1, got " + jointLaShare);
        }
    }
}

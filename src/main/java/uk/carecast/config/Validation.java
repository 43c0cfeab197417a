package uk.carecast.config;

import java.math.BigDecimal;

/**
 * How strict ingest is: the largest share of an input file's rows that may be rejected before the
 * run fails (default 2%), and the weekly-equivalent cost above which a placement is flagged as
 * implausible but kept (default £25,000 a week).
 */
public record Validation(BigDecimal maxRejectedShare, BigDecimal weeklyCostCeiling) {

    public static final Validation DEFAULTS = new Validation(null, null);

    public Validation {
        maxRejectedShare = maxRejectedShare == null ? new BigDecimal("0.02") : maxRejectedShare;
        weeklyCostCeiling = weeklyCostCeiling == null ? new BigDecimal("25000") : weeklyCostCeiling;
        if (maxRejectedShare.signum() < 0 || maxRejectedShare.compareTo(BigDecimal.ONE) > 0) {
            throw new ConfigException("validation.max_rejected_share must be between 0 and 1, got " + maxRejectedShare);
        }
    }
}

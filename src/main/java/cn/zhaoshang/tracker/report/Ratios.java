package cn.zhaoshang.tracker.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios as the contract fixes them: HALF_UP to 4 decimals, null when there is nothing to divide by. */
final class Ratios {

    private Ratios() {}

    static BigDecimal of(BigDecimal actual, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return actual.divide(whole, 4, RoundingMode.HALF_UP);
    }

    static BigDecimal of(long actual, Integer whole) {
        return whole == null ? null : of(BigDecimal.valueOf(actual), BigDecimal.valueOf(whole));
    }
}

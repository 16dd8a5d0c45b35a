package cn.zhaoshang.tracker.shared;

import java.math.BigDecimal;

/** Money is BigDecimal end to end; this keeps "1.5E+9" from the wire stored as the plain 1500000000. */
public final class Money {

    private Money() {}

    public static BigDecimal normalized(BigDecimal amount) {
        if (amount == null || amount.scale() >= 0) {
            return amount;
        }
        return amount.setScale(0);
    }
}

package cn.zhaoshang.tracker.platform;

import static cn.zhaoshang.tracker.shared.Money.WAN;
import static cn.zhaoshang.tracker.shared.Money.YI;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * Figures the way officials write them, for the pages ({@code ${@figures.yi(x)}}): amounts in 亿元 or 万美元 with
 * at most two decimals, completion of a target as a whole percentage, a share with one decimal.
 */
@Component("figures")
public class Figures {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** Yuan in 亿元: 11500000000 → "115". */
    public String yi(BigDecimal yuan) {
        return yuan == null ? "—" : scaled(yuan.divide(YI), 2);
    }

    /** Yuan or dollars in 万: 14480000 → "1448". */
    public String wan(BigDecimal amount) {
        return amount == null ? "—" : scaled(amount.divide(WAN), 2);
    }

    /** A completion ratio as a whole percentage: 2.0686 → "207%". */
    public String percent(BigDecimal ratio) {
        return ratio == null ? "—" : scaled(ratio.multiply(HUNDRED), 0) + "%";
    }

    /** A share with one decimal: 0.294 → "29.4%". */
    public String share(BigDecimal ratio) {
        return ratio == null ? "—" : scaled(ratio.multiply(HUNDRED), 1) + "%";
    }

    /** Percentage points above (positive) or short of (negative) the target: 1.15 → 15; null without a target. */
    public Integer points(BigDecimal ratio) {
        return ratio == null
                ? null
                : ratio.subtract(BigDecimal.ONE)
                        .multiply(HUNDRED)
                        .setScale(0, RoundingMode.HALF_UP)
                        .intValueExact();
    }

    private static String scaled(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }
}

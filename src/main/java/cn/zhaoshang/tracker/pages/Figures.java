package cn.zhaoshang.tracker.pages;

import cn.zhaoshang.tracker.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Figures for the pages, in the reader's language ({@code ${@figures.amount(x, 'YI_YUAN')}}): amounts through
 * {@link Money} (1.15亿元 or CNY 115 million), completion of a target as a whole percentage, a share with one
 * decimal. Methods without a locale take the request's ({@link LocaleContextHolder}), as {@code #{…}} does.
 */
@Component("figures")
public class Figures {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** An amount with its unit in the request's language: "1448万美元", "USD 14.48 million". */
    public String amount(BigDecimal amount, String unit) {
        return amount(amount, unit, LocaleContextHolder.getLocale());
    }

    public String amount(BigDecimal amount, String unit, Locale locale) {
        return Money.written(amount, Money.Unit.valueOf(unit), locale);
    }

    /** Money received so far with its unit, as {@link #amount}; none at all reads "—", as in {@link #received}. */
    public String receivedAmount(BigDecimal amount, String unit) {
        return noneReceived(amount) ? "—" : amount(amount, unit);
    }

    /** The amount in its column's unit, without the unit: "115" (亿元), "11,500" (CNY million). */
    public String column(BigDecimal amount, String unit) {
        return Money.inColumn(amount, Money.Unit.valueOf(unit), LocaleContextHolder.getLocale());
    }

    /**
     * Money received so far, in its column's unit as {@link #column}; none at all reads "—", as the exported ledger
     * leaves the cell empty, so that a project still waiting for its money does not read as a figure of zero.
     */
    public String received(BigDecimal amount, String unit) {
        return noneReceived(amount) ? "—" : column(amount, unit);
    }

    private static boolean noneReceived(BigDecimal amount) {
        return amount == null || amount.signum() == 0;
    }

    /** The unit of a column or an axis of such amounts: "亿元", "CNY million". */
    public String unit(String unit) {
        return unit(unit, LocaleContextHolder.getLocale());
    }

    public String unit(String unit, Locale locale) {
        return Money.columnUnit(Money.Unit.valueOf(unit), locale);
    }

    /** What a chart divides such amounts by to draw them in {@link #unit}: 100000000 for 亿元. */
    public long scale(String unit) {
        return Money.columnSize(Money.Unit.valueOf(unit), LocaleContextHolder.getLocale())
                .longValueExact();
    }

    /** Yuan in 亿元, the number alone: 11500000000 → "115". */
    public String yi(BigDecimal yuan) {
        return Money.inColumn(yuan, Money.Unit.YI_YUAN, PageConfig.CHINESE);
    }

    /** Yuan or dollars in 万, the number alone: 14480000 → "1448". */
    public String wan(BigDecimal amount) {
        return Money.inColumn(amount, Money.Unit.WAN_YUAN, PageConfig.CHINESE);
    }

    /** A completion ratio as a whole percentage: 2.0686 → "207%". */
    public String percent(BigDecimal ratio) {
        return ratio == null ? "—" : scaled(ratio.multiply(HUNDRED), 0) + "%";
    }

    /** A share with one decimal: 0.294 → "29.4%". */
    public String share(BigDecimal ratio) {
        return ratio == null ? "—" : scaled(ratio.multiply(HUNDRED), 1) + "%";
    }

    /**
     * Percentage points above (positive) or short of (negative) the target: 1.15 → 15; null without a target. A
     * target of one yuan makes the ratio as large as an amount: the points stop at the largest int.
     */
    public Integer points(BigDecimal ratio) {
        return ratio == null
                ? null
                : ratio.subtract(BigDecimal.ONE)
                        .multiply(HUNDRED)
                        .setScale(0, RoundingMode.HALF_UP)
                        .min(BigDecimal.valueOf(Integer.MAX_VALUE))
                        .max(BigDecimal.valueOf(Integer.MIN_VALUE))
                        .intValue();
    }

    private static String scaled(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }
}

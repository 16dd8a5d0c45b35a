package cn.zhaoshang.tracker.shared;

import java.math.BigDecimal;

/**
 * Money is BigDecimal end to end: "1.5E+9" from the wire is stored as the plain 1500000000, and amounts written in
 * 亿 or 万 are converted here, exactly, wherever they come from (a form, a workbook).
 */
public final class Money {

    /** 亿 (10^8) and 万 (10^4): the units officials write amounts in — 亿元, 万元, 万美元. */
    public static final BigDecimal YI = new BigDecimal("100000000");

    public static final BigDecimal WAN = new BigDecimal("10000");

    private Money() {}

    /** An amount written in 亿元 as yuan, exactly: 1.15 → 115000000. */
    public static BigDecimal fromYi(BigDecimal yi) {
        return yi == null ? null : plain(yi.movePointRight(8));
    }

    /** An amount written in 万元 or 万美元 as yuan or dollars, exactly: 1448 → 14480000. */
    public static BigDecimal fromWan(BigDecimal wan) {
        return wan == null ? null : plain(wan.movePointRight(4));
    }

    /** Yuan written in 亿元, exactly, as a form shows an amount to revise: 115000000 → 1.15. */
    public static BigDecimal inYi(BigDecimal yuan) {
        return yuan == null ? null : plain(yuan.movePointLeft(8));
    }

    /** Yuan or dollars written in 万, exactly: 14480000 → 1448. */
    public static BigDecimal inWan(BigDecimal amount) {
        return amount == null ? null : plain(amount.movePointLeft(4));
    }

    private static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static BigDecimal normalized(BigDecimal amount) {
        if (amount == null || amount.scale() >= 0) {
            return amount;
        }
        return amount.setScale(0);
    }
}

package cn.zhaoshang.tracker.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Money is BigDecimal end to end: "1.5E+9" from the wire is stored as the plain 1500000000, and amounts written in
 * 亿 or 万 are converted here, exactly, wherever they come from (a form, a workbook). Amounts are also written out
 * for people here, and only here: in Chinese as officials write them (1.15亿元, 1500万元, 1448万美元), in English with
 * the currency and million or billion (CNY 115 million, CNY 15 million, USD 14.48 million).
 */
public final class Money {

    /** 亿 (10^8) and 万 (10^4): the units officials write amounts in — 亿元, 万元, 万美元. */
    public static final BigDecimal YI = new BigDecimal("100000000");

    public static final BigDecimal WAN = new BigDecimal("10000");

    private static final BigDecimal THOUSAND = new BigDecimal("1000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final BigDecimal BILLION = new BigDecimal("1000000000");

    /**
     * What an amount is: the unit a Chinese reader expects it in (contracted investment in 亿元, capital received in
     * 万元 or 万美元) and its currency, which is all an English reader needs.
     */
    public enum Unit {
        YI_YUAN("亿元", YI, "CNY"),
        WAN_YUAN("万元", WAN, "CNY"),
        WAN_USD("万美元", WAN, "USD");

        private final String chinese;
        private final BigDecimal size;
        private final String currency;

        Unit(String chinese, BigDecimal size, String currency) {
            this.chinese = chinese;
            this.size = size;
            this.currency = currency;
        }
    }

    /** An amount as written: {@code figure + unit}, split so that a page can set the unit in smaller type. */
    public record Written(String figure, String unit) {

        @Override
        public String toString() {
            return figure + unit;
        }
    }

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

    /** Whether the reader reads English; everyone else reads Chinese, the pages' default. */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /**
     * An amount for the reader with at most two decimals: 115000000 yuan → "1.15亿元" or "CNY 115 million",
     * 14480000 dollars → "1448万美元" or "USD 14.48 million"; null → "—".
     */
    public static String written(BigDecimal amount, Unit unit, Locale locale) {
        return amount == null ? "—" : parts(amount, unit, locale, 2).toString();
    }

    /** As {@link #written}, in two parts (for a tile that sets the unit smaller); null → "—" and no unit. */
    public static Written writtenInParts(BigDecimal amount, Unit unit, Locale locale) {
        return amount == null ? new Written("—", "") : parts(amount, unit, locale, 2);
    }

    /**
     * As {@link #written}, without rounding: for history lines, where a correction by a few yuan must still read as a
     * change ("1.2345678亿元 → 1.2345679亿元").
     */
    public static String writtenExactly(BigDecimal amount, Unit unit, Locale locale) {
        return amount == null ? "—" : parts(amount, unit, locale, -1).toString();
    }

    /**
     * The unit of a table column or a chart axis of such amounts, where every figure has the same unit: the
     * official one in Chinese ("亿元"), millions in English ("CNY million").
     */
    public static String columnUnit(Unit unit, Locale locale) {
        return english(locale) ? unit.currency + " million" : unit.chinese;
    }

    /** What an amount is divided by to be shown in {@link #columnUnit}: 10^8 for 亿元, 10^6 for millions. */
    public static BigDecimal columnSize(Unit unit, Locale locale) {
        return english(locale) ? MILLION : unit.size;
    }

    /** An amount in {@link #columnUnit}, at most two decimals, without the unit: "1.15" (亿元), "115" (CNY million). */
    public static String inColumn(BigDecimal amount, Unit unit, Locale locale) {
        return amount == null ? "—" : number(amount.divide(columnSize(unit, locale)), 2, locale);
    }

    private static Written parts(BigDecimal amount, Unit unit, Locale locale, int decimals) {
        if (!english(locale)) {
            return new Written(number(amount.divide(unit.size), decimals, locale), unit.chinese);
        }
        BigDecimal size = amount.abs();
        if (size.compareTo(BILLION) >= 0
                || rounded(amount.divide(MILLION), decimals).abs().compareTo(THOUSAND) >= 0) {
            return new Written(unit.currency + " " + number(amount.divide(BILLION), decimals, locale), " billion");
        }
        if (size.compareTo(MILLION) >= 0) {
            return new Written(unit.currency + " " + number(amount.divide(MILLION), decimals, locale), " million");
        }
        return new Written(unit.currency + " " + number(amount, decimals, locale), "");
    }

    private static BigDecimal rounded(BigDecimal value, int decimals) {
        return decimals < 0 ? value : value.setScale(decimals, RoundingMode.HALF_UP);
    }

    /**
     * A number with trailing zeros dropped and its digits grouped by thousands: in English always ("1,448"), in
     * Chinese from five digits on, as the national standard allows ("1448", "12,345").
     */
    private static String number(BigDecimal value, int decimals, Locale locale) {
        String plain = plain(rounded(value, decimals)).toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        String fraction = point < 0 ? "" : digits.substring(point);
        if (whole.length() > (english(locale) ? 3 : 4)) {
            StringBuilder grouped = new StringBuilder(whole);
            for (int at = whole.length() - 3; at > 0; at -= 3) {
                grouped.insert(at, ',');
            }
            whole = grouped.toString();
        }
        return (negative ? "-" : "") + whole + fraction;
    }
}

package cn.zhaoshang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.shared.Money.Unit;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Amounts entered as officials write them become yuan and dollars exactly; amounts are written out in the reader's
 * language: 亿元, 万元, 万美元 in Chinese, CNY or USD with million or billion in English.
 */
class MoneyTest {

    @Test
    void yi_become_yuan_exactly() {
        assertThat(Money.fromYi(new BigDecimal("1.15"))).isEqualByComparingTo("115000000");
        assertThat(Money.fromYi(new BigDecimal("1.15")).toPlainString()).isEqualTo("115000000");
        assertThat(Money.fromYi(new BigDecimal("0.00000001")).toPlainString()).isEqualTo("1");
        assertThat(Money.fromYi(null)).isNull();
    }

    @Test
    void wan_become_yuan_or_dollars_exactly() {
        assertThat(Money.fromWan(new BigDecimal("1448")).toPlainString()).isEqualTo("14480000");
        assertThat(Money.fromWan(new BigDecimal("0.000001")).toPlainString()).isEqualTo("0.01");
        assertThat(Money.fromWan(new BigDecimal("360.50")).toPlainString()).isEqualTo("3605000");
    }

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void chinese_readers_get_the_units_officials_write() {
        assertThat(Money.written(new BigDecimal("11500000000"), Unit.YI_YUAN, ZH))
                .isEqualTo("115亿元");
        assertThat(Money.written(new BigDecimal("115000000"), Unit.YI_YUAN, ZH)).isEqualTo("1.15亿元");
        assertThat(Money.written(new BigDecimal("15000000"), Unit.WAN_YUAN, ZH)).isEqualTo("1500万元");
        assertThat(Money.written(new BigDecimal("14480000"), Unit.WAN_USD, ZH)).isEqualTo("1448万美元");
        assertThat(Money.written(new BigDecimal("123456789"), Unit.YI_YUAN, ZH)).isEqualTo("1.23亿元");
        assertThat(Money.written(new BigDecimal("0"), Unit.WAN_USD, ZH)).isEqualTo("0万美元");
        assertThat(Money.written(null, Unit.WAN_USD, ZH)).isEqualTo("—");
    }

    @Test
    void chinese_figures_are_grouped_from_five_digits_on() {
        assertThat(Money.written(new BigDecimal("123450000"), Unit.WAN_YUAN, ZH))
                .isEqualTo("12,345万元");
        assertThat(Money.inColumn(new BigDecimal("123450000"), Unit.WAN_YUAN, ZH))
                .isEqualTo("12,345");
        assertThat(Money.inColumn(new BigDecimal("99990000"), Unit.WAN_YUAN, ZH))
                .isEqualTo("9999");
    }

    @Test
    void english_readers_get_the_currency_with_million_or_billion() {
        assertThat(Money.written(new BigDecimal("11500000000"), Unit.YI_YUAN, EN))
                .isEqualTo("CNY 11.5 billion");
        assertThat(Money.written(new BigDecimal("1150000000"), Unit.YI_YUAN, EN))
                .isEqualTo("CNY 1.15 billion");
        assertThat(Money.written(new BigDecimal("15000000"), Unit.WAN_YUAN, EN)).isEqualTo("CNY 15 million");
        assertThat(Money.written(new BigDecimal("14480000"), Unit.WAN_USD, EN)).isEqualTo("USD 14.48 million");
        assertThat(Money.written(new BigDecimal("500000"), Unit.WAN_YUAN, EN)).isEqualTo("CNY 500,000");
        assertThat(Money.written(new BigDecimal("1234.5"), Unit.WAN_USD, EN)).isEqualTo("USD 1,234.5");
        assertThat(Money.written(new BigDecimal("999999999"), Unit.YI_YUAN, EN)).isEqualTo("CNY 1 billion");
        assertThat(Money.written(new BigDecimal("-3000000"), Unit.WAN_USD, EN)).isEqualTo("USD -3 million");
    }

    @Test
    void history_lines_keep_every_digit() {
        assertThat(Money.writtenExactly(new BigDecimal("123456789"), Unit.YI_YUAN, ZH))
                .isEqualTo("1.23456789亿元");
        assertThat(Money.writtenExactly(new BigDecimal("1500000000"), Unit.YI_YUAN, ZH))
                .isEqualTo("15亿元");
        assertThat(Money.writtenExactly(new BigDecimal("1234567891"), Unit.YI_YUAN, EN))
                .isEqualTo("CNY 1.234567891 billion");
        assertThat(Money.writtenExactly(new BigDecimal("1000000.01"), Unit.WAN_USD, EN))
                .isEqualTo("USD 1.00000001 million");
    }

    @Test
    void a_tile_gets_the_figure_and_its_unit_apart() {
        assertThat(Money.writtenInParts(new BigDecimal("11500000000"), Unit.YI_YUAN, ZH))
                .isEqualTo(new Money.Written("115", "亿元"));
        assertThat(Money.writtenInParts(new BigDecimal("11500000000"), Unit.YI_YUAN, EN))
                .isEqualTo(new Money.Written("CNY 11.5", " billion"));
    }

    @Test
    void a_column_has_one_unit_for_every_figure() {
        assertThat(Money.columnUnit(Unit.YI_YUAN, ZH)).isEqualTo("亿元");
        assertThat(Money.columnUnit(Unit.WAN_USD, ZH)).isEqualTo("万美元");
        assertThat(Money.columnUnit(Unit.YI_YUAN, EN)).isEqualTo("CNY million");
        assertThat(Money.columnUnit(Unit.WAN_USD, EN)).isEqualTo("USD million");
        assertThat(Money.inColumn(new BigDecimal("11500000000"), Unit.YI_YUAN, ZH))
                .isEqualTo("115");
        assertThat(Money.inColumn(new BigDecimal("11500000000"), Unit.YI_YUAN, EN))
                .isEqualTo("11,500");
        assertThat(Money.inColumn(new BigDecimal("14480000"), Unit.WAN_USD, EN)).isEqualTo("14.48");
        assertThat(Money.columnSize(Unit.WAN_USD, ZH)).isEqualByComparingTo("10000");
        assertThat(Money.columnSize(Unit.WAN_USD, EN)).isEqualByComparingTo("1000000");
    }

    @Test
    void yuan_and_dollars_are_written_back_in_yi_and_wan_exactly() {
        assertThat(Money.inYi(new BigDecimal("10050000000")).toPlainString()).isEqualTo("100.5");
        assertThat(Money.inYi(new BigDecimal("1")).toPlainString()).isEqualTo("0.00000001");
        assertThat(Money.inWan(new BigDecimal("7000000.00")).toPlainString()).isEqualTo("700");
        assertThat(Money.inWan(new BigDecimal("0.01")).toPlainString()).isEqualTo("0.000001");
        assertThat(Money.inYi(null)).isNull();
    }
}

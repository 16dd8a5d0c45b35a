package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Figures in the reader's language, and the reader's half of a bilingual rule message. */
class FiguresTest {

    private final Figures figures = new Figures();

    @Test
    void amounts_are_written_in_yi_and_wan_with_at_most_two_decimals() {
        assertThat(figures.yi(new BigDecimal("11500000000"))).isEqualTo("115");
        assertThat(figures.yi(new BigDecimal("11230000000"))).isEqualTo("112.3");
        assertThat(figures.yi(new BigDecimal("123456789"))).isEqualTo("1.23");
        assertThat(figures.wan(new BigDecimal("14480000"))).isEqualTo("1448");
        assertThat(figures.wan(new BigDecimal("0"))).isEqualTo("0");
        assertThat(figures.yi(null)).isEqualTo("—");
    }

    @Test
    void templates_get_amounts_units_and_chart_scales_in_the_request_s_language() {
        try {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(figures.amount(new BigDecimal("14480000"), "WAN_USD")).isEqualTo("USD 14.48 million");
            assertThat(figures.column(new BigDecimal("11500000000"), "YI_YUAN")).isEqualTo("11,500");
            assertThat(figures.unit("YI_YUAN")).isEqualTo("CNY million");
            assertThat(figures.scale("WAN_USD")).isEqualTo(1_000_000L);
            LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(figures.amount(new BigDecimal("14480000"), "WAN_USD")).isEqualTo("1448万美元");
            assertThat(figures.column(new BigDecimal("11500000000"), "YI_YUAN")).isEqualTo("115");
            assertThat(figures.unit("YI_YUAN")).isEqualTo("亿元");
            assertThat(figures.scale("YI_YUAN")).isEqualTo(100_000_000L);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void completion_is_a_whole_percentage_and_a_share_has_one_decimal() {
        assertThat(figures.percent(new BigDecimal("1.15"))).isEqualTo("115%");
        assertThat(figures.percent(new BigDecimal("2.0686"))).isEqualTo("207%");
        assertThat(figures.share(new BigDecimal("0.294"))).isEqualTo("29.4%");
        assertThat(figures.share(new BigDecimal("0.2940"))).isEqualTo("29.4%");
        assertThat(figures.percent(null)).isEqualTo("—");
    }

    @Test
    void points_above_or_short_of_the_target() {
        assertThat(figures.points(new BigDecimal("1.15"))).isEqualTo(15);
        assertThat(figures.points(new BigDecimal("0.9"))).isEqualTo(-10);
        assertThat(figures.points(new BigDecimal("1.0000"))).isZero();
        assertThat(figures.points(null)).isNull();
        // a target of one yuan against an amount in the billions: the dashboard still answers
        assertThat(figures.points(new BigDecimal("11500000000"))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void a_bilingual_message_shows_the_reader_s_half() {
        String message = "落地日期早于签约日期 / the landing is before the signing";

        assertThat(Bilingual.inLanguageOf(message, Locale.SIMPLIFIED_CHINESE)).isEqualTo("落地日期早于签约日期");
        assertThat(Bilingual.inLanguageOf(message, Locale.ENGLISH)).isEqualTo("the landing is before the signing");
        assertThat(Bilingual.inLanguageOf("只有中文", Locale.ENGLISH)).isEqualTo("只有中文");
    }
}

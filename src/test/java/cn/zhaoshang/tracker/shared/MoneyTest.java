package cn.zhaoshang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts entered as officials write them become yuan and dollars exactly. */
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

    @Test
    void yuan_and_dollars_are_written_back_in_yi_and_wan_exactly() {
        assertThat(Money.inYi(new BigDecimal("10050000000")).toPlainString()).isEqualTo("100.5");
        assertThat(Money.inYi(new BigDecimal("1")).toPlainString()).isEqualTo("0.00000001");
        assertThat(Money.inWan(new BigDecimal("7000000.00")).toPlainString()).isEqualTo("700");
        assertThat(Money.inWan(new BigDecimal("0.01")).toPlainString()).isEqualTo("0.000001");
        assertThat(Money.inYi(null)).isNull();
    }
}

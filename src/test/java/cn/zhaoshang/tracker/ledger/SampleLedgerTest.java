package cn.zhaoshang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader on the shipped samples: units converted exactly, every mistake named by row and column. */
class SampleLedgerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @Test
    void the_shipped_samples_are_the_ones_the_helper_builds() throws IOException {
        if (Boolean.getBoolean("ledger.regenerate")) {
            SampleLedger.write(Path.of("src/test/resources/ledger/sample-30.xlsx"), SampleLedger.thirty());
            SampleLedger.write(
                    Path.of("src/test/resources/ledger/sample-with-mistakes.xlsx"), SampleLedger.withMistakes());
        }
        assertThat(read("/ledger/sample-30.xlsx").rows())
                .isEqualTo(LedgerReader.read(new ByteArrayInputStream(SampleLedger.xlsx(SampleLedger.thirty())), TODAY)
                        .rows());
    }

    @Test
    void thirty_rows_are_read_with_amounts_converted_exactly() throws IOException {
        LedgerReader.Result result = read("/ledger/sample-30.xlsx");

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(30);
        LedgerRow first = result.rows().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.contractInvestmentCny()).isEqualByComparingTo("36000000"); // 0.36 亿元
        assertThat(first.expectedAnnualTaxCny()).isEqualByComparingTo("1205000"); // 120.5 万元
        assertThat(first.signedOn()).isEqualTo(LocalDate.of(2024, 1, 14)); // written as 2024/01/14
        LedgerRow fifth = result.rows().get(4);
        assertThat(fifth.contractInvestmentCny()).isEqualByComparingTo("505000000"); // "5.05" 亿元
        LedgerRow fourth = result.rows().get(3);
        assertThat(fourth.foreignCapitalUsd()).isEqualByComparingTo("500000"); // 50 万美元
        LedgerRow sixth = result.rows().get(5);
        assertThat(sixth.domesticCapitalCny()).isEqualByComparingTo(new BigDecimal("3507500")); // 350.75 万元
        assertThat(result.rows().get(28).terminationReason()).isEqualTo("投资方战略调整，项目终止");
    }

    @Test
    void mistakes_are_reported_by_row_and_column() throws IOException {
        LedgerReader.Result result = read("/ledger/sample-with-mistakes.xlsx");

        assertThat(result.problems())
                .extracting(RowProblem::row, RowProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "项目名称"),
                        org.assertj.core.groups.Tuple.tuple(3, "是否三类500强"),
                        org.assertj.core.groups.Tuple.tuple(4, "合同投资额（亿元）"),
                        org.assertj.core.groups.Tuple.tuple(7, "签约日期"));
        // rows 5 (landing before signing) and 6 (unknown zone) are refused by the commands, not the reader
        assertThat(result.rows()).extracting(LedgerRow::row).containsExactly(5, 6, 8);
    }

    @Test
    void a_file_that_is_not_a_workbook_or_has_other_headers_is_refused() throws IOException {
        assertThatThrownBy(() -> LedgerReader.read(
                        new ByteArrayInputStream("项目名称,投资方\n".getBytes(StandardCharsets.UTF_8)), TODAY))
                .isInstanceOf(BadWorkbook.class)
                .hasMessageContaining(".xlsx");
        byte[] otherHeaders;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            Workbooks.header(workbook, workbook.createSheet("台账"), List.of("项目名称", "投资方"));
            otherHeaders = Workbooks.bytes(workbook);
        }
        assertThatThrownBy(() -> LedgerReader.read(new ByteArrayInputStream(otherHeaders), TODAY))
                .isInstanceOf(BadWorkbook.class)
                .hasMessageContaining("表头");
        assertThatThrownBy(() -> LedgerReader.read(new ByteArrayInputStream(Workbooks.template()), TODAY))
                .isInstanceOf(BadWorkbook.class)
                .hasMessageContaining("没有项目行");
    }

    private static LedgerReader.Result read(String resource) throws IOException {
        try (InputStream in = SampleLedgerTest.class.getResourceAsStream(resource)) {
            return LedgerReader.read(in, TODAY);
        }
    }
}

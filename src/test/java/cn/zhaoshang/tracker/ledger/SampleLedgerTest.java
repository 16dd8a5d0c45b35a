package cn.zhaoshang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.SigningKey;
import cn.zhaoshang.tracker.project.api.Stage;
import cn.zhaoshang.tracker.project.api.Top500;
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

        assertThat(result.allProblems())
                .extracting(RowProblem::row, RowProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "项目名称"),
                        org.assertj.core.groups.Tuple.tuple(3, "是否三类500强"),
                        org.assertj.core.groups.Tuple.tuple(4, "合同投资额（亿元）"),
                        org.assertj.core.groups.Tuple.tuple(7, "签约日期"));
        // rows 2 and 7 name no project; rows 3 and 4 do, with their problems (nothing to say if already recorded)
        assertThat(result.problems()).extracting(RowProblem::row).containsExactly(2, 7);
        assertThat(result.rows()).extracting(LedgerRow::row).containsExactly(3, 4, 5, 6, 8);
        // rows 5 (landing before signing) and 6 (unknown zone) are refused by the commands, not the reader
        assertThat(result.rows().stream().filter(row -> row.problems().isEmpty()))
                .extracting(LedgerRow::row)
                .containsExactly(5, 6, 8);
    }

    @Test
    void headers_may_carry_the_required_mark_come_in_any_order_and_leave_optional_columns_out() throws IOException {
        List<String> headers = List.of("*项目名称", "开发区编号*", "投资方＊", "产业链 *", "签约日期", "合同投资额(亿元)*", "落地日期", "备注");
        assertThatThrownBy(() -> LedgerReader.read(new ByteArrayInputStream(sheet(headers, List.of())), TODAY))
                .isInstanceOf(BadWorkbook.class)
                .hasMessageContaining("表头第H列“备注”不是模板的列");

        List<String> known = headers.subList(0, 7);
        List<Object> cells = List.of("甲项目", "songmu", "甲公司", "新材料", "2024-03-01", "1.5", "2024-05-01");
        LedgerReader.Result result = LedgerReader.read(new ByteArrayInputStream(sheet(known, cells)), TODAY);

        assertThat(result.allProblems()).isEmpty();
        LedgerRow row = result.rows().get(0);
        assertThat(row.name()).isEqualTo("甲项目");
        assertThat(row.zoneId()).isEqualTo("songmu");
        assertThat(row.contractInvestmentCny()).isEqualByComparingTo("150000000");
        assertThat(row.landedOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(row.expectedAnnualTaxCny()).isNull();
    }

    @Test
    void a_header_row_without_a_required_column_or_with_one_twice_is_refused() throws IOException {
        byte[] noName = sheet(List.of("开发区编号", "投资方", "产业链", "签约日期", "合同投资额（亿元）"), List.of());
        assertThatThrownBy(() -> LedgerReader.read(new ByteArrayInputStream(noName), TODAY))
                .isInstanceOf(BadWorkbook.class)
                .hasMessageContaining("表头缺少必填列：项目名称");
        byte[] twice = sheet(List.of("开发区编号", "项目名称", "投资方", "产业链", "签约日期", "合同投资额（亿元）", "项目名称*"), List.of());
        assertThatThrownBy(() -> LedgerReader.read(new ByteArrayInputStream(twice), TODAY))
                .isInstanceOf(BadWorkbook.class)
                .hasMessageContaining("表头“项目名称”出现了两次");
    }

    @Test
    void every_column_of_the_ledger_export_is_read_or_skipped() throws IOException {
        GetProject.Result project = new GetProject.Result(
                "3f1c0a52-0000-4000-8000-000000000001",
                "songmu",
                "日本触媒新材料项目",
                new Investor("日本触媒", "JP", Top500.GLOBAL),
                Industry.NEW_MATERIALS,
                Stage.IN_PRODUCTION,
                LocalDate.of(2023, 3, 15),
                LocalDate.of(2023, 4, 15),
                LocalDate.of(2023, 9, 1),
                null,
                new BigDecimal("1500000000"),
                new BigDecimal("1250000"),
                BigDecimal.ZERO,
                4);
        byte[] export = Workbooks.ledger(List.of(project), "zoneId=songmu");

        LedgerReader.Result result = LedgerReader.read(new ByteArrayInputStream(export), TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(1); // the footer line stands under 项目编号, which is skipped
        LedgerRow row = result.rows().get(0);
        assertThat(row.key()).isEqualTo(new SigningKey("songmu", "日本触媒新材料项目", LocalDate.of(2023, 3, 15)));
        assertThat(row.investor()).isEqualTo("日本触媒");
        assertThat(row.country()).isEqualTo("JP");
        assertThat(row.top500()).isEqualTo(Top500.GLOBAL);
        assertThat(row.industry()).isEqualTo(Industry.NEW_MATERIALS);
        assertThat(row.contractInvestmentCny()).isEqualByComparingTo("1500000000");
        assertThat(row.landedOn()).isEqualTo(LocalDate.of(2023, 4, 15));
        assertThat(row.startedOn()).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThat(row.foreignCapitalUsd()).isEqualByComparingTo("1250000");
        assertThat(row.domesticCapitalCny()).isNull();
        // a total has no date: a problem only for a project not yet recorded, which the export's rows are not
        assertThat(row.problems()).extracting(RowProblem::column).containsExactly("外资到位日期");
    }

    /** A sheet with these headers and, if any, one row of text cells. */
    private static byte[] sheet(List<String> headers, List<Object> cells) throws IOException {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = workbook.createSheet("台账");
            Workbooks.header(workbook, sheet, headers);
            if (!cells.isEmpty()) {
                var row = sheet.createRow(1);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c).toString());
                }
            }
            return Workbooks.bytes(workbook);
        }
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

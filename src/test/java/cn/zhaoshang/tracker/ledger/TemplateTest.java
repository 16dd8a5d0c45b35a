package cn.zhaoshang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The template an official downloads: its headers as the instructions write them, its instructions in Chinese first. */
class TemplateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @Test
    void the_template_marks_its_required_columns_and_reads_back_once_filled_in() throws IOException {
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Workbooks.template()))) {
            Sheet ledger = workbook.getSheetAt(0);
            assertThat(workbook.getSheetName(0)).isEqualTo("台账");
            List<String> headers = new ArrayList<>();
            ledger.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers)
                    .startsWith("开发区编号*", "项目名称*", "投资方*", "投资方国别", "是否三类500强", "产业链*", "签约日期*", "合同投资额（亿元）*")
                    .hasSize(Column.ALL.size());
            Row row = ledger.createRow(1);
            List<String> cells = List.of("songmu", "甲项目", "甲公司", "JP", "世界500强", "新材料", "2024-03-01", "1.5");
            for (int c = 0; c < cells.size(); c++) {
                row.createCell(c).setCellValue(cells.get(c));
            }
            filled = Workbooks.bytes(workbook);
        }

        LedgerReader.Result result = LedgerReader.read(new ByteArrayInputStream(filled), TODAY);

        assertThat(result.allProblems()).isEmpty();
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("甲项目");
            assertThat(row.contractInvestmentCny()).isEqualByComparingTo("150000000");
        });
    }

    @Test
    void the_instructions_are_in_chinese_with_the_english_below_in_wide_wrapped_cells() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Workbooks.template()))) {
            Sheet help = workbook.getSheet("填写说明");
            List<String> lines = new ArrayList<>();
            for (int index = 0; index <= help.getLastRowNum(); index++) {
                Row row = help.getRow(index);
                lines.add(row == null || row.getCell(0) == null ? "" : text(row.getCell(0)));
            }

            assertThat(lines.get(0)).isEqualTo("台账导入模板填写说明");
            int firstChinese = lines.indexOf(Workbooks.NOTES_ZH.get(0));
            int columns = lines.indexOf("列");
            int firstEnglish = lines.indexOf(Workbooks.NOTES_EN.get(0));
            assertThat(firstChinese).isPositive().isLessThan(columns);
            assertThat(columns).isLessThan(firstEnglish);
            assertThat(Workbooks.NOTES_ZH).allSatisfy(note -> assertThat(note).containsPattern("\\p{IsHan}{4}"));

            for (Column column : Column.ALL) {
                Row row = help.getRow(columns + 1 + column.ordinal());
                assertThat(text(row.getCell(1))).isEqualTo(column.marked());
                assertThat(text(row.getCell(2))).isEqualTo(column.required ? "是" : "否");
                Cell instruction = row.getCell(3);
                String[] languages = text(instruction).split("\n");
                assertThat(languages).hasSize(2);
                assertThat(languages[0]).as(column.header).containsPattern("^[\\p{IsHan}（“]");
                assertThat(languages[1]).as(column.header).matches("^[A-Z0-9].*");
                assertThat(instruction.getCellStyle().getWrapText()).isTrue();
                assertThat(row.getHeightInPoints()).isGreaterThanOrEqualTo(30);
            }
            assertThat(help.getColumnWidth(3)).isGreaterThanOrEqualTo(80 * 256);
            assertThat(help.getColumnWidth(1)).isGreaterThanOrEqualTo(24 * 256);
        }
    }

    private static String text(Cell cell) {
        return cell.getStringCellValue();
    }
}

package cn.zhaoshang.tracker.ledger;

import static cn.zhaoshang.tracker.shared.Money.WAN;
import static cn.zhaoshang.tracker.shared.Money.YI;

import cn.zhaoshang.tracker.project.api.GetProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The template to fill in and the export of the project list, as .xlsx bytes. */
final class Workbooks {

    /** Projects are read for a workbook this many at a time (the list query's largest page). */
    static final int PAGE = 500;

    private Workbooks() {}

    static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet ledger = workbook.createSheet("台账");
            header(
                    workbook,
                    ledger,
                    Column.ALL.stream().map(column -> column.header).toList());
            Sheet help = workbook.createSheet("填写说明");
            header(workbook, help, List.of("列", "表头", "必填", "说明"));
            for (Column column : Column.ALL) {
                Row row = help.createRow(column.ordinal() + 1);
                row.createCell(0).setCellValue(column.letter());
                row.createCell(1).setCellValue(column.header);
                row.createCell(2).setCellValue(column.required ? "是" : "否");
                row.createCell(3).setCellValue(column.hint);
            }
            Row note = help.createRow(Column.ALL.size() + 2);
            note.createCell(0)
                    .setCellValue(
                            "每行一个项目；日期写作 2023-03-15；金额按表头单位填写（亿元、万元、万美元）。" + "开发区编号、项目名称和签约日期相同的行视为同一项目，再次导入不会重复登记。");
            return bytes(workbook);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    static final List<String> EXPORT_HEADERS = List.of(
            "项目编号",
            "开发区编号",
            "项目名称",
            "投资方",
            "投资方国别",
            "是否三类500强",
            "产业链",
            "阶段",
            "签约日期",
            "合同投资额（亿元）",
            "落地日期",
            "投产日期",
            "终止日期",
            "实际到位外资（万美元）",
            "实际到位内资（万元）",
            "版本");

    static byte[] ledger(List<GetProject.Result> projects, String filters) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("项目台账");
            header(workbook, sheet, EXPORT_HEADERS);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            int index = 1;
            for (GetProject.Result project : projects) {
                Row row = sheet.createRow(index++);
                int c = 0;
                row.createCell(c++).setCellValue(project.id());
                row.createCell(c++).setCellValue(project.zoneId());
                row.createCell(c++).setCellValue(project.name());
                row.createCell(c++).setCellValue(project.investor().name());
                text(row, c++, project.investor().country());
                row.createCell(c++)
                        .setCellValue(Labels.top500(project.investor().top500()));
                row.createCell(c++).setCellValue(Labels.INDUSTRIES.get(project.industry()));
                row.createCell(c++).setCellValue(Labels.STAGES.get(project.stage()));
                date(row, c++, project.signedOn(), date);
                number(row, c++, project.contractInvestmentCny(), YI);
                date(row, c++, project.landedOn(), date);
                date(row, c++, project.productionStartedOn(), date);
                date(row, c++, project.terminatedOn(), date);
                number(row, c++, project.foreignCapitalArrivedUsd(), WAN);
                number(row, c++, project.domesticCapitalArrivedCny(), WAN);
                row.createCell(c).setCellValue(project.version());
            }
            Row footer = sheet.createRow(index + 1);
            footer.createCell(0).setCellValue("筛选条件 / filters: " + filters + "；共 " + projects.size() + " 个项目");
            for (int i = 0; i < EXPORT_HEADERS.size(); i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            return bytes(workbook);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** Excel keeps numbers as doubles; the exact figure divided into the header's unit is what it shows. */
    static void number(Row row, int column, BigDecimal amount, BigDecimal unit) {
        if (amount != null) {
            row.createCell(column)
                    .setCellValue(amount.divide(unit, 8, RoundingMode.HALF_UP).doubleValue());
        }
    }

    private static void date(Row row, int column, LocalDate value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    static void header(XSSFWorkbook workbook, Sheet sheet, List<String> headers) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, Math.max(12, headers.get(i).length() * 3) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}

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

    /** The export's own columns, which the reader skips ({@link Column#EXPORT_ONLY}). */
    static final String PROJECT_ID = "项目编号";

    static final String STAGE = "阶段";
    static final String VERSION = "版本";

    /**
     * The export's columns: the template's headers for what the template also has, so that the file imports as it
     * is (a project already recorded is found by zone, name and signing date and records nothing), and the export's
     * own columns, which the reader skips. The arrived amounts are totals; an arrival's date, the expected tax, the
     * land and a termination's reason are not in the project list and are left out.
     */
    static final List<String> EXPORT_HEADERS = List.of(
            PROJECT_ID,
            Column.ZONE.header,
            Column.NAME.header,
            Column.INVESTOR.header,
            Column.COUNTRY.header,
            Column.TOP500.header,
            Column.INDUSTRY.header,
            STAGE,
            Column.SIGNED_ON.header,
            Column.CONTRACT_YI.header,
            Column.LANDED_ON.header,
            Column.STARTED_ON.header,
            Column.TERMINATED_ON.header,
            Column.FOREIGN_WAN_USD.header,
            Column.DOMESTIC_WAN.header,
            VERSION);

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
                arrived(row, c++, project.foreignCapitalArrivedUsd());
                arrived(row, c++, project.domesticCapitalArrivedCny());
                row.createCell(c).setCellValue(project.version());
            }
            Row footer = sheet.createRow(index + 1);
            // under 项目编号, which the reader skips: the footer is not read as a project
            footer.createCell(0).setCellValue("筛选条件 / filters: " + filters + "；共 " + projects.size() + " 个项目");
            for (int i = 0; i < EXPORT_HEADERS.size(); i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            return bytes(workbook);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** Nothing arrived is an empty cell, not 0: the import reads an amount as an arrival, which must be more than 0. */
    private static void arrived(Row row, int column, BigDecimal amount) {
        if (amount != null && amount.signum() != 0) {
            number(row, column, amount, WAN);
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

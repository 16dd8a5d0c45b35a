package cn.zhaoshang.tracker.ledger;

import static cn.zhaoshang.tracker.shared.Money.WAN;
import static cn.zhaoshang.tracker.shared.Money.YI;

import cn.zhaoshang.tracker.pages.A4Pages;
import cn.zhaoshang.tracker.pages.StableWorkbooks;
import cn.zhaoshang.tracker.project.api.GetProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The template to fill in and the export of the project list, as .xlsx bytes. */
final class Workbooks {

    /** Projects are read for a workbook this many at a time (the list query's largest page). */
    static final int PAGE = 500;

    private Workbooks() {}

    /** What the 填写说明 sheet says before the columns, in Chinese; {@link #NOTES_EN} says the same in English. */
    static final List<String> NOTES_ZH = List.of(
            "1. 第一行是表头，从第二行起每行填写一个项目。表头带 * 的列必填；表头写作“项目名称*”或“*项目名称”均可，" + "列的顺序可以调整，不需要的选填列可以删去。",
            "2. 日期写作 2023-03-15（也可用 Excel 日期格式）；金额只填数字，单位以表头为准：亿元、万元、万美元。",
            "3. 开发区编号、项目名称、签约日期都相同的行视为同一项目：已登记的项目不会重复登记，该行其余各列也不会改变已登记的内容。",
            "4. 从“项目台账”导出的文件可以直接导入：其中的项目编号、阶段、版本三列不读取，已登记的项目不会重复登记。",
            "5. 建议先选“只检查，不登记”，查看逐行问题；正式导入时只要有一行有误，整个文件都不登记。",
            "6. 一个文件最多 %d 个项目、不超过 1 MB；只读取第一个工作表（本说明页不读取）。".formatted(ReadLimits.MAX_ROWS));

    static final List<String> NOTES_EN = List.of(
            "1. Row 1 holds the headers, then one project per row. Columns marked * are required; a header may be written"
                    + " 项目名称* or *项目名称, the columns may be reordered, and optional columns you do not need may be"
                    + " deleted.",
            "2. Dates as 2023-03-15 (or Excel dates); amounts as plain numbers in the header's unit: 亿元 = 100 million"
                    + " yuan, 万元 = 10,000 yuan, 万美元 = 10,000 US dollars.",
            "3. Rows with the same zone id, project name and signing date are the same project: a project already"
                    + " recorded is not recorded again, and the rest of its row changes nothing that is recorded.",
            "4. A ledger exported from 项目台账 imports as it is: its columns 项目编号, 阶段 and 版本 are not read, and the"
                    + " projects already recorded are not recorded again.",
            "5. Check first (只检查，不登记, only check) to see the problems row by row; a real import records every row,"
                    + " or none if any row is wrong.",
            "6. At most %,d projects and 1 MB per file; only the first sheet is read (not this one)."
                    .formatted(ReadLimits.MAX_ROWS));

    /** Widths of the 填写说明 sheet's columns, in characters of the default font (a Chinese character is two). */
    private static final int[] HELP_WIDTHS = {6, 26, 6, 90};

    static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet ledger = workbook.createSheet("台账");
            header(workbook, ledger, Column.ALL.stream().map(Column::marked).toList());
            help(workbook, workbook.createSheet("填写说明"));
            return bytes(workbook);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * The instructions: what to know first, then a line per column, each in Chinese with the English below it, in
     * wrapped cells of a readable width; printed on A4, as wide as the page.
     */
    private static void help(XSSFWorkbook workbook, Sheet help) {
        for (int i = 0; i < HELP_WIDTHS.length; i++) {
            help.setColumnWidth(i, HELP_WIDTHS[i] * 256);
        }
        CellStyle title = workbook.createCellStyle();
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        title.setFont(large);
        CellStyle wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        bold.setWrapText(true);
        bold.setVerticalAlignment(VerticalAlignment.TOP);
        bold.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        bold.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        int index = 0;
        help.createRow(index++).createCell(0).setCellValue("台账导入模板填写说明");
        help.getRow(0).getCell(0).setCellStyle(title);
        help.createRow(index++)
                .createCell(0)
                .setCellValue("How to fill in the ledger template (English below the Chinese)");
        index++;
        for (String note : NOTES_ZH) {
            index = note(help, index, note, wrapped);
        }
        index++;
        Row columns = help.createRow(index++);
        List<String> headers = List.of("列", "表头", "必填", "填写说明 / How to fill it in");
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = columns.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(bold);
        }
        for (Column column : Column.ALL) {
            Row row = help.createRow(index++);
            List<String> cells = List.of(
                    column.letter(), column.marked(), column.required ? "是" : "否", column.zh + "\n" + column.en);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(cells.get(i));
                cell.setCellStyle(wrapped);
            }
            row.setHeightInPoints(height(column.zh, HELP_WIDTHS[3]) + height(column.en, HELP_WIDTHS[3]));
        }
        index++;
        help.createRow(index++).createCell(0).setCellValue("Notes");
        help.getRow(index - 1).getCell(0).setCellStyle(title);
        for (String note : NOTES_EN) {
            index = note(help, index, note, wrapped);
        }
        A4Pages.fit(help, false);
    }

    /** A note across the sheet's four columns, its row as high as its wrapped lines. */
    private static int note(Sheet help, int index, String text, CellStyle wrapped) {
        Row row = help.createRow(index);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(wrapped);
        help.addMergedRegion(new CellRangeAddress(index, index, 0, HELP_WIDTHS.length - 1));
        row.setHeightInPoints(height(text, Arrays.stream(HELP_WIDTHS).sum()));
        return index + 1;
    }

    /**
     * Excel does not fit a row's height to wrapped text in merged cells, and only on editing elsewhere: the lines the
     * text takes in a column this wide (a Chinese character as wide as two Latin ones), 15 points each.
     */
    private static float height(String text, int width) {
        int units = text.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
        return 15f * Math.max(1, (units + width - 1) / width);
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
            printable(sheet);
            return bytes(workbook);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** Sixteen columns on A4: landscape, one page wide, the header row again on every page, pages numbered. */
    private static void printable(Sheet sheet) {
        A4Pages.fit(sheet, true);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
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

    static byte[] bytes(XSSFWorkbook workbook) {
        return StableWorkbooks.bytes(workbook);
    }
}

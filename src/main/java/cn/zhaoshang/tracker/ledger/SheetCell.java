package cn.zhaoshang.tracker.ledger;

import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * One cell as the workbook stores it: its type (for a formula, the type of its cached result) and its text — a
 * number as written in the XML, TRUE or FALSE, a string, or an error code. Number formats are not read: a number is
 * taken for what it is, whatever format shows it.
 *
 * @param date1904 whether the workbook counts its dates from 1904 (old Mac Excel) rather than from 1900
 */
record SheetCell(CellType type, String text, boolean date1904) {

    /** As {@code XSSFCell.getNumericCellValue()}: an empty number is 0; a number that is not one is unreadable. */
    double number() {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalStateException("a numeric cell holds '%s'".formatted(text), notANumber);
        }
    }

    boolean isTrue() {
        return text.equals("TRUE");
    }

    /** A number as an Excel date, in the workbook's own date system. */
    LocalDate date() {
        return DateUtil.getLocalDateTime(number(), date1904).toLocalDate();
    }

    /** What Excel shows in a cell without a number format, as the header check has always compared it. */
    String shown() {
        return type == CellType.NUMERIC ? new DataFormatter().formatRawCellContents(number(), 0, "General") : text;
    }
}

package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.shared.Money.WAN;
import static cn.zhaoshang.tracker.shared.Money.YI;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The 月报 workbook: the zone-year report and each dashboard view on a sheet of its own, all computed at one report
 * point. Money is shown in the units officials report in (yuan in 亿元, dollars in 万美元), ratios as % of target;
 * every sheet is stamped with the point's {@code position} and {@code positionHash}, so the same workbook can be
 * regenerated later with {@code atPosition}.
 */
final class MonthlyReportWorkbook {

    /** Chinese headers of the record fields; the unit follows from the field's suffix. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("zoneId", "开发区"),
            Map.entry("year", "年度"),
            Map.entry("asOf", "业务日期截止"),
            Map.entry("knownAt", "记录时间截止"),
            Map.entry("projectsSigned", "签约项目数"),
            Map.entry("top500Projects", "三类500强项目数"),
            Map.entry("contractInvestmentCny", "合同投资额"),
            Map.entry("foreignCapitalArrivedUsd", "实际到位外资"),
            Map.entry("domesticCapitalArrivedCny", "实际到位内资"),
            Map.entry("projectsLanded", "落地项目数"),
            Map.entry("projectsInProduction", "投产项目数"),
            Map.entry("projectsTerminated", "终止项目数"),
            Map.entry("foreignCapitalUsd", "到位外资目标"),
            Map.entry("projectCount", "签约项目数目标"),
            Map.entry("contractInvestmentCompletion", "合同投资额完成率"),
            Map.entry("foreignCapitalCompletion", "到位外资完成率"),
            Map.entry("projectCountCompletion", "项目数完成率"),
            Map.entry("city", "城市"),
            Map.entry("zones", "全市开发区数"),
            Map.entry("foreignCapitalShare", "到位外资占全市比重"),
            Map.entry("foreignCapitalRank", "到位外资全市排名"),
            Map.entry("position", "报表位置 position"),
            Map.entry("positionHash", "位置哈希 positionHash"),
            Map.entry("month", "月份"),
            Map.entry("cumulativeContractInvestmentCny", "累计合同投资额"),
            Map.entry("cumulativeForeignCapitalArrivedUsd", "累计实际到位外资"),
            Map.entry("industry", "产业链"),
            Map.entry("projects", "项目数"),
            Map.entry("signed", "签约"),
            Map.entry("landed", "落地"),
            Map.entry("inProduction", "投产"),
            Map.entry("terminated", "终止"),
            Map.entry("fulfilmentRate", "履约率"),
            Map.entry("landingRate", "开工率"),
            Map.entry("productionRate", "投产率"),
            Map.entry("capitalArrivalRate", "到位率"),
            Map.entry("medianDaysSignedToLanded", "签约至落地天数（中位数）"),
            Map.entry("medianDaysLandedToProduction", "落地至投产天数（中位数）"),
            Map.entry("projectId", "项目编号"),
            Map.entry("projectName", "项目名称"),
            Map.entry("investorName", "投资方"),
            Map.entry("top500", "500强类别"),
            Map.entry("signedOn", "签约日期"));

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle percent;
    private final CellStyle amount;
    private final String stamp;

    private MonthlyReportWorkbook(ZoneYearReport report) {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
        amount = workbook.createCellStyle();
        amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00######"));
        stamp = "报表位置 position=%s，positionHash=%s；重新生成：atPosition=%s / regenerate with atPosition"
                .formatted(report.position(), report.positionHash(), report.position());
    }

    /** The 月报 of a zone and year at one report point: the same figures the API and the dashboard show there. */
    static Download at(Reports reports, String zoneId, int year, ReportPoint point) {
        ZoneYearReport report = reports.zoneYear(zoneId, year, point);
        List<Fact> yearFacts = reports.facts(zoneId, point.yearEnd(year), point);
        List<Fact> cohortFacts = reports.facts(zoneId, point.asOf(), point);
        byte[] xlsx = of(
                report,
                DashboardViews.monthly(yearFacts, point.yearStart(year), point.yearEnd(year)),
                DashboardViews.industries(yearFacts, point.yearStart(year), point.yearEnd(year)),
                DashboardViews.pipeline(cohortFacts, point.yearStart(year), point.yearEnd(year), point.asOf()),
                DashboardViews.top500(yearFacts, point.yearStart(year), point.yearEnd(year)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(
                        "%s-%d-月报-position-%s.xlsx".formatted(zoneId, year, report.position()), StandardCharsets.UTF_8)
                .build());
        return new Download(new ResponseEntity<>(xlsx, headers, HttpStatus.OK));
    }

    record Download(ResponseEntity<byte[]> response) {}

    static byte[] of(
            ZoneYearReport report,
            List<DashboardViews.Month> months,
            List<DashboardViews.IndustryShare> industries,
            DashboardViews.Pipeline pipeline,
            List<DashboardViews.Top500Investor> top500) {
        MonthlyReportWorkbook book = new MonthlyReportWorkbook(report);
        try (XSSFWorkbook workbook = book.workbook) {
            book.summary(report);
            book.table("逐月", months, DashboardViews.Month.class);
            book.table("产业链", industries, DashboardViews.IndustryShare.class);
            book.table("转化", List.of(pipeline), DashboardViews.Pipeline.class);
            book.table("三类500强", top500, DashboardViews.Top500Investor.class);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private void summary(ZoneYearReport report) {
        Sheet sheet = workbook.createSheet("年度报表");
        stamp(sheet, "%s %d 年招商引资月报".formatted(report.zoneId(), report.year()));
        Row header = sheet.createRow(2);
        headerCell(header, 0, "指标");
        headerCell(header, 1, "数值");
        headerCell(header, 2, "单位");
        int[] next = {3};
        for (RecordComponent component : ZoneYearReport.class.getRecordComponents()) {
            Object value = read(component, report);
            if (value instanceof ZoneYearReport.Targets targets) {
                pair(sheet, next, "contractInvestmentCny", "合同投资额目标", targets.contractInvestmentCny());
                pair(sheet, next, "foreignCapitalUsd", "到位外资目标", targets.foreignCapitalUsd());
                pair(sheet, next, "projectCount", "签约项目数目标", targets.projectCount());
            } else if (value instanceof ZoneYearReport.City city) {
                for (RecordComponent part : ZoneYearReport.City.class.getRecordComponents()) {
                    String name = part.getName().equals("foreignCapitalArrivedUsd")
                            ? "全市实际到位外资"
                            : LABELS.getOrDefault(part.getName(), part.getName());
                    pair(sheet, next, part.getName(), name, read(part, city));
                }
            } else {
                pair(sheet, next, component.getName(), label(component.getName()), value);
            }
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 24 * 256);
    }

    private void pair(Sheet sheet, int[] next, String field, String label, Object value) {
        Row row = sheet.createRow(next[0]++);
        row.createCell(0).setCellValue(label);
        write(row.createCell(1), field, value);
        row.createCell(2).setCellValue(unit(field));
    }

    private <T> void table(String name, List<T> rows, Class<T> type) {
        Sheet sheet = workbook.createSheet(name);
        stamp(sheet, name);
        RecordComponent[] components = type.getRecordComponents();
        Row header = sheet.createRow(2);
        for (int i = 0; i < components.length; i++) {
            String unit = unit(components[i].getName());
            headerCell(header, i, label(components[i].getName()) + (unit.isEmpty() ? "" : "（" + unit + "）"));
            sheet.setColumnWidth(i, 18 * 256);
        }
        int index = 3;
        for (T record : rows) {
            Row row = sheet.createRow(index++);
            for (int i = 0; i < components.length; i++) {
                write(row.createCell(i), components[i].getName(), read(components[i], record));
            }
        }
    }

    private void stamp(Sheet sheet, String title) {
        Row row = sheet.createRow(0);
        Cell cell = row.createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(bold);
        sheet.createRow(1).createCell(0).setCellValue(stamp);
    }

    private void headerCell(Row row, int column, String text) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(bold);
    }

    private void write(Cell cell, String field, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal number) {
            if (isRatio(field)) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(percent);
            } else {
                cell.setCellValue(
                        number.divide(divisor(field), 8, RoundingMode.HALF_UP).doubleValue());
                cell.setCellStyle(amount);
            }
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date.toString());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static boolean isRatio(String field) {
        return field.endsWith("Rate") || field.endsWith("Share") || field.endsWith("Completion");
    }

    private static BigDecimal divisor(String field) {
        if (field.endsWith("Cny")) {
            return YI;
        }
        if (field.endsWith("Usd")) {
            return WAN;
        }
        return BigDecimal.ONE;
    }

    private static String unit(String field) {
        if (isRatio(field)) {
            return "%";
        }
        if (field.endsWith("Cny")) {
            return "亿元";
        }
        if (field.endsWith("Usd")) {
            return "万美元";
        }
        return "";
    }

    private static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import cn.zhaoshang.tracker.pages.A4Pages;
import cn.zhaoshang.tracker.pages.StableWorkbooks;
import cn.zhaoshang.tracker.shared.AccessRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The 月报 workbook an official can send on: the zone-year's figures at one report point, in Chinese, with names
 * instead of codes. Sheets: 年度报表 (what happened in the period, targets, the city), 逐月, 产业链, 转化 (the year's
 * signings followed up to asOf), 三类500强 and 口径说明 (how every figure is counted, and how to regenerate the
 * file). Every figure and its name come from {@link Caliber}, as on the dashboard and in the API.
 *
 * <p>The file depends only on the rows at the report's position: its creation time is the recording time of the
 * last event it counts, and the zip entries carry that time too, so two downloads at the same position are the same
 * bytes. The position and its hash are in each sheet's footer and in the document's properties.
 */
@Component
class MonthlyReportWorkbook {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String CREATOR = "招商引资项目跟踪系统";
    private static final String SUMMARY = "年度报表";
    private static final String MONTHLY = "逐月";
    private static final String INDUSTRIES = "产业链";
    private static final String PIPELINE = "转化";
    private static final String TOP500 = "三类500强";
    private static final String CALIBER = "口径说明";

    private final Reports reports;
    private final CaliberTexts calibers;
    private final AccessRecords accessRecords;

    MonthlyReportWorkbook(Reports reports, CaliberTexts calibers, AccessRecords accessRecords) {
        this.reports = reports;
        this.calibers = calibers;
        this.accessRecords = accessRecords;
    }

    /**
     * The 月报 of a zone and year at one report point, as a download named for what it is. It leaves the building
     * only once it is in the register (zone, period, position, the SHA-256 of these bytes, who, when).
     */
    ResponseEntity<byte[]> download(String zoneId, int year, ReportPoint point) {
        ZoneYearViews views = reports.views(zoneId, year, point);
        byte[] xlsx = bytes(views, reports.recordedAt(views.report().position()));
        accessRecords.record(new AccessRecords.Read(
                AccessRecords.Kind.WORKBOOK_DOWNLOADED,
                zoneId,
                period(views),
                views.report().position(),
                AccessRecords.sha256(xlsx),
                "year=%d, asOf=%s%s"
                        .formatted(year, point.asOf(), point.knownAt() == null ? "" : ", knownAt=" + point.knownAt()),
                "OK"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName(views), asciiFileName(views)));
        return new ResponseEntity<>(xlsx, headers, HttpStatus.OK);
    }

    /** The workbook's bytes; {@code recordedAt} is when the last event it counts was recorded. */
    byte[] bytes(ZoneYearViews views, Optional<Instant> recordedAt) {
        Instant created =
                recordedAt.orElseGet(() -> views.asOf().atStartOfDay(CHINA).toInstant());
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            new Book(workbook, views, recordedAt).write();
            return StableWorkbooks.bytes(workbook, created);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** The months the workbook covers, "2023-01..2023-06"; the year alone when its window is empty. */
    static String period(ZoneYearViews views) {
        if (views.until().isBefore(views.from())) {
            return String.valueOf(views.year());
        }
        return YearMonth.from(views.from()) + ".." + YearMonth.from(views.until());
    }

    /** "衡阳松木经济开发区-2023年1-6月招商引资月报.xlsx". */
    static String fileName(ZoneYearViews views) {
        return "%s-%d年%s招商引资月报.xlsx".formatted(views.zoneName(), views.year(), months(views));
    }

    /** The name for clients that do not read RFC 5987: "songmu-2023-01-06-monthly-report.xlsx". */
    static String asciiFileName(ZoneYearViews views) {
        String months = views.until().isBefore(views.from())
                ? ""
                : "-01-%02d".formatted(views.until().getMonthValue());
        return "%s-%d%s-monthly-report.xlsx".formatted(views.report().zoneId(), views.year(), months);
    }

    /** An attachment with an ASCII {@code filename} and the real name as RFC 5987 {@code filename*}. */
    static String contentDisposition(String name, String ascii) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"%s\"; filename*=UTF-8''%s".formatted(ascii, encoded);
    }

    /** Instants as the pages show them: Beijing time, to the second. */
    static String beijingTime(Instant instant) {
        return SHOWN.format(instant.atZone(CHINA));
    }

    /** The months of the window as officials name a report's period: "1-6月", "1月"; empty before the year. */
    private static String months(ZoneYearViews views) {
        if (views.until().isBefore(views.from())) {
            return "";
        }
        int last = views.until().getMonthValue();
        return last == 1 ? "1月" : "1-" + last + "月";
    }

    /** One workbook being written. */
    private final class Book {

        private final XSSFWorkbook workbook;
        private final ZoneYearViews views;
        private final ZoneYearReport report;
        private final Optional<Instant> recordedAt;
        private final String title;
        private final CellStyle titleStyle;
        private final CellStyle header;
        private final CellStyle group;
        private final CellStyle text;
        private final CellStyle wrapped;
        private final Map<Caliber.Unit, CellStyle> numberStyles = new EnumMap<>(Caliber.Unit.class);

        Book(XSSFWorkbook workbook, ZoneYearViews views, Optional<Instant> recordedAt) {
            this.workbook = workbook;
            this.views = views;
            this.report = views.report();
            this.recordedAt = recordedAt;
            this.title = "%s %d年%s招商引资月报".formatted(views.zoneName(), views.year(), months(views));
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            titleStyle = workbook.createCellStyle();
            titleStyle.setFont(big);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            group = workbook.createCellStyle();
            group.setFont(bold);
            text = workbook.createCellStyle();
            text.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        }

        void write() {
            summary();
            monthly();
            industries();
            pipeline();
            top500();
            caliber();
            properties();
        }

        private void summary() {
            Sheet sheet = sheet(SUMMARY, false, new int[] {34, 16, 10});
            int next = heading(sheet, title, 3);
            next = pair(sheet, next, "开发区", views.zoneName());
            next = pair(sheet, next, "所在城市", calibers.city(report.city().city(), CHINESE));
            next = pair(sheet, next, "统计期", period());
            next = pair(sheet, next, "业务日期截止", views.asOf().toString());
            next = pair(
                    sheet,
                    next,
                    "记录时间截止",
                    recordedAt.map(at -> beijingTime(at) + "（北京时间，所计最后一笔登记）").orElse("尚无登记"));
            next++;
            int headerRow = next;
            next = headers(sheet, next, "指标", "数值", "单位");
            for (Caliber.Group part : List.of(Caliber.Group.IN_PERIOD, Caliber.Group.TARGETS, Caliber.Group.CITY)) {
                next = groupRow(sheet, next, calibers.group(part, CHINESE), 3);
                for (Caliber figure : Caliber.of(part)) {
                    next = figureRow(sheet, next, figure);
                }
            }
            next++;
            note(sheet, next, "当年签约项目的落地、投产、终止和资金到位进展见“转化”表；每个指标的口径见“口径说明”表。", 3);
            repeat(sheet, headerRow);
        }

        private void monthly() {
            Sheet sheet = sheet(MONTHLY, true, new int[] {10, 20, 20, 20, 20});
            int next = heading(sheet, "逐月（" + period() + "）", 5);
            int headerRow = next;
            String contract = calibers.label(Caliber.CONTRACT_INVESTMENT, CHINESE);
            String foreign = calibers.label(Caliber.FOREIGN_CAPITAL, CHINESE);
            next = headers(sheet, next, "月份", contract, foreign, "累计" + contract, "累计" + foreign);
            int months =
                    views.until().isBefore(views.from()) ? 0 : views.until().getMonthValue();
            for (DashboardViews.Month month : views.monthly().subList(0, months)) {
                Row row = sheet.createRow(next++);
                textCell(row, 0, month.month() + "月");
                number(row, 1, Caliber.Unit.YI, month.contractInvestmentCny());
                number(row, 2, Caliber.Unit.WAN_USD, month.foreignCapitalArrivedUsd());
                number(row, 3, Caliber.Unit.YI, month.cumulativeContractInvestmentCny());
                number(row, 4, Caliber.Unit.WAN_USD, month.cumulativeForeignCapitalArrivedUsd());
            }
            next++;
            note(sheet, next, "合同投资额含当月增资、减资的变化额；累计至" + views.until() + "的合计即年度报表中的数字。", 5);
            repeat(sheet, headerRow);
        }

        private void industries() {
            Sheet sheet = sheet(INDUSTRIES, false, new int[] {20, 16, 20});
            int next = heading(sheet, "按产业链（" + period() + "）", 3);
            int headerRow = next;
            next = headers(
                    sheet,
                    next,
                    "产业链",
                    calibers.label(Caliber.PROJECTS_SIGNED, CHINESE),
                    calibers.label(Caliber.CONTRACT_INVESTMENT, CHINESE));
            for (DashboardViews.IndustryShare share : views.industries()) {
                Row row = sheet.createRow(next++);
                textCell(row, 0, calibers.industry(share.industry(), CHINESE));
                number(row, 1, Caliber.Unit.COUNT, BigDecimal.valueOf(share.projects()));
                number(row, 2, Caliber.Unit.YI, share.contractInvestmentCny());
            }
            Row total = sheet.createRow(next++);
            textCell(total, 0, "合计").setCellStyle(group);
            number(total, 1, Caliber.Unit.COUNT, Caliber.PROJECTS_SIGNED.of(views));
            number(total, 2, Caliber.Unit.YI, Caliber.CONTRACT_INVESTMENT.of(views));
            next++;
            note(sheet, next, "合同投资额含统计期内增资、减资的变化额，计入被变更项目的产业链；项目数为当年签约项目。", 3);
            repeat(sheet, headerRow);
        }

        private void pipeline() {
            Sheet sheet = sheet(PIPELINE, false, new int[] {36, 14, 10, 26});
            int next = heading(sheet, calibers.group(Caliber.Group.COHORT, CHINESE) + "：截至 " + views.asOf(), 4);
            int headerRow = next;
            next = headers(sheet, next, "指标", "数值", "单位", "计算");
            next = figureRow(sheet, next, Caliber.PROJECTS_SIGNED);
            DashboardViews.Pipeline pipeline = views.pipeline();
            for (Caliber figure : Caliber.of(Caliber.Group.COHORT)) {
                int row = next;
                next = figureRow(sheet, next, figure);
                String sum =
                        switch (figure) {
                            case FULFILMENT_RATE -> "（%d − %d）÷ %d"
                                    .formatted(pipeline.signed(), pipeline.terminated(), pipeline.signed());
                            case LANDING_RATE -> "%d ÷ %d".formatted(pipeline.landed(), pipeline.signed());
                            case PRODUCTION_RATE -> "%d ÷ %d".formatted(pipeline.inProduction(), pipeline.signed());
                            case CAPITAL_ARRIVAL_RATE -> "%s万元 ÷ %s亿元"
                                    .formatted(
                                            calibers.value(Caliber.COHORT_DOMESTIC_CAPITAL, views, CHINESE),
                                            calibers.value(Caliber.COHORT_CONTRACT_INVESTMENT, views, CHINESE));
                            default -> "";
                        };
                textCell(sheet.getRow(row), 3, sum);
            }
            next++;
            note(sheet, next, "本表跟踪统计期内签约的项目至业务截止日期，其落地、投产、终止可在次年；统计期内发生的全部落地、投产、终止见“年度报表”。", 4);
            repeat(sheet, headerRow);
        }

        private void top500() {
            Sheet sheet = sheet(TOP500, true, new int[] {36, 20, 20, 16, 12, 18});
            int next = heading(sheet, "三类500强投资项目（" + period() + "）", 6);
            int headerRow = next;
            next = headers(sheet, next, "项目名称", "投资方", "500强类别", "产业链", "签约日期", "签约时合同投资额（亿元）");
            for (DashboardViews.Top500Investor investor : views.top500()) {
                Row row = sheet.createRow(next++);
                textCell(row, 0, investor.projectName());
                textCell(row, 1, investor.investorName());
                textCell(row, 2, calibers.top500(investor.top500(), CHINESE));
                textCell(row, 3, calibers.industry(investor.industry(), CHINESE));
                textCell(row, 4, investor.signedOn().toString());
                number(row, 5, Caliber.Unit.YI, investor.contractInvestmentCny());
            }
            Row total = sheet.createRow(next);
            textCell(total, 0, "合计 " + views.top500().size() + " 个项目").setCellStyle(group);
            repeat(sheet, headerRow);
        }

        private void caliber() {
            Sheet sheet = sheet(CALIBER, false, new int[] {30, 10, 70});
            int next = heading(sheet, calibers.text("caliber.title", CHINESE), 3);
            for (String paragraph : List.of(
                    calibers.text("caliber.intro", CHINESE),
                    calibers.text(
                            "caliber.period",
                            CHINESE,
                            views.from().toString(),
                            views.until().toString()),
                    clocks(),
                    reproduce(),
                    "金额：合同投资额以亿元计，实际到位外资以万美元计，实际到位内资以万元计，均由元、美元精确换算；完成率、比重和各项比率以百分比表示。")) {
                note(sheet, next++, paragraph, 3);
            }
            next++;
            int headerRow = next;
            next = headers(sheet, next, "指标", "单位", "口径");
            for (Caliber.Group part : Caliber.Group.values()) {
                next = groupRow(sheet, next, calibers.group(part, CHINESE), 3);
                for (Caliber figure : Caliber.of(part)) {
                    Row row = sheet.createRow(next++);
                    textCell(row, 0, calibers.name(figure, CHINESE)).setCellStyle(wrapped);
                    textCell(row, 1, calibers.unit(figure.unit(), CHINESE));
                    textCell(row, 2, calibers.definition(figure, CHINESE)).setCellStyle(wrapped);
                }
            }
            repeat(sheet, headerRow);
        }

        private String clocks() {
            Long position = report.position();
            return position == null
                    ? calibers.text(
                            "caliber.clocks.empty", CHINESE, views.asOf().toString())
                    : calibers.text(
                            "caliber.clocks",
                            CHINESE,
                            views.asOf().toString(),
                            String.valueOf(position),
                            recordedAt.map(MonthlyReportWorkbook::beijingTime).orElse("—"));
        }

        private String reproduce() {
            Long position = report.position();
            if (position == null) {
                return "本报表生成时尚无任何登记。";
            }
            return calibers.text(
                            "caliber.reproduce",
                            CHINESE,
                            String.valueOf(position),
                            report.positionHash() == null ? "—" : report.positionHash())
                    + "下载地址：/api/reports/zones/%s/years/%d/workbook.xlsx?asOf=%s&atPosition=%d"
                            .formatted(report.zoneId(), views.year(), views.asOf(), position);
        }

        private void properties() {
            POIXMLProperties properties = workbook.getProperties();
            POIXMLProperties.CoreProperties core = properties.getCoreProperties();
            core.setTitle(title);
            core.setSubjectProperty("招商引资月报");
            core.setCreator(CREATOR);
            core.setDescription(reproduce());
            if (report.position() != null) {
                core.setKeywords("position=%d positionHash=%s".formatted(report.position(), report.positionHash()));
                POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
                custom.addProperty("报表位置 position", report.position().intValue());
                custom.addProperty("位置哈希 positionHash", String.valueOf(report.positionHash()));
                custom.addProperty("重新生成 regenerate", "atPosition=" + report.position());
                if (report.checkpoint() != null) {
                    // the signed checkpoint the figures stand on: verify-export --stamp checks it against an export
                    custom.addProperty(
                            "签名检查点 checkpoint",
                            String.valueOf(report.checkpoint().position()));
                    custom.addProperty(
                            "检查点哈希 checkpointHash", report.checkpoint().hash());
                    custom.addProperty("签名密钥 keyId", report.checkpoint().keyId());
                    custom.addProperty("签名 signature", report.checkpoint().signature());
                }
            }
            properties.getExtendedProperties().getUnderlyingProperties().setApplication(CREATOR);
        }

        // ---- the parts of a sheet

        private Sheet sheet(String name, boolean landscape, int[] widths) {
            Sheet sheet = workbook.createSheet(name);
            for (int column = 0; column < widths.length; column++) {
                sheet.setColumnWidth(column, widths[column] * 256);
            }
            A4Pages.fit(sheet, landscape);
            sheet.getFooter().setLeft(title);
            sheet.getFooter()
                    .setRight(
                            report.position() == null
                                    ? "尚无登记"
                                    : "历史位置 %d，哈希 %s；以 atPosition=%d 可原样重新生成"
                                            .formatted(report.position(), report.positionHash(), report.position()));
            return sheet;
        }

        private int heading(Sheet sheet, String words, int columns) {
            Row row = sheet.createRow(0);
            row.setHeightInPoints(24);
            textCell(row, 0, words).setCellStyle(titleStyle);
            if (columns > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            }
            return 1;
        }

        private int pair(Sheet sheet, int next, String label, String value) {
            Row row = sheet.createRow(next);
            textCell(row, 0, label).setCellStyle(group);
            textCell(row, 1, value);
            return next + 1;
        }

        private int headers(Sheet sheet, int next, String... names) {
            Row row = sheet.createRow(next);
            for (int column = 0; column < names.length; column++) {
                textCell(row, column, names[column]).setCellStyle(header);
            }
            return next + 1;
        }

        private int groupRow(Sheet sheet, int next, String words, int columns) {
            Row row = sheet.createRow(next);
            textCell(row, 0, words).setCellStyle(group);
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, columns - 1));
            return next + 1;
        }

        /** A figure: its name, its value in its unit (a % format for ratios, "—" for none), and its unit. */
        private int figureRow(Sheet sheet, int next, Caliber figure) {
            Row row = sheet.createRow(next);
            textCell(row, 0, calibers.name(figure, CHINESE));
            number(row, 1, figure.unit(), figure.of(views));
            textCell(row, 2, calibers.unit(figure.unit(), CHINESE));
            return next + 1;
        }

        private void note(Sheet sheet, int next, String words, int columns) {
            Row row = sheet.createRow(next);
            textCell(row, 0, words).setCellStyle(wrapped);
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, columns - 1));
            int width = 0;
            for (int column = 0; column < columns; column++) {
                width += sheet.getColumnWidth(column) / 256;
            }
            // a merged cell does not grow with its text: give the row the lines the text needs (a Chinese
            // character is about two widths of a digit)
            int lines = Math.max(1, (int) Math.ceil(words.length() * 2.0 / Math.max(1, width)));
            row.setHeightInPoints(lines * 15f);
        }

        private void repeat(Sheet sheet, int headerRow) {
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            sheet.createFreezePane(0, headerRow + 1);
        }

        private Cell textCell(Row row, int column, String words) {
            Cell cell = row.createCell(column);
            cell.setCellValue(words);
            cell.setCellStyle(text);
            return cell;
        }

        private void number(Row row, int column, Caliber.Unit unit, BigDecimal value) {
            Cell cell = row.createCell(column);
            if (value == null) {
                cell.setCellValue("—");
                return;
            }
            cell.setCellValue(
                    value.divide(unit.divisor, 8, RoundingMode.HALF_UP).doubleValue());
            cell.setCellStyle(numberStyle(unit));
        }

        private CellStyle numberStyle(Caliber.Unit unit) {
            return numberStyles.computeIfAbsent(unit, key -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(unit.excelFormat));
                return style;
            });
        }

        private String period() {
            return views.until().isBefore(views.from())
                    ? "截至 " + views.asOf() + "，尚无当年数据"
                    : views.from() + " 至 " + views.until();
        }
    }
}

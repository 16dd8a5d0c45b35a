package cn.zhaoshang.tracker.ledger;

import static cn.zhaoshang.tracker.shared.Money.WAN;
import static cn.zhaoshang.tracker.shared.Money.YI;

import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Top500;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads the first sheet of a 台账 workbook: the header row names the columns, every further non-empty row is a
 * project. A header is one of the template's, with or without the "*" that marks a required column, in any order;
 * optional columns may be missing; the export's own columns ({@link Column#EXPORT_ONLY}) are skipped, so that an
 * exported ledger reads as it is. Amounts in 亿元 / 万元 / 万美元 are converted to yuan and dollars exactly
 * (BigDecimal, no floating point beyond the cell's own shortest decimal form); every problem is reported with its row
 * and column. The sheet is streamed within {@link ReadLimits} ({@link FirstSheet}); a workbook past a limit is a
 * {@link BadWorkbook}.
 */
final class LedgerReader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"));
    private static final Map<String, Industry> INDUSTRIES =
            Labels.INDUSTRIES.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    private static final Map<String, Top500> TOP500 =
            Labels.TOP500.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    /** The columns that name a project: a row whose project is already recorded needs nothing else. */
    private static final Set<String> KEY = Set.of(Column.ZONE.header, Column.NAME.header, Column.SIGNED_ON.header);
    /** A value echoed in a message is cut to this many characters: a label is a few, a hostile one thousands. */
    private static final int ECHOED = 40;

    /**
     * @param rows every project row whose zone, name and signing date could be read, each with its own problems
     * @param problems the problems of the rows that name no project (a zone, name or signing date missing or wrong)
     */
    record Result(List<LedgerRow> rows, List<RowProblem> problems) {

        /** Every problem of every row, in row order. */
        List<RowProblem> allProblems() {
            List<RowProblem> all = new ArrayList<>(problems);
            rows.forEach(row -> all.addAll(row.problems()));
            all.sort(Comparator.comparingInt(RowProblem::row));
            return all;
        }
    }

    private final LocalDate today;
    private final List<LedgerRow> rows = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    /** Where each column is in the sheet, -1 where the sheet leaves it out. */
    private final int[] columns = new int[Column.ALL.size()];

    private int rowNumber;

    private LedgerReader(LocalDate today) {
        this.today = today;
    }

    static Result read(InputStream xlsx, LocalDate today) {
        return read(xlsx, today, new ReadLimits());
    }

    static Result read(InputStream xlsx, LocalDate today, ReadLimits limits) {
        LedgerReader reader = new LedgerReader(today);
        try {
            FirstSheet.read(xlsx, limits, reader::row);
        } catch (Exception unreadable) {
            throw refusal(unreadable, limits);
        }
        if (reader.rows.isEmpty() && reader.problems.isEmpty()) {
            throw new BadWorkbook("工作簿中没有项目行 / the workbook holds no project rows");
        }
        return new Result(List.copyOf(reader.rows), List.copyOf(reader.problems));
    }

    /** The limit passed or the rule broken, wherever POI's or the parser's exceptions wrapped it. */
    private static BadWorkbook refusal(Exception unreadable, ReadLimits limits) {
        if (limits.passed() != null) {
            return limits.passed();
        }
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadWorkbook bad) {
                return bad;
            }
        }
        return new BadWorkbook("不是可读取的 .xlsx 工作簿 / not a readable .xlsx workbook");
    }

    private void row(int index, SheetCell[] cells) {
        if (index == 0) {
            findColumns(cells);
            return;
        }
        if (blank(cells)) {
            return;
        }
        rowNumber = index + 1;
        int before = problems.size();
        LedgerRow parsed = parse(cells);
        List<RowProblem> found = List.copyOf(problems.subList(before, problems.size()));
        if (parsed.zoneId() != null
                && parsed.name() != null
                && parsed.signedOn() != null
                && found.stream().noneMatch(problem -> KEY.contains(problem.column()))) {
            problems.subList(before, problems.size()).clear();
            rows.add(parsed.withProblems(found));
        }
    }

    /** Which column of the sheet holds which of the template's; a header that is neither the template's nor the export's is refused. */
    private void findColumns(SheetCell[] header) {
        Arrays.fill(columns, -1);
        List<String> found = new ArrayList<>();
        for (SheetCell cell : header) {
            found.add(cell == null ? "" : cell.shown().strip());
        }
        while (!found.isEmpty() && found.get(found.size() - 1).isEmpty()) {
            found.remove(found.size() - 1);
        }
        for (int index = 0; index < found.size(); index++) {
            String name = Column.unmarked(found.get(index));
            String letter = Column.letter(index);
            if (Column.EXPORT_ONLY.contains(name)) {
                continue;
            }
            Column column = Column.named(name);
            if (name.isEmpty()) {
                throw new BadWorkbook(
                        "表头第%s列为空 / the header of column %s is empty".formatted(letter, letter) + TEMPLATE_HEADERS);
            }
            if (column == null) {
                throw new BadWorkbook("表头第%s列“%s”不是模板的列 / column %s is not one of the template's"
                                .formatted(letter, echoed(name), letter)
                        + TEMPLATE_HEADERS);
            }
            if (columns[column.ordinal()] >= 0) {
                throw new BadWorkbook("表头“%s”出现了两次 / column %s appears twice".formatted(column.header, column.header));
            }
            columns[column.ordinal()] = index;
        }
        List<String> missing = Column.ALL.stream()
                .filter(column -> column.required && columns[column.ordinal()] < 0)
                .map(column -> column.header)
                .toList();
        if (!missing.isEmpty()) {
            throw new BadWorkbook(
                    "表头缺少必填列：%s / required columns missing".formatted(String.join("、", missing)) + TEMPLATE_HEADERS);
        }
    }

    private static final String TEMPLATE_HEADERS = "。模板的列：%s（* 为必填）/ the template's columns"
            .formatted(Column.ALL.stream().map(Column::marked).collect(Collectors.joining("、")));

    private LedgerRow parse(SheetCell[] row) {
        String zone = text(row, Column.ZONE);
        if (zone != null && !SLUG.matcher(zone).matches()) {
            problem(Column.ZONE, "开发区编号只能包含小写字母、数字和连字符 / zone id must be a slug");
        }
        String name = limited(row, Column.NAME, 200);
        String investor = limited(row, Column.INVESTOR, 200);
        String country = text(row, Column.COUNTRY);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            problem(Column.COUNTRY, "国别须为两位大写字母（ISO 3166），如 JP、CN / an ISO 3166 alpha-2 code");
        }
        Top500 top500 = top500(row);
        Industry industry = choice(
                row,
                Column.INDUSTRY,
                label -> INDUSTRIES.getOrDefault(label, industryName(label)),
                Labels.industryChoices());
        LocalDate signedOn = date(row, Column.SIGNED_ON);
        BigDecimal contract = amount(row, Column.CONTRACT_YI, YI, true);
        BigDecimal tax = amount(row, Column.TAX_WAN, WAN, false);
        BigDecimal land = amount(row, Column.LAND_MU, BigDecimal.ONE, true);
        LocalDate landedOn = date(row, Column.LANDED_ON);
        LocalDate startedOn = date(row, Column.STARTED_ON);
        if (startedOn != null && landedOn == null && present(row, Column.LANDED_ON) == null) {
            problem(Column.LANDED_ON, "有投产日期须先有落地日期 / production needs a landing date");
        }
        BigDecimal foreign = amount(row, Column.FOREIGN_WAN_USD, WAN, true);
        LocalDate foreignOn = date(row, Column.FOREIGN_ON);
        pair(foreign, foreignOn, Column.FOREIGN_WAN_USD, Column.FOREIGN_ON);
        BigDecimal domestic = amount(row, Column.DOMESTIC_WAN, WAN, true);
        LocalDate domesticOn = date(row, Column.DOMESTIC_ON);
        pair(domestic, domesticOn, Column.DOMESTIC_WAN, Column.DOMESTIC_ON);
        LocalDate terminatedOn = date(row, Column.TERMINATED_ON);
        String reason = limited(row, Column.TERMINATION_REASON, 1000);
        if (terminatedOn != null && reason == null) {
            problem(Column.TERMINATION_REASON, "有终止日期须填写终止原因 / a termination needs its reason");
        }
        if (terminatedOn == null && reason != null && present(row, Column.TERMINATED_ON) == null) {
            problem(Column.TERMINATED_ON, "有终止原因须填写终止日期 / a termination reason needs its date");
        }
        for (Column column : Column.ALL) {
            if (column.required && present(row, column) == null) {
                problem(column, "必填 / required");
            }
        }
        return new LedgerRow(
                rowNumber,
                List.of(),
                zone,
                name,
                investor,
                country,
                top500,
                industry,
                signedOn,
                contract,
                tax,
                land,
                landedOn,
                startedOn,
                foreign,
                foreignOn,
                domestic,
                domesticOn,
                terminatedOn,
                reason);
    }

    private void pair(BigDecimal amount, LocalDate date, Column amountColumn, Column dateColumn) {
        if (amount != null && date == null) {
            problem(dateColumn, "有到位金额须填写到位日期 / an arrival needs its date");
        }
        if (amount == null && date != null) {
            problem(amountColumn, "有到位日期须填写到位金额 / an arrival date needs its amount");
        }
    }

    private static Industry industryName(String label) {
        try {
            return Industry.valueOf(label);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private Top500 top500(SheetCell[] row) {
        String label = text(row, Column.TOP500);
        if (label == null || label.equals("否") || label.equals("无")) {
            return null;
        }
        Top500 top500 = TOP500.get(label);
        if (top500 == null) {
            problem(Column.TOP500, "须为 世界500强、中国500强、中国民营企业500强 或 否 / unknown top-500 class");
        }
        return top500;
    }

    private <T> T choice(SheetCell[] row, Column column, Function<String, T> lookup, String choices) {
        String label = text(row, column);
        if (label == null) {
            return null;
        }
        T value = lookup.apply(label);
        if (value == null) {
            problem(column, "无法识别“%s”，可选：%s / unknown value".formatted(echoed(label), choices));
        }
        return value;
    }

    private String limited(SheetCell[] row, Column column, int max) {
        String text = text(row, column);
        if (text != null && text.length() > max) {
            problem(column, "最多%d个字符 / at most %d characters".formatted(max, max));
        }
        return text;
    }

    private LocalDate date(SheetCell[] row, Column column) {
        SheetCell cell = present(row, column);
        if (cell == null) {
            return null;
        }
        LocalDate date = null;
        if (cell.type() == CellType.NUMERIC) {
            // any number a date can be is taken for one, whatever format the cell shows it in
            if (DateUtil.isValidExcelDate(cell.number())) {
                date = cell.date();
            }
        } else if (cell.type() == CellType.STRING) {
            String text = cell.text().strip();
            for (DateTimeFormatter format : DATES) {
                try {
                    date = LocalDate.parse(text, format);
                    break;
                } catch (DateTimeParseException next) {
                    // try the next way of writing a date
                }
            }
        }
        if (date == null) {
            problem(column, "不是日期，请写作 2023-03-15 / not a date, write it as 2023-03-15");
        } else if (date.isAfter(today)) {
            problem(column, "日期不能晚于今天 / must not be in the future");
        } else if (date.getYear() < 1990) {
            problem(column, "日期早于1990年 / before 1990");
        }
        return date;
    }

    /** A number in the column's unit, converted to yuan, dollars or mu; positive unless zero is allowed. */
    private BigDecimal amount(SheetCell[] row, Column column, BigDecimal unit, boolean positive) {
        SheetCell cell = present(row, column);
        if (cell == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = switch (cell.type()) {
                case NUMERIC -> new BigDecimal(Double.toString(cell.number()));
                case STRING -> new BigDecimal(cell.text().strip().replace(",", ""));
                default -> null;
            };
        } catch (NumberFormatException notANumber) {
            number = null;
        }
        if (number == null) {
            problem(column, "不是数字 / not a number");
            return null;
        }
        BigDecimal converted = number.multiply(unit).stripTrailingZeros();
        if (converted.scale() < 0) {
            converted = converted.setScale(0);
        }
        if (positive ? converted.signum() <= 0 : converted.signum() < 0) {
            problem(column, positive ? "必须大于0 / must be greater than 0" : "不能为负 / must not be negative");
        } else if (converted.scale() > 2) {
            problem(column, "换算后最多精确到分 / more than 2 decimals after conversion");
        } else if (converted.precision() - converted.scale() > 15) {
            problem(column, "金额过大 / too large");
        }
        return converted;
    }

    private String text(SheetCell[] row, Column column) {
        SheetCell cell = present(row, column);
        if (cell == null) {
            return null;
        }
        String text =
                switch (cell.type()) {
                    case STRING -> cell.text();
                    case NUMERIC -> new BigDecimal(Double.toString(cell.number()))
                            .stripTrailingZeros()
                            .toPlainString();
                    case BOOLEAN -> cell.isTrue() ? "是" : "否";
                    default -> "";
                };
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private SheetCell present(SheetCell[] row, Column column) {
        int index = columns[column.ordinal()];
        if (index < 0) {
            return null;
        }
        SheetCell cell = row[index];
        if (cell == null) {
            return null;
        }
        if (cell.type() == CellType.STRING && cell.text().isBlank()) {
            return null;
        }
        return cell;
    }

    private static String echoed(String value) {
        return value.length() <= ECHOED ? value : value.substring(0, ECHOED) + "…";
    }

    private boolean blank(SheetCell[] row) {
        return Column.ALL.stream().allMatch(column -> present(row, column) == null);
    }

    private void problem(Column column, String message) {
        problems.add(new RowProblem(rowNumber, column.header, message));
    }
}

package cn.zhaoshang.tracker.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the sample 台账 files shipped under {@code src/test/resources/ledger/}: 30 projects of zone
 * {@value #ZONE} as a bureau would type them (amounts in 亿元, 万元 and 万美元, dates as dates or as text), and a
 * copy with mistakes. Regenerate with {@code ./mvnw test -Dtest=SampleLedgerTest -Dledger.regenerate=true}.
 */
final class SampleLedger {

    static final String ZONE = "xlsx-import";
    static final String MISTAKES_ZONE = "xlsx-mistakes";

    private SampleLedger() {}

    /** One sample row: the cells in template order, {@code null} for an empty cell. */
    record Sample(List<Object> cells) {

        Object get(Column column) {
            return cells.get(column.ordinal());
        }
    }

    static List<Sample> thirty() {
        String[] industries = {"新材料", "盐卤化工", "精细化工", "新能源", "先进装备制造", "电子信息", "现代物流", "其他"};
        List<Sample> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            LocalDate signedOn = LocalDate.of(2024, 1, 5).plusDays(i * 9L);
            boolean landed = i % 3 != 0;
            List<Object> cells = new ArrayList<>();
            cells.add(ZONE);
            cells.add("示例项目%02d".formatted(i));
            cells.add("投资方%02d有限公司".formatted(i));
            cells.add(i % 4 == 0 ? "JP" : "CN");
            cells.add(i % 7 == 0 ? "世界500强" : i % 11 == 0 ? "中国民营企业500强" : "否");
            cells.add(industries[i % industries.length]);
            cells.add(i % 2 == 0 ? signedOn : signedOn.toString().replace('-', '/'));
            cells.add(
                    i % 5 == 0
                            ? "%d.%02d".formatted(i, i)
                            : (Object) new BigDecimal("0.35")
                                    .add(BigDecimal.valueOf(i, 2))
                                    .doubleValue());
            cells.add(i % 4 == 1 ? 120.5 : null);
            cells.add(i % 6 == 1 ? 88.0 : null);
            cells.add(landed ? signedOn.plusDays(40) : null);
            cells.add(landed && i % 5 == 0 ? signedOn.plusDays(120) : null);
            cells.add(i % 4 == 0 ? (Object) (12.5 * i) : null);
            cells.add(i % 4 == 0 ? signedOn.plusDays(20) : null);
            cells.add(i % 6 == 0 ? "350.75" : null);
            cells.add(i % 6 == 0 ? signedOn.plusDays(30) : null);
            cells.add(i == 29 ? signedOn.plusDays(100) : null);
            cells.add(i == 29 ? "投资方战略调整，项目终止" : null);
            rows.add(new Sample(cells));
        }
        return rows;
    }

    /** Six rows, each with one kind of mistake, and one good row: the import must refuse them all. */
    static List<Sample> withMistakes() {
        List<Sample> good = thirty().stream()
                .map(sample -> replace(sample, Column.ZONE, MISTAKES_ZONE))
                .toList();
        List<Sample> rows = new ArrayList<>();
        rows.add(replace(good.get(0), Column.NAME, null));
        rows.add(replace(good.get(1), Column.TOP500, "世界五百强"));
        rows.add(replace(good.get(2), Column.CONTRACT_YI, "一点五"));
        rows.add(replace(good.get(3), Column.LANDED_ON, LocalDate.of(2024, 1, 1)));
        rows.add(replace(good.get(4), Column.ZONE, "no-such-zone"));
        rows.add(replace(good.get(5), Column.SIGNED_ON, LocalDate.of(2099, 1, 1)));
        rows.add(good.get(6));
        return rows;
    }

    private static Sample replace(Sample sample, Column column, Object value) {
        List<Object> cells = new ArrayList<>(sample.cells());
        cells.set(column.ordinal(), value);
        return new Sample(cells);
    }

    static byte[] xlsx(List<Sample> samples) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("台账");
            Workbooks.header(
                    workbook,
                    sheet,
                    Column.ALL.stream().map(column -> column.header).toList());
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            int index = 1;
            for (Sample sample : samples) {
                Row row = sheet.createRow(index++);
                for (int c = 0; c < sample.cells().size(); c++) {
                    Object value = sample.cells().get(c);
                    if (value instanceof LocalDate date) {
                        var cell = row.createCell(c);
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            return Workbooks.bytes(workbook);
        }
    }

    static void write(Path file, List<Sample> samples) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(xlsx(samples));
        }
    }
}

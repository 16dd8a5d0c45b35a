package cn.zhaoshang.tracker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.zhaoshang.tracker.Html;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every figure of {@link Caliber} for one zone, year and business date, read through every output: the API's
 * zone-year report and views, the dashboard's data, the 月报 workbook read back with POI (both its API and its page
 * download), and the "now" column of "then and now". {@link #assertAgree} checks that each output says the same.
 */
final class EveryOutput {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MockMvc mvc;
    private final CaliberTexts calibers;

    EveryOutput(MockMvc mvc, CaliberTexts calibers) {
        this.mvc = mvc;
        this.calibers = calibers;
    }

    /** What each output answered for one zone-year; {@code asOf} null means the default (today). */
    record Outputs(
            String zone,
            int year,
            String asOf,
            String report,
            String pipeline,
            String industries,
            String monthly,
            String top500,
            String dashboard,
            byte[] workbook,
            byte[] dashboardWorkbook,
            String thenAndNow) {

        Object json(String path) {
            return JsonPath.read(report, path);
        }
    }

    Outputs read(String zone, int year, String asOf) throws Exception {
        String clocks = asOf == null ? "" : "?asOf=" + asOf;
        String base = "/api/reports/zones/" + zone + "/years/" + year;
        String page = "?zone=" + zone + "&year=" + year + (asOf == null ? "" : "&asOf=" + asOf);
        return new Outputs(
                zone,
                year,
                asOf,
                api(base + clocks).getContentAsString(),
                api(base + "/pipeline" + clocks).getContentAsString(),
                api(base + "/industries" + clocks).getContentAsString(),
                api(base + "/monthly" + clocks).getContentAsString(),
                api(base + "/top500" + clocks).getContentAsString(),
                page(get("/dashboard/data" + page), "inspector", "LEADERSHIP"),
                api(base + "/workbook.xlsx" + clocks).getContentAsByteArray(),
                pageBytes(get("/dashboard/workbook.xlsx" + page)),
                page(get("/audit/then-and-now" + page + "&knownAt=2099-01-01T00:00"), "auditor", "AUDITOR"));
    }

    /**
     * The "then" column of "then and now" at {@code knownAt} (Beijing time, as the form takes it) agrees with the API
     * asked with the same instant ({@code knownAtInstant}).
     */
    void assertThenAgrees(String zone, int year, String asOf, String knownAt, String knownAtInstant) throws Exception {
        String clocks = "?knownAt=" + knownAtInstant + (asOf == null ? "" : "&asOf=" + asOf);
        String base = "/api/reports/zones/" + zone + "/years/" + year;
        Outputs then = new Outputs(
                zone,
                year,
                asOf,
                api(base + clocks).getContentAsString(),
                api(base + "/pipeline" + clocks).getContentAsString(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        String page = page(
                get("/audit/then-and-now?zone=" + zone + "&year=" + year + "&knownAt=" + knownAt
                        + (asOf == null ? "" : "&asOf=" + asOf)),
                "auditor",
                "AUDITOR");
        for (Caliber figure : Caliber.values()) {
            assertThat(thenAndNowCell(page, figure.key(), "then"))
                    .as("then and now, then: " + figure.key())
                    .isEqualTo(calibers.value(figure, api(then, figure), CHINESE));
        }
    }

    /** The figure as the API gives it (the contract's report, or the pipeline view for {@code pipeline.…}). */
    static BigDecimal api(Outputs outputs, Caliber figure) {
        Object value = figure.key().startsWith("pipeline.")
                ? JsonPath.read(outputs.pipeline(), "$.data." + figure.key().substring("pipeline.".length()))
                : JsonPath.read(outputs.report(), "$." + figure.key());
        BigDecimal number = value == null ? null : new BigDecimal(String.valueOf(value));
        if (figure == Caliber.CITY_RANK) {
            // the contract's rank always has a number; a zone without foreign capital is shown unranked
            BigDecimal foreign = new BigDecimal(String.valueOf(outputs.json("$.foreignCapitalArrivedUsd")));
            return foreign.signum() == 0 ? null : number;
        }
        return number;
    }

    /** Every output agrees with the API on every figure, and the views add up to the report's totals. */
    void assertAgree(Outputs outputs) {
        Map<String, Double> summary = sheetFigures(outputs.workbook(), "年度报表");
        Map<String, Double> pipeline = sheetFigures(outputs.workbook(), "转化");
        for (Caliber figure : Caliber.values()) {
            BigDecimal value = api(outputs, figure);
            String shown = calibers.value(figure, value, CHINESE);
            String name = calibers.name(figure, CHINESE);
            String what = figure.key() + " " + outputs.zone() + "/" + outputs.year() + " asOf " + outputs.asOf();

            assertThat(JsonPath.<List<String>>read(
                            outputs.dashboard(), "$.figures[?(@.key == '" + figure.key() + "')].value"))
                    .as("dashboard: " + what)
                    .containsExactly(shown);
            assertThat(thenAndNowCell(outputs.thenAndNow(), figure.key(), "now"))
                    .as("then and now: " + what)
                    .isEqualTo(shown);
            Map<String, Double> sheet = figure.group() == Caliber.Group.COHORT ? pipeline : summary;
            assertThat(sheet).as("workbook: " + what).containsKey(name);
            if (value == null) {
                assertThat(sheet.get(name)).as("workbook: " + what).isNull();
            } else {
                assertThat(sheet.get(name))
                        .as("workbook: " + what)
                        .isCloseTo(
                                value.divide(figure.unit().divisor, 8, RoundingMode.HALF_UP)
                                        .doubleValue(),
                                within(1e-9));
            }
        }
        assertThat(pipeline.get(calibers.name(Caliber.PROJECTS_SIGNED, CHINESE)))
                .isEqualTo(((Number) outputs.json("$.projectsSigned")).doubleValue());
        assertThat(JsonPath.<Object>read(outputs.pipeline(), "$.data.signed"))
                .isEqualTo(outputs.json("$.projectsSigned"));

        assertViewsAddUp(outputs);
        assertDashboardIsTheApi(outputs);
        assertWorkbookTables(outputs);
        assertThat(outputs.dashboardWorkbook())
                .as("the dashboard's download is the API's 月报")
                .isEqualTo(outputs.workbook());
    }

    private static void assertViewsAddUp(Outputs outputs) {
        BigDecimal contract = number(outputs.report(), "$.contractInvestmentCny");
        BigDecimal foreign = number(outputs.report(), "$.foreignCapitalArrivedUsd");
        List<Object> amounts = JsonPath.read(outputs.industries(), "$.data[*].contractInvestmentCny");
        assertThat(sum(amounts))
                .as("industries add up to the contract investment")
                .isEqualByComparingTo(contract);
        List<Object> projects = JsonPath.read(outputs.industries(), "$.data[*].projects");
        assertThat(sum(projects))
                .as("industries add up to the projects signed")
                .isEqualByComparingTo(number(outputs.report(), "$.projectsSigned"));
        assertThat(number(outputs.monthly(), "$.data[11].cumulativeContractInvestmentCny"))
                .isEqualByComparingTo(contract);
        assertThat(number(outputs.monthly(), "$.data[11].cumulativeForeignCapitalArrivedUsd"))
                .isEqualByComparingTo(foreign);
        assertThat(JsonPath.<List<Object>>read(outputs.top500(), "$.data"))
                .hasSize(((Number) outputs.json("$.top500Projects")).intValue());
        BigDecimal rate = ratio(
                number(outputs.pipeline(), "$.data.cohortDomesticCapitalArrivedCny"),
                number(outputs.pipeline(), "$.data.cohortContractInvestmentCny"));
        if (rate == null) {
            assertThat(number(outputs.pipeline(), "$.data.capitalArrivalRate")).isNull();
        } else {
            assertThat(number(outputs.pipeline(), "$.data.capitalArrivalRate")).isEqualByComparingTo(rate);
        }
    }

    private void assertDashboardIsTheApi(Outputs outputs) {
        String dashboard = outputs.dashboard();
        for (String view : List.of("signed", "landed", "inProduction", "terminated", "capitalArrivalRate")) {
            assertThat(JsonPath.<Object>read(dashboard, "$.pipeline." + view))
                    .as("dashboard pipeline " + view)
                    .isEqualTo(JsonPath.read(outputs.pipeline(), "$.data." + view));
        }
        assertThat(JsonPath.<Object>read(dashboard, "$.industries"))
                .isEqualTo(JsonPath.read(outputs.industries(), "$.data"));
        assertThat(JsonPath.<Object>read(dashboard, "$.monthly")).isEqualTo(JsonPath.read(outputs.monthly(), "$.data"));
        assertThat(JsonPath.<Object>read(dashboard, "$.position")).isEqualTo(outputs.json("$.position"));
        Map<String, Caliber> tiles = Map.of(
                "projects", Caliber.PROJECTS_SIGNED,
                "top500", Caliber.TOP500_PROJECTS,
                "contract", Caliber.CONTRACT_INVESTMENT,
                "foreign", Caliber.FOREIGN_CAPITAL,
                "share", Caliber.CITY_SHARE,
                "rank", Caliber.CITY_RANK);
        tiles.forEach((tile, figure) -> assertThat(
                        JsonPath.<List<String>>read(dashboard, "$.tiles[?(@.key == '" + tile + "')].value"))
                .as("tile " + tile)
                .containsExactly(calibers.value(figure, api(outputs, figure), CHINESE)));
        List<String> zones = JsonPath.read(dashboard, "$.city.zones[*].zoneId");
        List<String> labels = JsonPath.read(dashboard, "$.cityLabels");
        assertThat(labels.get(zones.indexOf(outputs.zone())))
                .as("the city chart names the zone's rank as the tile does")
                .startsWith(calibers.value(Caliber.CITY_RANK, api(outputs, Caliber.CITY_RANK), CHINESE) + " ");
        String inYear = JsonPath.read(dashboard, "$.inYear");
        assertThat(inYear)
                .contains("落地 " + outputs.json("$.projectsLanded") + " 个")
                .contains("投产 " + outputs.json("$.projectsInProduction") + " 个")
                .contains("终止 " + outputs.json("$.projectsTerminated") + " 个");
        List<String> rates = JsonPath.read(dashboard, "$.rates");
        int signed = JsonPath.read(outputs.pipeline(), "$.data.signed");
        assertThat(rates.get(1))
                .isEqualTo(
                        signed == 0
                                ? "开工率 —（当年没有签约项目）"
                                : "开工率 %s = 已落地 %s ÷ 引进项目 %s"
                                        .formatted(
                                                calibers.value(
                                                        Caliber.LANDING_RATE,
                                                        api(outputs, Caliber.LANDING_RATE),
                                                        CHINESE),
                                                JsonPath.read(outputs.pipeline(), "$.data.landed"),
                                                signed));
        String asOf = JsonPath.read(dashboard, "$.asOf");
        List<String> since = JsonPath.read(dashboard, "$.flagged[*].since");
        List<String> due = JsonPath.read(dashboard, "$.flagged[*].dueOn");
        assertThat(since).as("warnings standing on " + asOf).allMatch(day -> day.compareTo(asOf) <= 0);
        assertThat(due).as("warnings standing on " + asOf).allMatch(day -> day.compareTo(asOf) <= 0);
    }

    private void assertWorkbookTables(Outputs outputs) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(outputs.workbook()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
            double contract = number(outputs.report(), "$.contractInvestmentCny")
                    .divide(Caliber.Unit.YI.divisor, 8, RoundingMode.HALF_UP)
                    .doubleValue();
            double foreign = number(outputs.report(), "$.foreignCapitalArrivedUsd")
                    .divide(Caliber.Unit.WAN_USD.divisor, 8, RoundingMode.HALF_UP)
                    .doubleValue();
            Sheet monthly = workbook.getSheet("逐月");
            Row lastMonth = lastDataRow(monthly);
            if (lastMonth != null) {
                assertThat(lastMonth.getCell(3).getNumericCellValue()).isCloseTo(contract, within(1e-9));
                assertThat(lastMonth.getCell(4).getNumericCellValue()).isCloseTo(foreign, within(1e-9));
            }
            Sheet industries = workbook.getSheet("产业链");
            Row total = rowStarting(industries, "合计");
            assertThat(total.getCell(1).getNumericCellValue())
                    .isEqualTo(((Number) outputs.json("$.projectsSigned")).doubleValue());
            assertThat(total.getCell(2).getNumericCellValue()).isCloseTo(contract, within(1e-9));
            double lines = 0;
            for (Row row : industries) {
                if (row.getRowNum() > 1 && row.getRowNum() < total.getRowNum()) {
                    lines += row.getCell(2).getNumericCellValue();
                }
            }
            assertThat(lines).isCloseTo(contract, within(1e-6));
            Sheet top500 = workbook.getSheet("三类500强");
            assertThat(rowStarting(top500, "合计").getRowNum() - 2)
                    .isEqualTo(((Number) outputs.json("$.top500Projects")).intValue());
            String caliber = text(workbook.getSheet("口径说明"));
            for (Caliber figure : Caliber.values()) {
                assertThat(caliber)
                        .contains(calibers.name(figure, CHINESE))
                        .contains(calibers.definition(figure, CHINESE));
            }
        } catch (IOException notAWorkbook) {
            throw new UncheckedIOException(notAWorkbook);
        }
    }

    /** A sheet's figure rows: name in the first column, value in the second (null for "—"). */
    static Map<String, Double> sheetFigures(byte[] xlsx, String sheetName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, Double> figures = new HashMap<>();
            for (Row row : workbook.getSheet(sheetName)) {
                Cell name = row.getCell(0);
                Cell value = row.getCell(1);
                if (name == null || value == null || name.getCellType() != CellType.STRING) {
                    continue;
                }
                if (value.getCellType() == CellType.NUMERIC) {
                    figures.put(name.getStringCellValue(), value.getNumericCellValue());
                } else if ("—".equals(value.getStringCellValue())) {
                    figures.put(name.getStringCellValue(), null);
                }
            }
            return figures;
        } catch (IOException notAWorkbook) {
            throw new UncheckedIOException(notAWorkbook);
        }
    }

    /** Every text of a sheet, one cell a line. */
    static String text(Sheet sheet) {
        List<String> lines = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                lines.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString());
            }
        }
        return String.join("\n", lines);
    }

    private static Row lastDataRow(Sheet sheet) {
        Row last = null;
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null
                    && first.getCellType() == CellType.STRING
                    && first.getStringCellValue().endsWith("月")
                    && row.getCell(1) != null
                    && row.getCell(1).getCellType() == CellType.NUMERIC) {
                last = row;
            }
        }
        return last;
    }

    private static Row rowStarting(Sheet sheet, String words) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null
                    && first.getCellType() == CellType.STRING
                    && first.getStringCellValue().startsWith(words)) {
                return row;
            }
        }
        throw new AssertionError("no row starting with " + words + " in " + sheet.getSheetName());
    }

    /** The text of a figure's cell in "then and now" ({@code then} or {@code now}). */
    static String thenAndNowCell(String page, String key, String column) {
        int row = page.indexOf("id=\"figure-" + key + "\"");
        assertThat(row).as("then and now has " + key).isPositive();
        int end = page.indexOf("</tr>", row);
        int cell = page.indexOf("class=\"num " + column + "\"", row);
        assertThat(cell).isBetween(row, end);
        int start = page.indexOf('>', cell) + 1;
        return page.substring(start, page.indexOf('<', start));
    }

    static BigDecimal number(String json, String path) {
        Object value = JsonPath.read(json, path);
        return value == null ? null : new BigDecimal(String.valueOf(value));
    }

    private static BigDecimal sum(List<Object> values) {
        return values.stream().map(v -> new BigDecimal(String.valueOf(v))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    /** A 200 answer of the API to a reader of the whole province. */
    MockHttpServletResponse api(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(httpBasic("inspector", "inspector-demo")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response;
    }

    private String page(MockHttpServletRequestBuilder request, String name, String role) throws Exception {
        return Html.page(mvc, request.with(user(name).roles(role)));
    }

    private byte[] pageBytes(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        request.with(user("inspector").roles("LEADERSHIP")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsByteArray();
    }
}

package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.EveryOutput.CHINESE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.DemoTracker;
import cn.zhaoshang.tracker.Html;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo history (the same context as DemoDataLoaderIT): every figure of every zone-year agrees through the API,
 * the dashboard, the 月报 workbook and "then and now", Songmu's 2023 is the article's through all of them, and the
 * 月报 is a document an official can send.
 */
@DemoTracker
class DemoFiguresAgreeIT {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaliberTexts calibers;

    EveryOutput every;

    @BeforeEach
    void caughtUp() throws InterruptedException {
        CaughtUp.await(jdbc);
        every = new EveryOutput(mvc, calibers);
    }

    @Test
    void songmu_s_years_agree_through_every_output_today_and_on_past_business_dates() throws Exception {
        for (String asOf : Arrays.asList(null, "2023-06-30", "2023-12-31", "2024-02-29")) {
            every.assertAgree(every.read("songmu", 2023, asOf));
        }
        for (int year : List.of(2021, 2022, 2024)) {
            every.assertAgree(every.read("songmu", year, null));
        }
    }

    @Test
    void the_other_zones_agree_too_and_a_zone_without_foreign_capital_has_no_rank() throws Exception {
        for (String zone : List.of("hengyang-hi-tech", "baishazhou", "hengyang-ftz", "hengshan", "zhuzhou-hi-tech")) {
            every.assertAgree(every.read(zone, 2023, null));
        }
        // nobody had anything in 2020, so the contract ranks every zone first; in 2021 only Songmu received
        // foreign capital, so Baishazhou is second of two by the contract's rule
        for (int year : List.of(2020, 2021)) {
            EveryOutput.Outputs empty = every.read("baishazhou", year, null);
            every.assertAgree(empty);
            assertThat((Integer) empty.json("$.city.foreignCapitalRank")).isEqualTo(year == 2020 ? 1 : 2);
            assertThat(tile(empty, "rank")).isEqualTo("—");
            assertThat(EveryOutput.sheetFigures(empty.workbook(), "年度报表")).containsEntry("全市排名", null);
            assertThat(EveryOutput.thenAndNowCell(empty.thenAndNow(), "city.foreignCapitalRank", "now"))
                    .isEqualTo("—");
        }
    }

    @Test
    void hunan_s_report_ranks_hengyang_s_zones_as_the_city_report_does_with_songmu_first_in_hengyang()
            throws Exception {
        String province =
                every.api("/api/reports/provinces/hunan/years/2023").getContentAsString(StandardCharsets.UTF_8);
        String city = every.api(
                        "/api/reports/cities/hengyang/years/2023?atPosition=" + JsonPath.read(province, "$.position"))
                .getContentAsString(StandardCharsets.UTF_8);

        List<String> cityRanking = JsonPath.read(city, "$.zones[*].zoneId");
        assertThat(cityRanking.get(0)).isEqualTo("songmu");
        assertThat(JsonPath.<List<String>>read(province, "$.zones[?(@.city.city == 'hengyang')].zoneId"))
                .isEqualTo(cityRanking);
        assertThat(JsonPath.<List<Object>>read(
                        province, "$.zones[?(@.city.city == 'hengyang')].city.foreignCapitalRank"))
                .isEqualTo(JsonPath.<List<Object>>read(city, "$.zones[*].foreignCapitalRank"));
        Map<String, Object> songmu = JsonPath.<List<Map<String, Object>>>read(
                        province, "$.zones[?(@.zoneId == 'songmu')]")
                .get(0);
        assertThat(songmu.get("foreignCapitalArrivedUsd").toString()).isEqualTo("14480000");
        assertThat(JsonPath.<Integer>read(songmu, "$.city.foreignCapitalRank")).isEqualTo(1);
        assertThat(JsonPath.<Object>read(songmu, "$.city.foreignCapitalShare").toString())
                .isEqualTo("0.294");

        assertThat(JsonPath.<List<String>>read(province, "$.cities[*].city")).containsExactly("hengyang", "zhuzhou");
        Map<String, Object> hengyang = JsonPath.read(province, "$.cities[0]");
        for (String total : List.of("foreignCapitalArrivedUsd", "contractInvestmentCny", "projectsSigned")) {
            assertThat(hengyang.get(total)).as(total).isEqualTo(JsonPath.read(city, "$." + total));
        }
        assertThat(hengyang.get("zones")).isEqualTo(cityRanking.size());
    }

    @Test
    void then_and_now_s_then_column_is_the_report_known_then() throws Exception {
        every.assertThenAgrees("songmu", 2023, null, "2024-01-05T08:00", "2024-01-05T00:00:00Z");
        every.assertThenAgrees("songmu", 2023, "2023-06-30", "2024-01-05T08:00", "2024-01-05T00:00:00Z");
    }

    @Test
    void songmu_2023_is_the_article_s_through_every_output() throws Exception {
        EveryOutput.Outputs songmu = every.read("songmu", 2023, null);

        assertThat(songmu.json("$.projectsSigned")).isEqualTo(22);
        assertThat(songmu.json("$.top500Projects")).isEqualTo(4);
        assertThat(EveryOutput.number(songmu.report(), "$.contractInvestmentCny"))
                .isEqualByComparingTo("11500000000");
        assertThat(EveryOutput.number(songmu.report(), "$.contractInvestmentCompletion"))
                .isEqualByComparingTo("1.15");
        assertThat(EveryOutput.number(songmu.report(), "$.foreignCapitalArrivedUsd"))
                .isEqualByComparingTo("14480000");
        assertThat(EveryOutput.number(songmu.report(), "$.foreignCapitalCompletion"))
                .isEqualByComparingTo("2.0686");
        assertThat(EveryOutput.number(songmu.report(), "$.city.foreignCapitalShare"))
                .isEqualByComparingTo("0.294");
        assertThat(songmu.json("$.city.foreignCapitalRank")).isEqualTo(1);

        assertThat(tile(songmu, "projects")).isEqualTo("22");
        assertThat(tile(songmu, "top500")).isEqualTo("4");
        assertThat(tile(songmu, "contract")).isEqualTo("115");
        assertThat(tile(songmu, "foreign")).isEqualTo("1448");
        assertThat(tile(songmu, "share")).isEqualTo("29.4%");
        assertThat(tile(songmu, "rank")).isEqualTo("第1");
        assertThat(JsonPath.<List<String>>read(songmu.dashboard(), "$.tiles[?(@.key == 'contract')].note"))
                .singleElement()
                .asString()
                .contains("115%");
        assertThat(JsonPath.<List<String>>read(songmu.dashboard(), "$.tiles[?(@.key == 'foreign')].note"))
                .singleElement()
                .asString()
                .contains("207%");

        Map<String, Double> sheet = EveryOutput.sheetFigures(songmu.workbook(), "年度报表");
        assertThat(sheet)
                .containsEntry("引进项目数", 22.0)
                .containsEntry("三类500强项目数", 4.0)
                .containsEntry("合同投资额", 115.0)
                .containsEntry("合同投资额完成全年任务", 1.15)
                .containsEntry("实际到位外资", 1448.0)
                .containsEntry("实际到位外资完成全年任务", 2.0686)
                .containsEntry("占全市实际到位外资比重", 0.294)
                .containsEntry("全市排名", 1.0);

        for (Map.Entry<String, String> shown : Map.of(
                        "projectsSigned", "22",
                        "top500Projects", "4",
                        "contractInvestmentCny", "115",
                        "contractInvestmentCompletion", "115%",
                        "foreignCapitalArrivedUsd", "1448",
                        "foreignCapitalCompletion", "207%",
                        "city.foreignCapitalShare", "29.4%",
                        "city.foreignCapitalRank", "第1")
                .entrySet()) {
            assertThat(EveryOutput.thenAndNowCell(songmu.thenAndNow(), shown.getKey(), "now"))
                    .isEqualTo(shown.getValue());
        }
    }

    @Test
    void the_year_s_landings_and_how_far_the_year_s_signings_came_are_two_figures_with_two_names() throws Exception {
        EveryOutput.Outputs songmu = every.read("songmu", 2023, null);

        // 18 landings are dated 2023 (four of them of 2022 signings); of the 22 projects signed in 2023, 20 have
        // landed by now (six of them in 2024)
        assertThat(songmu.json("$.projectsLanded")).isEqualTo(18);
        assertThat((Integer) JsonPath.read(songmu.pipeline(), "$.data.landed")).isEqualTo(20);
        assertThat(songmu.json("$.projectsTerminated")).isEqualTo(0);
        assertThat((Integer) JsonPath.read(songmu.pipeline(), "$.data.terminated"))
                .isEqualTo(1);
        assertThat(figure(songmu, "projectsLanded")).containsEntry("label", "当年落地项目数（个）");
        assertThat(figure(songmu, "pipeline.landed")).containsEntry("label", "当年签约项目中已落地（个）");
        assertThat(EveryOutput.sheetFigures(songmu.workbook(), "年度报表")).containsEntry("当年落地项目数", 18.0);
        assertThat(EveryOutput.sheetFigures(songmu.workbook(), "转化")).containsEntry("当年签约项目中已落地", 20.0);

        for (Locale locale : List.of(CHINESE, Locale.ENGLISH)) {
            List<String> names = Arrays.stream(Caliber.values())
                    .map(figure -> calibers.name(figure, locale))
                    .toList();
            assertThat(names).as("one name per figure").doesNotHaveDuplicates();
        }
    }

    @Test
    void the_capital_arrival_rate_says_what_it_divides() throws Exception {
        EveryOutput.Outputs songmu = every.read("songmu", 2023, null);

        List<String> rates = JsonPath.read(songmu.dashboard(), "$.rates");
        assertThat(rates.get(3)).startsWith("内资到位率 ").contains("当年签约项目到位内资", "万元 ÷ 其合同投资额", "亿元");
        assertThat(calibers.definition(Caliber.CAPITAL_ARRIVAL_RATE, CHINESE)).contains("÷");
        assertThat(calibers.definition(Caliber.FOREIGN_COMPLETION, CHINESE)).contains("÷");
    }

    @Test
    void the_warnings_shown_for_a_business_date_are_those_standing_on_that_date() throws Exception {
        String end2024 = page("/dashboard/data?zone=songmu&year=2023&asOf=2024-12-31");
        // 电科锂电池电解液项目 was signed on 2023-11-21 and never landed: yellow on 2024-05-19, red on 2024-11-20
        List<Map<String, Object>> flagged = JsonPath.read(end2024, "$.flagged[?(@.name == '电科锂电池电解液项目')]");
        assertThat(flagged).singleElement().satisfies(warning -> {
            assertThat(warning).containsEntry("colour", "RED").containsEntry("kind", "NOT_LANDED");
            assertThat(warning).containsEntry("dueOn", "2024-05-19");
            assertThat(((Number) warning.get("daysOverdue")).longValue())
                    .isEqualTo(ChronoUnit.DAYS.between(LocalDate.parse("2024-05-19"), LocalDate.parse("2024-12-31")));
        });
        List<String> mid2024 = JsonPath.read(
                page("/dashboard/data?zone=songmu&year=2023&asOf=2024-06-30"),
                "$.flagged[?(@.name == '电科锂电池电解液项目')].colour");
        assertThat(mid2024).containsExactly("YELLOW");
        assertThat(JsonPath.<List<Object>>read(
                        page("/dashboard/data?zone=songmu&year=2023&asOf=2023-06-30"), "$.flagged"))
                .isEmpty();

        // on today's date they are the warning slice's own list
        long deadline = System.currentTimeMillis() + 30_000;
        String today;
        String live;
        do {
            today = page("/dashboard/data?zone=songmu&year=2023");
            live = every.api("/api/reports/zones/songmu/warnings").getContentAsString();
            if (warnings(today, "$.flagged").equals(warnings(live, "$.projects"))) {
                break;
            }
            Thread.sleep(500);
        } while (System.currentTimeMillis() < deadline);
        assertThat(warnings(today, "$.flagged")).isNotEmpty().isEqualTo(warnings(live, "$.projects"));
    }

    @Test
    void the_monthly_report_names_things_in_chinese_and_says_in_words_how_to_regenerate_it() throws Exception {
        MockHttpServletResponse download =
                every.api("/api/reports/zones/songmu/years/2023/workbook.xlsx?asOf=2023-06-30");
        String report = every.api("/api/reports/zones/songmu/years/2023?asOf=2023-06-30")
                .getContentAsString();
        long position = ((Number) JsonPath.read(report, "$.position")).longValue();
        String hash = JsonPath.read(report, "$.positionHash");

        String disposition = download.getHeader("Content-Disposition");
        assertThat(disposition).contains("filename=\"songmu-2023-01-06-monthly-report.xlsx\"");
        Matcher encoded = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(disposition);
        assertThat(encoded.find()).isTrue();
        assertThat(URLDecoder.decode(encoded.group(1), StandardCharsets.UTF_8))
                .isEqualTo("衡阳松木经济开发区-2023年1-6月招商引资月报.xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("年度报表");
            Sheet summary = workbook.getSheet("年度报表");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("衡阳松木经济开发区 2023年1-6月招商引资月报");
            Map<String, String> header = pairs(summary);
            assertThat(header)
                    .containsEntry("开发区", "衡阳松木经济开发区")
                    .containsEntry("所在城市", "衡阳市")
                    .containsEntry("统计期", "2023-01-01 至 2023-06-30")
                    .containsEntry("业务日期截止", "2023-06-30");
            assertThat(header.get("记录时间截止")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d（北京时间.*");
            StringBuilder all = new StringBuilder();
            for (Sheet sheet : workbook) {
                if (!sheet.getSheetName().equals("口径说明")) {
                    // 口径说明 gives the address to regenerate the file with, which names the zone by its id
                    all.append(EveryOutput.text(sheet)).append('\n');
                }
                XSSFSheet xssf = (XSSFSheet) sheet;
                assertThat(xssf.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(xssf.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
                assertThat(xssf.getFooter().getRight()).contains("历史位置 " + position, hash, "atPosition=" + position);
            }
            assertThat(workbook.getSheet("逐月").getPrintSetup().getLandscape()).isTrue();
            assertThat(workbook.getSheet("三类500强").getPrintSetup().getLandscape())
                    .isTrue();
            String text = all.toString();
            assertThat(text)
                    .contains("世界500强", "中国500强", "新材料", "日本触媒高吸水性树脂项目", "衡阳市")
                    .doesNotContain("NEW_MATERIALS", "GLOBAL", "CHINA_PRIVATE", "songmu", "hengyang", "position=");
            assertThat(UUID.matcher(text).find()).as("no project ids").isFalse();
            assertThat(EveryOutput.text(workbook.getSheet("口径说明")))
                    .contains("历史位置 " + position, hash, "atPosition=" + position);
            for (Row row : summary) {
                if (row.getCell(1) != null
                        && row.getCell(1).getCellStyle().getDataFormatString().contains("%")) {
                    assertThat(row.getCell(2).getStringCellValue())
                            .as("no second % unit")
                            .isEmpty();
                }
            }
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getTitle()).isEqualTo("衡阳松木经济开发区 2023年1-6月招商引资月报");
            assertThat(core.getKeywords()).contains("position=" + position, "positionHash=" + hash);
            assertThat(core.getDescription()).contains("atPosition=" + position);
            String recordedAt = jdbc.sql("SELECT recorded_at FROM report_position WHERE position = ?")
                    .param(position)
                    .query(OffsetDateTime.class)
                    .single()
                    .toInstant()
                    .atZone(ZoneId.of("Asia/Shanghai"))
                    .toString();
            assertThat(core.getCreated()
                            .toInstant()
                            .atZone(ZoneId.of("Asia/Shanghai"))
                            .toString())
                    .startsWith(recordedAt.substring(0, 19));
        }
    }

    @Test
    void two_downloads_of_the_same_report_are_the_same_bytes_and_at_position_gives_them_again() throws Exception {
        String report = every.api("/api/reports/zones/songmu/years/2023?asOf=2023-06-30")
                .getContentAsString();
        long position = ((Number) JsonPath.read(report, "$.position")).longValue();

        byte[] first = every.api("/api/reports/zones/songmu/years/2023/workbook.xlsx?asOf=2023-06-30")
                .getContentAsByteArray();
        Thread.sleep(2100);
        byte[] second = every.api("/api/reports/zones/songmu/years/2023/workbook.xlsx?asOf=2023-06-30")
                .getContentAsByteArray();
        byte[] regenerated = every.api(
                        "/api/reports/zones/songmu/years/2023/workbook.xlsx?asOf=2023-06-30&atPosition=" + position)
                .getContentAsByteArray();

        assertThat(second).isEqualTo(first);
        assertThat(regenerated).isEqualTo(first);
    }

    private static Map<String, String> pairs(Sheet sheet) {
        Map<String, String> pairs = new HashMap<>();
        for (Row row : sheet) {
            if (row.getCell(0) != null
                    && row.getCell(1) != null
                    && row.getCell(1).getCellType() == CellType.STRING) {
                pairs.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
            }
        }
        return pairs;
    }

    private static List<String> warnings(String json, String path) {
        List<Map<String, Object>> list = JsonPath.read(json, path);
        return list.stream()
                .map(w -> w.get("projectId") + " " + w.get("colour") + " " + w.get("kind") + " " + w.get("since") + " "
                        + w.get("dueOn") + " " + w.get("daysOverdue"))
                .toList();
    }

    private static String tile(EveryOutput.Outputs outputs, String key) {
        List<String> values = JsonPath.read(outputs.dashboard(), "$.tiles[?(@.key == '" + key + "')].value");
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static Map<String, Object> figure(EveryOutput.Outputs outputs, String key) {
        List<Map<String, Object>> figures = JsonPath.read(outputs.dashboard(), "$.figures[?(@.key == '" + key + "')]");
        assertThat(figures).hasSize(1);
        return figures.get(0);
    }

    private String page(String path) throws Exception {
        return Html.page(mvc, path, user("inspector").roles("LEADERSHIP"));
    }
}

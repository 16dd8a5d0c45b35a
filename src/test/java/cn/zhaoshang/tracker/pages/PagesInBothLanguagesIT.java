package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page the application serves, found from its own GET mappings that render a view (so a new page is walked
 * without anyone listing it here), rendered for each role that may see it, in Chinese and in English. No page may
 * show a missing message ({@code ??key_locale??}) or a date in any form but 2023-03-15 (and 2023-03-15 14:05:09).
 * The pages that show only this test's history must also speak one language: no Chinese units on an English page,
 * no English amounts on a Chinese one, no message in both languages at once.
 */
@InMemoryTracker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesInBothLanguagesIT {

    enum Language {
        ZH,
        EN
    }

    /** A page to render; {@code ours} when it shows nothing but this test's history. */
    record Page(String path, boolean ours) {

        @Override
        public String toString() {
            return path;
        }
    }

    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?<>\\s]+\\?\\?");
    private static final Pattern UNFILLED = Pattern.compile("\\{\\d+}");
    private static final Pattern SCRIPT = Pattern.compile("(?s)<script.*?</script>");
    private static final Pattern OTHER_DATE = Pattern.compile(
            "\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{4}/\\d{1,2}/\\d{1,2}\\b|\\b\\d{1,2}:\\d{2}(:\\d{2})? ?[AaPp]\\.?[Mm]\\b"
                    + "|\\d{4}年\\d{1,2}月\\d{1,2}日|上午|下午");
    private static final Pattern CHINESE_UNIT = Pattern.compile("亿元|万元|万美元");
    private static final Pattern ENGLISH_AMOUNT = Pattern.compile("\\b(CNY|USD) [\\d-]|\\b(million|billion)\\b");
    private static final Pattern TWO_LANGUAGES = Pattern.compile("\\p{IsHan}[^<>\"\\n]{0,160}? / [A-Za-z]");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String zone;
    String project;
    String terminated;
    String submission;
    long before;
    List<Long> positions;

    /** A zone of a city of its own, with targets, warning rules and projects that had every kind of event. */
    @BeforeAll
    void aHistoryWithEveryKindOfEvent() throws Exception {
        before = Api.storedEvents(jdbc) == 0
                ? 0
                : jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry")
                        .query(Long.class)
                        .single();
        Api api = new Api(mvc);
        zone = api.newZone("c" + UUID.randomUUID().toString().substring(0, 8));
        api.put(
                        "/api/zones/" + zone + "/targets/2023",
                        "{\"contractInvestmentCny\": 10000000000, \"foreignCapitalUsd\": 7000000, \"projectCount\": 20}")
                .andExpect(status().isOk());
        api.put(
                        "/api/zones/" + zone + "/warning-rules",
                        "{\"notLandedYellowDays\": 90, \"notLandedRedDays\": 180, \"notInProductionYellowDays\": 360,"
                                + " \"notInProductionRedDays\": 540}")
                .andExpect(status().is2xxSuccessful());
        project = api.newProject(zone);
        String p = "/api/projects/" + project;
        api.post(p + "/landing", "{\"landedOn\": \"2023-06-01\"}").andExpect(status().isOk());
        CaughtUp.await(jdbc);
        aSubmissionAcceptedBeforeTheRestWasRecorded(api);
        api.arrival(project, "2023-07-01", "FOREIGN", "14480000").andExpect(status().isCreated());
        String twice = api.arrived(project, "2023-07-01", "FOREIGN", "14480000");
        api.post(p + "/capital-arrivals/" + twice + "/retraction", "{\"reason\": \"重复录入\"}")
                .andExpect(status().isOk());
        api.arrival(project, "2023-08-01", "DOMESTIC", "15000000").andExpect(status().isCreated());
        api.post(
                        p + "/amendments",
                        "{\"amendedOn\": \"2023-09-18\", \"contractInvestmentCny\": 1800000000, \"reason\": \"追加二期生产线\"}")
                .andExpect(status().isOk());
        api.post(p + "/signing-correction", "{\"industry\": \"NEW_ENERGY\", \"reason\": \"录入错误\"}")
                .andExpect(status().isOk());
        api.post(p + "/production", "{\"startedOn\": \"2023-12-01\"}").andExpect(status().isOk());
        terminated = api.newProject(zone);
        api.post(
                        "/api/projects/" + terminated + "/termination",
                        "{\"terminatedOn\": \"2023-07-01\", \"reason\": \"投资方资金链断裂\"}")
                .andExpect(status().isOk());
        CaughtUp.await(jdbc);
        positions = jdbc.sql("SELECT globalIndex FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex")
                .param(before)
                .query(Long.class)
                .list();
        aReplayThatHasEnded();
    }

    /** December as it stood after the landing, accepted: what is recorded next shows as its drift. */
    private void aSubmissionAcceptedBeforeTheRestWasRecorded(Api api) throws Exception {
        submission = api.acceptedSubmission(
                zone, "{\"year\": 2023, \"month\": 12, \"note\": \"全年\"}", "{\"opinion\": \"数据属实\"}");
    }

    /** The verification page shows the last replay: who started it and when. */
    private void aReplayThatHasEnded() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/audit/replays")
                .with(csrf())
                .with(user("auditor").roles("AUDITOR")));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String state = JsonPath.read(
                    render("/audit/replays/latest", Reader.AUDITOR, Language.ZH).getContentAsString(), "$.state");
            if (!"RUNNING".equals(state)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the replay did not end");
    }

    /** The paths of every GET mapping of the application that renders a view, path variables filled in. */
    List<String> pagePaths() {
        Map<String, String> samples = Map.of(
                "id", project,
                "projectId", project,
                "zoneId", zone,
                "zone", zone,
                "year", "2023",
                "position", String.valueOf(positions.get(0)),
                "username", "bureau");
        List<String> paths = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            HandlerMethod handler = mapping.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean renders = handler.getBeanType().getPackageName().startsWith("cn.zhaoshang.tracker")
                    && (methods.isEmpty() || methods.contains(RequestMethod.GET))
                    && !handler.hasMethodAnnotation(ResponseBody.class)
                    && !handler.getBeanType().isAnnotationPresent(ResponseBody.class)
                    && !ResponseEntity.class.isAssignableFrom(
                            handler.getReturnType().getParameterType())
                    && info.getProducesCondition().getProducibleMediaTypes().stream()
                            .allMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
            if (!renders) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.equals("/error")) {
                    continue;
                }
                Matcher variable = Pattern.compile("\\{([^}:]+)[^}]*}").matcher(pattern);
                StringBuilder path = new StringBuilder();
                while (variable.find()) {
                    String name = variable.group(1);
                    assertThat(samples)
                            .as("a sample value for {%s} of %s: add one above", name, pattern)
                            .containsKey(name);
                    boolean ofASubmission = pattern.startsWith("/submissions/") && name.equals("id");
                    variable.appendReplacement(path, ofASubmission ? submission : samples.get(name));
                }
                variable.appendTail(path);
                paths.add(path.toString());
            }
        }
        return paths;
    }

    Stream<Arguments> pages() {
        Set<Page> pages = new LinkedHashSet<>();
        for (String path : pagePaths()) {
            boolean ours = path.contains(project)
                    || path.startsWith("/audit/events/")
                    || path.contains(submission)
                    || path.equals("/zones/" + zone + "/submissions");
            pages.add(new Page(path, ours));
        }
        pages.add(new Page("/ledger?zone=" + zone, true));
        pages.add(new Page("/dashboard?zone=" + zone + "&year=2023", true));
        pages.add(new Page("/audit/then-and-now?zone=" + zone + "&year=2023&knownAt=2099-01-01T00:00", true));
        pages.add(new Page("/audit/events?after=" + before + "&size=500", true));
        pages.add(new Page("/projects/" + terminated, true));
        pages.add(new Page("/zones/" + zone + "/submissions?year=2023&month=11", true));
        pages.add(new Page("/dashboard?zone=" + zone + "&year=2023&basis=accepted&month=12", true));
        pages.add(new Page("/dashboard?zone=" + zone + "&year=2023&basis=accepted&month=11", true));
        pages.add(new Page("/reviews?year=2023&month=12", false));
        pages.add(new Page("/audit/access?kind=WORKBOOK_DOWNLOADED", false));
        pages.add(new Page("/audit/verification?replay=started", false));
        pages.add(new Page("/audit/verification?replay=running", false));
        for (long position : positions) {
            pages.add(new Page("/audit/events/" + position, true));
        }
        List<Arguments> cases = new ArrayList<>();
        for (Page page : pages) {
            for (Language language : Language.values()) {
                for (Reader reader : Reader.values()) {
                    cases.add(Arguments.of(page, language, reader));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void the_pages_are_found_from_the_application_s_own_mappings() {
        assertThat(pagePaths())
                .contains(
                        "/login",
                        "/dashboard",
                        "/ledger",
                        "/ledger/import",
                        "/projects/new",
                        "/projects/" + project,
                        "/projects/" + project + "/timeline",
                        "/audit/events",
                        "/audit/events/" + positions.get(0),
                        "/audit/verification",
                        "/audit/then-and-now",
                        "/submissions",
                        "/submissions/" + submission,
                        "/zones/" + zone + "/submissions",
                        "/reviews")
                .doesNotContain("/dashboard/data", "/ledger/export.xlsx", "/audit/replays/latest");
    }

    @ParameterizedTest(name = "{0} in {1} as {2}")
    @MethodSource("pages")
    void every_page_speaks_the_reader_s_language_with_no_missing_message(Page page, Language language, Reader reader)
            throws Exception {
        MockHttpServletResponse response = render(page.path(), reader, language);
        if (response.getStatus() == 403 || response.getStatus() / 100 == 3) {
            return; // not this reader's page, or not a page at all ("/" sends each role to its own)
        }
        assertThat(response.getStatus()).as("status of %s", page).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/html");
        String html = response.getContentAsString();

        assertThat(all(MISSING_MESSAGE, html)).as("missing messages").isEmpty();
        assertThat(all(UNFILLED, SCRIPT.matcher(html).replaceAll("")))
                .as("unfilled placeholders")
                .isEmpty();
        assertThat(all(OTHER_DATE, html)).as("dates or times in another form").isEmpty();
        if (html.startsWith("<!DOCTYPE html>")) { // a whole page, not a fragment the page's script fetches
            assertInTheLayout(html, language);
        }
        if (page.ours()) {
            assertThat(all(TWO_LANGUAGES, html)).as("messages in two languages").isEmpty();
            assertThat(all(language == Language.EN ? CHINESE_UNIT : ENGLISH_AMOUNT, html))
                    .as("amounts in the other language's units")
                    .isEmpty();
        }
    }

    @Test
    void the_event_log_filters_by_every_type_it_offers() throws Exception {
        String log = render("/audit/events", Reader.AUDITOR, Language.ZH).getContentAsString();
        Matcher option = Pattern.compile("<option value=\"(\\w+)\"").matcher(log);
        List<String> types = new ArrayList<>();
        while (option.find()) {
            types.add(option.group(1));
        }
        assertThat(types).contains("ProjectSigned", "WarningRaised", "WarningCleared", "WarningRulesSet");
        for (String type : types) {
            for (Language language : Language.values()) {
                MockHttpServletResponse filtered = render("/audit/events?type=" + type, Reader.AUDITOR, language);
                assertThat(filtered.getStatus()).as(type).isEqualTo(200);
                assertThat(all(MISSING_MESSAGE, filtered.getContentAsString())).isEmpty();
            }
        }
        List<String> stored = jdbc.sql("SELECT DISTINCT payloadType FROM DomainEventEntry")
                .query(String.class)
                .list();
        assertThat(types)
                .containsAll(stored.stream()
                        .map(name -> name.substring(name.lastIndexOf('.') + 1))
                        .toList());
    }

    @Test
    void an_unknown_project_is_named_in_the_reader_s_language_only() throws Exception {
        String chinese = render("/projects/no-such-project", Reader.LEADERSHIP, Language.ZH)
                .getContentAsString();
        String english = render("/projects/no-such-project", Reader.LEADERSHIP, Language.EN)
                .getContentAsString();

        assertThat(chinese)
                .contains("id=\"error-detail\">项目 no-such-project 不存在<")
                .doesNotContain("unknown");
        assertThat(english)
                .contains("id=\"error-detail\">unknown project no-such-project<")
                .doesNotContain("不存在");
    }

    @Test
    void a_refused_command_says_its_rule_in_the_reader_s_language_only() throws Exception {
        for (Language language : Language.values()) {
            MockHttpServletRequestBuilder landing = MockMvcRequestBuilders.post("/projects/" + terminated + "/landing")
                    .with(csrf())
                    .with(user("clerk").roles("BUREAU"))
                    .param("version", "1")
                    .param("date", "2023-08-01");
            if (language == Language.EN) {
                landing.param("lang", "en");
            }
            String page = mvc.perform(landing).andReturn().getResponse().getContentAsString();
            assertThat(page).contains(language == Language.EN ? "Not recorded:" : "未能登记：");
            assertThat(all(TWO_LANGUAGES, page)).isEmpty();
            assertThat(page).doesNotContain(language == Language.EN ? "已终止" : "terminated");
        }
    }

    @Test
    void a_ledger_s_problems_are_listed_in_the_reader_s_language_only() throws Exception {
        byte[] workbook = getClass()
                .getResourceAsStream("/ledger/sample-with-mistakes.xlsx")
                .readAllBytes();
        for (Language language : Language.values()) {
            MockHttpServletRequestBuilder upload = MockMvcRequestBuilders.multipart("/ledger/import")
                    .file(new MockMultipartFile(
                            "file",
                            "ledger.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            workbook))
                    .param("dryRun", "true")
                    .with(csrf())
                    .with(user("clerk").roles("BUREAU"));
            if (language == Language.EN) {
                upload.param("lang", "en");
            }
            String page = mvc.perform(upload).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"import-errors\"");
            assertThat(all(TWO_LANGUAGES, page)).isEmpty();
            if (language == Language.EN) {
                assertThat(page).contains("<td>required</td>").doesNotContain("必填");
            } else {
                assertThat(page).contains("<td>必填</td>").doesNotContain("required");
            }
        }
    }

    @Test
    void the_replay_panel_says_who_started_the_last_replay_and_when() throws Exception {
        String chinese =
                render("/audit/verification", Reader.AUDITOR, Language.ZH).getContentAsString();
        String english =
                render("/audit/verification", Reader.AUDITOR, Language.EN).getContentAsString();

        assertThat(chinese).containsPattern("由 auditor 于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 发起");
        assertThat(english).containsPattern("Started by auditor at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(render("/audit/verification?replay=started", Reader.AUDITOR, Language.ZH)
                        .getContentAsString())
                .contains("id=\"replay-message\">已开始重建，进度见下方。<")
                .doesNotContain("{0}");
    }

    private MockHttpServletResponse render(String path, Reader reader, Language language) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path);
        if (language == Language.EN) {
            request.param("lang", "en");
        }
        return mvc.perform(reader.sends(request)).andReturn().getResponse();
    }

    /** The layout's head, title, menu and one main, in the reader's language: what the page template hands over. */
    private static void assertInTheLayout(String html, Language language) {
        boolean english = language == Language.EN;
        assertThat(html)
                .containsPattern("<html lang=\"" + (english ? "en" : "zh-CN") + "\">\\s*<head>")
                .containsPattern("<title>[^<]+ · " + (english ? "Investment Project Tracker" : "招商引资项目跟踪") + "</title>")
                .contains("<header class=\"top\">", "id=\"language\"");
        assertThat(html.split("<main", -1)).as("one main").hasSize(2);
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            int from = Math.max(0, matcher.start() - 60);
            found.add(html.substring(from, Math.min(html.length(), matcher.end() + 20)));
        }
        return found;
    }
}

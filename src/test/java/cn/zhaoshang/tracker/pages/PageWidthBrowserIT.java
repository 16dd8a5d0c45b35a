package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.CaughtUp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page on a phone (390 px, as a phone renders it) and on a wide screen in English (1600 px) for a logged-in
 * reader of each role: nothing may scroll sideways. Also, in the browser, what issue 17 found on these pages: the
 * error pages, the import form's tick box, the project page's panels, the API documentation after a form login.
 * Screenshots of the dashboard, the ledger and a project page in both languages and widths go to
 * {@code target/screenshots/width/}; with {@code -Dtracker.screenshots=docs/screenshots} also there, for the docs.
 * Same application as {@link PagesBrowserIT} (the same settings share its Spring context); nothing is recorded.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:pages-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "tracker.demo-data=true"
        })
class PageWidthBrowserIT {

    private static final int PHONE = 390;
    private static final int WIDE = 1600;

    /** Fragments fetched, charts drawn: the page as the reader sees it once it has settled. */
    private static final String SETTLED =
            """
            return document.readyState === 'complete'
              && Array.prototype.every.call(document.querySelectorAll('[data-fragment]'),
                   function (e) { return e.querySelector('.rules-summary') !== null; })
              && Array.prototype.every.call(document.querySelectorAll('#timeline-holder'),
                   function (e) { return e.querySelector('ol') !== null; })
              && Array.prototype.every.call(document.querySelectorAll('.chart'),
                   function (e) { return e.querySelector('canvas') !== null; });""";

    /** What sticks out to the right of the device, to say why a page is too wide. */
    private static final String STICKING_OUT =
            """
            var out = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var box = e.getBoundingClientRect();
              if (box.width > 0 && box.right > WIDTH + 1 && out.length < 8) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + Math.round(box.right) + 'px');
              }
            });
            return out.join(', ');""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String project;
    long position;

    @BeforeEach
    void demoHistoryCaughtUp() throws InterruptedException {
        position = CaughtUp.await(jdbc);
        // a Songmu project that has received money, the longest name of them: the fullest project page
        project = jdbc.sql(
                        """
                SELECT project_id FROM project_summary WHERE zone_id = 'songmu' AND foreign_capital_arrived_usd > 0
                ORDER BY LENGTH(name) DESC, project_id FETCH FIRST 1 ROWS ONLY""")
                .query(String.class)
                .single();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bureau", "reviewer", "leader", "auditor", "admin"})
    void no_page_scrolls_sideways_on_a_phone(String user) throws Exception {
        try (Browser browser = browser(PHONE, true)) {
            browser.logIn(user, password(user));
            for (String path : pages(user)) {
                assertFits(browser, path, PHONE);
            }
        }
    }

    @Test
    void the_login_page_fits_a_phone() throws Exception {
        try (Browser browser = browser(PHONE, true)) {
            assertFits(browser, "/login", PHONE);
            assertFits(browser, "/login?lang=en", PHONE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bureau", "leader", "auditor"})
    void every_page_in_english_fits_a_wide_screen_and_a_phone(String user) throws Exception {
        try (Browser wide = browser(WIDE, false);
                Browser phone = browser(PHONE, true)) {
            wide.logIn(user, password(user));
            phone.logIn(user, password(user));
            for (String path : pages(user)) {
                String english = path + (path.contains("?") ? "&" : "?") + "lang=en";
                assertFits(wide, english, WIDE);
                assertFits(phone, english, PHONE);
            }
        }
    }

    @Test
    void the_dashboard_the_ledger_and_a_project_are_photographed_at_both_widths_in_both_languages() throws Exception {
        Path target = Path.of("target", "screenshots", "width");
        String copies = System.getProperty("tracker.screenshots");
        Files.createDirectories(target);
        Map<String, String> pages = Map.of(
                "dashboard", "/dashboard",
                "ledger", "/ledger?zone=songmu",
                "project", "/projects/" + project);
        for (int width : new int[] {PHONE, WIDE}) {
            try (Browser browser = browser(width, width == PHONE)) {
                browser.logIn("bureau", password("bureau"));
                for (String language : new String[] {"zh", "en"}) {
                    for (Map.Entry<String, String> page : pages.entrySet()) {
                        String path = page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang="
                                + (language.equals("zh") ? "zh_CN" : "en");
                        settle(browser.open(path));
                        String name = page.getKey() + "-" + language + "-" + width + ".png";
                        // the dashboard whole, down to its charts; of the others their first screens
                        boolean whole = page.getKey().equals("dashboard");
                        byte[] png = browser.pageShot(width == PHONE ? (whole ? 4000 : 2000) : (whole ? 2400 : 1300));
                        Files.write(target.resolve(name), png);
                        if (copies != null && !copies.isBlank()) {
                            Files.createDirectories(Path.of(copies));
                            Files.write(Path.of(copies, name), png);
                        }
                        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
                    }
                }
            }
        }
    }

    @Test
    void a_mistyped_address_and_a_form_over_one_megabyte_get_pages_that_say_so() throws Exception {
        try (Browser browser = browser(PHONE, true)) {
            browser.logIn("bureau", password("bureau"));
            browser.open("/ledgr");
            assertThat(browser.text("error-message")).contains("页面不存在").doesNotContain("无权");

            browser.open("/projects/new");
            ((JavascriptExecutor) browser.driver)
                    .executeScript("document.getElementById('name').value = '名'.repeat(700 * 1024);"
                            + "document.getElementById('investorName').value = '某公司';"
                            + "document.getElementById('contractInvestmentYi').value = '1';");
            browser.find("sign-submit").click();
            assertThat(browser.text("error-message")).contains("提交的内容过大").doesNotContain("无权");
            assertFits(browser, "/ledgr?lang=en", PHONE);
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {PHONE, WIDE})
    void the_import_page_s_tick_box_sits_beside_its_words(int width) throws Exception {
        try (Browser browser = browser(width, width == PHONE)) {
            browser.logIn("bureau", password("bureau"));
            browser.open("/ledger/import");
            WebElement box = browser.find("dryRun");
            WebElement words = box.findElement(By.xpath("following-sibling::span"));

            int gap = words.getRect().getX()
                    - (box.getRect().getX() + box.getRect().getWidth());
            assertThat(gap).isBetween(0, 16);
            assertThat(Math.abs(words.getRect().getY() - box.getRect().getY())).isLessThan(12);
        }
    }

    @Test
    void a_flagged_project_s_name_takes_the_phone_s_width_not_a_narrow_column() throws Exception {
        try (Browser browser = browser(PHONE, true)) {
            browser.logIn("leader", password("leader"));
            settle(browser.open("/dashboard"));
            List<WebElement> names = browser.driver.findElements(By.cssSelector("#flagged tbody td.name"));

            assertThat(names).isNotEmpty();
            for (WebElement name : names) {
                assertThat(name.getRect().getWidth()).as(name.getText()).isGreaterThan(PHONE * 3 / 4);
            }
            assertThat(browser.driver
                            .findElement(By.cssSelector("#flagged tbody td.overdue"))
                            .getDomAttribute("data-label"))
                    .isEqualTo("逾期天数");
        }
    }

    @Test
    void opening_one_form_of_the_project_page_leaves_the_closed_ones_as_they_were() throws Exception {
        try (Browser browser = browser(WIDE, false)) {
            browser.logIn("bureau", password("bureau"));
            settle(browser.open("/projects/" + project));
            List<WebElement> panels = browser.driver.findElements(By.cssSelector("#actions details.panel"));
            assertThat(panels).hasSizeGreaterThan(2);
            int closedHeight = panels.get(1).getRect().getHeight();

            panels.get(0).findElement(By.tagName("summary")).click();
            assertThat(panels.get(0).getRect().getHeight()).isGreaterThan(closedHeight * 2);
            for (WebElement closed : panels.subList(1, panels.size())) {
                assertThat(closed.getRect().getHeight()).isEqualTo(closedHeight);
            }
        }
    }

    @Test
    void a_reader_logged_in_through_the_form_opens_the_api_documentation() throws Exception {
        try (Browser browser = browser(WIDE, false)) {
            browser.logIn("leader", password("leader"));
            browser.find("api-docs").click();

            browser.waitFor().until(driver -> driver.getCurrentUrl().contains("/swagger-ui/index.html"));
            browser.waitFor().until(driver -> !driver.findElements(By.cssSelector(".swagger-ui .info .title"))
                    .isEmpty());
            assertThat(browser.driver
                            .findElement(By.cssSelector(".swagger-ui .info .title"))
                            .getText())
                    .isNotBlank();
        }
    }

    private void assertFits(Browser browser, String path, int width) {
        settle(browser.open(path));
        long scrollWidth = browser.scrollWidth();
        assertThat(scrollWidth)
                .as("%s at %d px is %d px wide: %s", path, width, scrollWidth, stickingOut(browser, width))
                .isLessThanOrEqualTo(width);
    }

    private static Browser settle(Browser browser) {
        browser.waitFor().until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(SETTLED)));
        return browser;
    }

    private static Object stickingOut(Browser browser, int width) {
        return ((JavascriptExecutor) browser.driver)
                .executeScript(STICKING_OUT.replace("WIDTH", String.valueOf(width)));
    }

    /** The pages a reader of the user's role can open, with a page that does not exist. */
    private List<String> pages(String user) {
        List<String> pages = new ArrayList<>(List.of(
                "/dashboard",
                "/ledger",
                "/ledger?zone=songmu&year=2023",
                "/projects/" + project,
                "/zones",
                "/zones/songmu/warning-rules",
                "/zones/songmu/submissions?year=2023&month=10",
                "/dashboard?zone=songmu&year=2023&basis=accepted&month=11",
                "/no-such-page"));
        switch (user) {
            case "bureau" -> pages.addAll(List.of("/projects/new", "/ledger/import"));
            case "reviewer" -> pages.add("/reviews?year=2023&month=11");
            case "admin" -> pages.addAll(List.of("/admin/users", "/admin/users/bureau", "/audit/access"));
            case "auditor" -> pages.addAll(List.of(
                    "/audit/events",
                    "/audit/events/" + Math.max(1, position / 2),
                    "/audit/verification",
                    "/audit/then-and-now",
                    "/audit/access",
                    "/audit/access?kind=WORKBOOK_DOWNLOADED",
                    "/audit/then-and-now?zone=songmu&year=2023&knownAt=2024-01-05T00:00:00"));
            default -> {}
        }
        return pages;
    }

    private Browser browser(int width, boolean phone) {
        return new Browser("http://localhost:" + port, "zh-CN").emulate(width, phone ? 844 : 1100, phone);
    }

    private static String password(String user) {
        return user + "-demo";
    }
}

package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.CaughtUp;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages in headless Chromium, on the demo history: what a newcomer sees after logging in, the bureau's forms,
 * a role kept out of a page, the auditor's verification, a month submitted and accepted. Screenshots land in {@code target/screenshots}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:pages-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "tracker.demo-data=true"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void projectionsCaughtUp() throws InterruptedException {
        CaughtUp.await(jdbc);
    }

    private Browser browser() {
        return new Browser("http://localhost:" + port, "zh-CN");
    }

    @Test
    @Order(1)
    void leadership_logs_in_and_sees_songmu_2023_as_the_article_tells_it() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("leader", "leader-demo");

            assertThat(browser.text("heading")).contains("衡阳松木经济开发区").contains("2023");
            assertThat(browser.text("tile-projects")).contains("22");
            assertThat(browser.text("tile-top500")).contains("4");
            assertThat(browser.text("tile-contract"))
                    .contains("115")
                    .contains("亿元")
                    .contains("115%")
                    .contains("超出 15 个百分点");
            assertThat(browser.text("tile-foreign"))
                    .contains("1448")
                    .contains("万美元")
                    .contains("207%");
            assertThat(browser.text("tile-share")).contains("29.4%");
            assertThat(browser.text("tile-rank")).contains("第1");
            for (String chart : new String[] {"chart-monthly", "chart-industries", "chart-pipeline", "chart-city"}) {
                browser.waitFor()
                        .until(ExpectedConditions.presenceOfNestedElementLocatedBy(By.id(chart), By.tagName("canvas")));
            }
            browser.driver.manage().window().setSize(new Dimension(1600, 1900));
            browser.screenshot("dashboard");
            assertThat(browser.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void the_dashboard_speaks_english_when_asked() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("leader", "leader-demo");
            browser.find("language").click();

            browser.waitFor()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("tile-projects"), "Projects signed"));
            assertThat(browser.text("tile-contract")).contains("15 points above target");
            // the charts write numbers as the tables beside them do: grouped by thousands in English
            assertThat(
                            ((JavascriptExecutor) browser.driver)
                                    .executeScript(
                                            """
                                    var pie = echarts.getInstanceByDom(document.getElementById('chart-industries'));
                                    return pie.getOption().series[0].label.formatter({name: 'New materials', value: 3105.5});"""))
                    .isEqualTo("New materials 3,105.5 CNY million");
            browser.screenshot("dashboard-en");
            assertThat(browser.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    @Order(3)
    void the_bureau_signs_a_project_through_the_form_and_finds_it_in_the_ledger() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("bureau", "bureau-demo");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/ledger");
            browser.find("nav-sign").click();

            new Select(browser.find("zoneId")).selectByValue("songmu");
            browser.find("name").sendKeys("浏览器测试新材料项目");
            browser.find("investorName").sendKeys("测试投资有限公司");
            new Select(browser.find("industry")).selectByValue("NEW_MATERIALS");
            browser.find("contractInvestmentYi").sendKeys("2.5");
            browser.find("sign-submit").click();

            assertThat(browser.text("flash")).contains("浏览器测试新材料项目");
            assertThat(browser.text("contract")).contains("2.5亿元");

            browser.open("/ledger?q=浏览器测试");
            assertThat(browser.text("ledger")).contains("浏览器测试新材料项目").contains("测试投资有限公司");
            browser.screenshot("ledger");
            assertThat(browser.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    @Order(4)
    void a_form_with_mistakes_comes_back_with_the_message_next_to_the_field() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("bureau", "bureau-demo");
            browser.open("/projects/new");
            new Select(browser.find("zoneId")).selectByValue("songmu");
            browser.find("investorName").sendKeys("某投资方");
            new Select(browser.find("industry")).selectByValue("OTHER");
            browser.find("contractInvestmentYi").sendKeys("很多");
            browser.find("sign-submit").click();

            assertThat(browser.text("error-name")).isEqualTo("必填");
            assertThat(browser.text("error-contractInvestmentYi")).contains("请输入数字");
            assertThat(browser.text("form-errors")).contains("表单有误");
            browser.screenshot("sign-form-errors");
        }
    }

    @Test
    @Order(5)
    void the_rules_reason_is_shown_plainly_when_a_command_is_refused() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("bureau", "bureau-demo");
            browser.open("/ledger?q=浏览器测试");
            browser.driver.findElement(By.linkText("浏览器测试新材料项目")).click();
            browser.driver
                    .findElement(By.cssSelector("details:has(#landing-form) summary"))
                    .click();
            ((JavascriptExecutor) browser.driver)
                    .executeScript("document.querySelector('#landing-form input[name=date]').value = '2001-01-01';");
            browser.driver.findElement(By.cssSelector("#landing-form button")).click();

            browser.waitFor()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#landing-form .rejected"), "落地日期早于签约日期"));
        }
    }

    @Test
    @Order(6)
    void the_bureau_checks_a_ledger_file_through_the_import_form() throws Exception {
        Path ledger = Files.createTempFile("ledger-", ".xlsx");
        try (Browser browser = browser();
                InputStream sample = getClass().getResourceAsStream("/ledger/sample-with-mistakes.xlsx")) {
            Files.copy(sample, ledger, StandardCopyOption.REPLACE_EXISTING);
            browser.logIn("bureau", "bureau-demo");
            browser.open("/ledger/import");
            // the token travels in the multipart body: Tomcat parses it for the CSRF filter
            assertThat(browser.find("import-form").getDomAttribute("action")).isEqualTo("/ledger/import");
            browser.find("file").sendKeys(ledger.toAbsolutePath().toString());
            browser.find("import-submit").click();

            assertThat(browser.text("import-summary")).contains("未登记任何项目");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/ledger/import");
            browser.screenshot("ledger-import");

            // the same form without its token is refused: the token in the body is what let it through
            browser.open("/ledger/import");
            ((JavascriptExecutor) browser.driver)
                    .executeScript("document.querySelector('#import-form input[name=_csrf]').remove();");
            browser.find("file").sendKeys(ledger.toAbsolutePath().toString());
            browser.find("import-submit").click();
            assertThat(browser.text("error-message")).contains("当前角色无权查看此页面");
        } finally {
            Files.deleteIfExists(ledger);
        }
    }

    @Test
    @Order(7)
    void the_dashboard_follows_new_events_without_reloading() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("leader", "leader-demo");
            String before = browser.find("tile-projects")
                    .findElement(By.className("value"))
                    .getText();
            ((JavascriptExecutor) browser.driver).executeScript("window.notReloaded = true;");

            try (Browser bureau = browser()) {
                bureau.logIn("bureau", "bureau-demo");
                bureau.open("/projects/new");
                new Select(bureau.find("zoneId")).selectByValue("songmu");
                bureau.find("name").sendKeys("驾驶舱刷新测试项目");
                bureau.find("investorName").sendKeys("刷新测试公司");
                new Select(bureau.find("industry")).selectByValue("LOGISTICS");
                ((JavascriptExecutor) bureau.driver)
                        .executeScript("document.getElementById('signedOn').value = '2023-06-30';");
                bureau.find("contractInvestmentYi").sendKeys("1");
                bureau.find("sign-submit").click();
                bureau.find("flash");
            }

            String after = String.valueOf(Integer.parseInt(before) + 1);
            browser.waitFor()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#tile-projects .value"), after));
            assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.notReloaded === true;"))
                    .isEqualTo(true);
        }
    }

    @Test
    @Order(8)
    void leadership_is_kept_out_of_the_bureau_s_form_and_the_audit() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("leader", "leader-demo");
            browser.open("/projects/new");
            assertThat(browser.text("error-message")).contains("当前角色无权查看此页面");
            browser.open("/audit/events");
            assertThat(browser.text("error-message")).contains("当前角色无权查看此页面");
        }
    }

    @Test
    @Order(9)
    void the_auditor_verifies_the_history_and_rebuilds_the_read_models() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("auditor", "auditor-demo");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/audit/events");
            browser.find("nav-verification").click();
            browser.find("verify").click();

            assertThat(browser.text("verification-status")).contains("历史完整");
            browser.screenshot("verification");
            assertThat(browser.contentSecurityViolations()).isEmpty();

            browser.find("replay").click();
            browser.waitFor()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("replay-result"), "全部读模型一致"));

            browser.find("nav-access").click();
            assertThat(browser.text("access")).contains("登录").contains("历史核验").contains("重建读模型");
            browser.screenshot("access-log");
            assertThat(browser.contentSecurityViolations()).isEmpty();
            browser.find("view-register").click();
            assertThat(browser.text("access-title")).isEqualTo("月报登记簿");
        }
    }

    @Test
    @Order(11)
    void the_bureau_submits_a_month_through_its_page_and_the_reviewer_accepts_it() throws Exception {
        try (Browser bureau = browser()) {
            bureau.logIn("bureau", "bureau-demo");
            bureau.find("nav-submissions").click();
            new Select(bureau.find("year")).selectByValue("2023");
            new Select(bureau.find("month")).selectByValue("11");
            bureau.find("preview-button").click();

            assertThat(bureau.text("preview")).contains("2023年11月").contains("合同投资额（亿元）");
            bureau.find("submit-button").click();
            assertThat(bureau.text("flash")).contains("已报送2023年11月");
            assertThat(bureau.text("submissions-table")).contains("2023年11月").contains("待审核");
            bureau.screenshot("submissions");
            assertThat(bureau.contentSecurityViolations()).isEmpty();
        }
        try (Browser reviewer = browser()) {
            reviewer.logIn("reviewer", "reviewer-demo");
            reviewer.find("nav-reviews").click();
            new Select(reviewer.find("year")).selectByValue("2023");
            new Select(reviewer.find("month")).selectByValue("11");
            reviewer.find("show").click();
            reviewer.find("waiting-table")
                    .findElement(By.className("review-link"))
                    .click();

            reviewer.find("accept-opinion").sendKeys("数据属实");
            reviewer.find("accept-button").click();
            assertThat(reviewer.text("flash")).contains("已接受2023年11月的报送");
            assertThat(reviewer.text("status")).isEqualTo("已接受");
            reviewer.screenshot("submission-accepted");
            assertThat(reviewer.contentSecurityViolations()).isEmpty();
        }
    }

    @Test
    @Order(10)
    void a_wrong_password_is_refused() throws Exception {
        try (Browser browser = browser()) {
            browser.logIn("leader", "not-the-password");
            assertThat(browser.text("login-error")).contains("用户名或密码错误");
        }
    }

    @Test
    @Order(10)
    void guessing_through_the_form_is_stopped_and_the_form_says_how_long_to_wait() throws Exception {
        try (Browser browser = browser()) {
            for (int guess = 0; guess < 10; guess++) {
                browser.logIn("nobody", "guess-" + guess);
            }
            assertThat(browser.driver.getCurrentUrl()).endsWith("/login?error");

            browser.logIn("nobody", "guess-last");
            assertThat(browser.text("login-refused")).contains("登录失败次数过多").contains("秒后再试");
            browser.screenshot("login-refused");
        }
    }
}

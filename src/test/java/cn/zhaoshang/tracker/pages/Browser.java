package cn.zhaoshang.tracker.pages;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the machine's packages (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): nothing is downloaded while the tests run.
 */
final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final File DRIVER = new File(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    final WebDriver driver;
    private final String base;

    Browser(String base, String language) {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run does it)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1600,1100",
                "--lang=" + language);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.base = base;
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    Browser logIn(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript("window.onTheLoginForm = true;");
        driver.findElement(By.id("login")).click();
        // A click does not wait for the page it submits to; the next step would otherwise race the login's answer.
        // The answer is another document (without the mark) once it has loaded; asked mid-navigation, the driver
        // may fail, which only means "not yet".
        waitFor()
                .ignoring(WebDriverException.class)
                .until(ignored -> Boolean.TRUE.equals(page.executeScript(
                        "return window.onTheLoginForm === undefined && document.readyState === 'complete';")));
        return this;
    }

    WebElement find(String id) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    String text(String id) {
        return find(id).getText();
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** What the browser refused to load or run because of the page's Content-Security-Policy, since the last call. */
    List<String> contentSecurityViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Renders pages as a device {@code width} CSS pixels wide: a phone ({@code mobile}: the page's viewport meta
     * tag counts, as on a real phone) or a desktop window. It holds for every page the browser opens from here.
     */
    Browser emulate(int width, int height, boolean mobile) {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        return this;
    }

    /** How wide the page is laid out: more than the device's width means the reader scrolls sideways. */
    long scrollWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;"))
                .longValue();
    }

    /** The page from its top, at most {@code maxHeight} pixels of it, as PNG bytes. */
    byte[] pageShot(int maxHeight) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long width = ((Number) js.executeScript("return document.documentElement.clientWidth;")).longValue();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        Map<String, Object> shot = ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Page.captureScreenshot",
                        Map.of(
                                "format",
                                "png",
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of(
                                        "x",
                                        0,
                                        "y",
                                        0,
                                        "width",
                                        width,
                                        "height",
                                        Math.min(height, maxHeight),
                                        "scale",
                                        1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}

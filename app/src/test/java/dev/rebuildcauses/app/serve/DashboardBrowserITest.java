package dev.rebuildcauses.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The dashboard in a real browser (headless Chromium through chromedriver) over a demo store: every page
 * loads without a console error, the numbers shown equal the CSV downloads, a filter and a drill-down
 * work, a table downloads, hostile names stay text. Screenshots go to target/screenshots/.
 */
class DashboardBrowserITest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ServeRunner.Running running;
    private static URI base;
    private static ChromeDriver browser;
    private static Path downloads;

    @BeforeAll
    static void serveADemoStoreAndOpenABrowser() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target", "tmp"), "dashboard");
        Path config = DashboardFixture.create(
                folder, "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), 600);
        PrintWriter quiet = new PrintWriter(new StringWriter());
        running = new ServeRunner(quiet, quiet, Map.of())
                .start(new ServeConfig(config, "127.0.0.1", 0, null, null, true));
        base = running.server().url();
        downloads = Files.createDirectories(folder.resolve("downloads")).toAbsolutePath();
        browser = openBrowser(folder.resolve("chromium-profile"), downloads);
        Files.createDirectories(SCREENSHOTS);
    }

    static ChromeDriver openBrowser(Path profile, Path downloads) {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1800",
                "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(options);
    }

    @AfterAll
    static void closeAll() {
        if (browser != null) {
            browser.quit();
        }
        if (running != null) {
            running.close();
        }
    }

    @AfterEach
    void noScriptRanAndNothingFailed() {
        assertNoAlert();
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(entry.getMessage());
            }
        }
        assertThat(problems).as("console errors and CSP violations").isEmpty();
    }

    @Test
    void shouldLoadEveryPageAndSaveItsScreenshot() throws Exception {
        open("/", "overview");
        assertThat(browser.findElement(By.id("answer")).getText()).contains("Most build time goes to");
        assertThat(browser.findElement(By.id("freshness")).getText()).contains("read from the store");

        open("/jobs", "jobs");
        assertThat(browser.findElements(By.cssSelector("#jobs-table tbody tr"))).hasSizeGreaterThan(10);

        open("/job?name=images%2Fbase-python", "job");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("images/base-python");
        assertThat(browser.findElements(By.cssSelector("#combinations-table tbody tr")))
                .isNotEmpty();

        open("/build?job=images%2Fbase-python&number=5", "build");
        assertThat(browser.findElement(By.id("build-facts")).getText()).contains("trigger");

        open("/cause?name=code", "cause");
        assertThat(browser.findElements(By.cssSelector("#cause-jobs-table tbody tr")))
                .isNotEmpty();
    }

    @Test
    void shouldShowTheNumbersOfTheCsvExports() throws Exception {
        open("/", "overview-numbers");
        List<List<String>> shown = rows(By.cssSelector("#causes-table tbody tr"));
        List<List<String>> exported = csv("/csv/causes.csv");
        assertThat(shown).isEqualTo(exported.subList(1, exported.size()));

        open("/jobs?sort=job&dir=asc&size=500", "jobs-numbers");
        List<List<String>> jobs = csv("/csv/jobs.csv?sort=job&dir=asc");
        List<List<String>> table = rows(By.cssSelector("#jobs-table tbody tr"));
        assertThat(table).hasSize(jobs.size() - 1);
        for (int i = 0; i < table.size(); i++) {
            List<String> csvRow = jobs.get(i + 1);
            // job, builds, hours and the days between environment changes, as jobs.csv has them
            assertThat(List.of(
                            table.get(i).get(0),
                            table.get(i).get(1),
                            table.get(i).get(2)))
                    .isEqualTo(List.of(csvRow.get(0), csvRow.get(1), csvRow.get(2)));
            assertThat(table.get(i).get(table.get(i).size() - 3)).isEqualTo(csvRow.get(5));
        }
    }

    @Test
    void shouldFilterJobsByFolderAndKeepTheFilterInTheAddress() throws Exception {
        open("/jobs", "jobs-before-filter");
        browser.findElement(By.cssSelector("select[name=folder] option[value=images]"))
                .click();
        browser.findElement(By.name("q")).sendKeys("base");
        browser.findElement(By.cssSelector("#jobs-filter button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("folder=images"));
        screenshot("jobs-filtered");

        assertThat(browser.getCurrentUrl()).contains("folder=images").contains("q=base");
        List<String> jobs = browser.findElements(By.cssSelector("#jobs-table tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(jobs)
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job).startsWith("images/").contains("base"));
    }

    @Test
    void shouldDrillDownFromTheOverviewToAJobAndABuild() throws Exception {
        open("/", "drill-overview");
        WebElement job = browser.findElement(By.cssSelector("#top-jobs tbody tr td a"));
        String name = job.getText();
        job.click();
        waitFor(() -> browser.getCurrentUrl().contains("/job?name="));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        screenshot("drill-job");

        WebElement build = browser.findElement(By.cssSelector("#builds-table tbody tr td:nth-child(2) a"));
        String number = build.getText();
        build.click();
        waitFor(() -> browser.getCurrentUrl().contains("/build?"));
        screenshot("drill-build");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name + " " + number);
        assertThat(browser.findElement(By.id("files-title")).getText()).isEqualTo("Changed files");
        assertThat(browser.findElement(By.id("ci-link")).getAttribute("href"))
                .startsWith("https://ci.example.com/job/");
    }

    @Test
    void shouldDownloadATableAsTheExportHasIt() throws Exception {
        open("/jobs?folder=images", "jobs-download");
        browser.findElement(By.id("jobs-csv")).click();
        Path file = downloads.resolve("jobs.csv");
        waitFor(() -> Files.exists(file));
        Files.copy(file, Path.of("target", "screenshots", "downloaded-jobs.csv"), StandardCopyOption.REPLACE_EXISTING);

        String downloaded = Files.readString(file);
        assertThat(downloaded)
                .startsWith("job,builds,hours,top_cause,environment_changes,mean_days_between_environment_changes\r\n");
        assertThat(downloaded).isEqualTo(fetch("/csv/jobs.csv?folder=images"));
        assertThat(downloaded.lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("images/"));
    }

    @Test
    void shouldRenderHostileNamesAsTextAndRunNoScript() throws Exception {
        open("/jobs?q=script", "hostile-jobs");
        assertThat(browser.findElement(By.cssSelector("#jobs-table tbody tr td a"))
                        .getText())
                .isEqualTo(DashboardFixture.HOSTILE_JOB);

        browser.findElement(By.cssSelector("#jobs-table tbody tr td a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/job?name="));
        assertNoAlert();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(DashboardFixture.HOSTILE_JOB);
        screenshot("hostile-job");

        browser.get(base.resolve("/build?job="
                        + dev.rebuildcauses.report.pages.Links.encode(DashboardFixture.HOSTILE_JOB) + "&number=2")
                .toString());
        assertNoAlert();
        screenshot("hostile-build");
        assertThat(browser.findElement(By.id("commits-table")).getText()).contains(DashboardFixture.HOSTILE_MESSAGE);
        assertThat(browser.findElement(By.id("files-table")).getText()).contains(DashboardFixture.HOSTILE_PATH);
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main script"))).isEmpty();
    }

    private static void open(String path, String screenshot) throws Exception {
        browser.get(base.resolve(path).toString());
        assertNoAlert();
        screenshot(screenshot);
    }

    private static void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void assertNoAlert() {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("a script ran and raised an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // no script ran
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s in vain at " + browser.getCurrentUrl());
            }
            Thread.sleep(50);
        }
    }

    private static List<List<String>> rows(By selector) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : browser.findElements(selector)) {
            rows.add(row.findElements(By.tagName("td")).stream()
                    .map(cell -> cell.getText().strip())
                    .toList());
        }
        return rows;
    }

    private static String fetch(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static List<List<String>> csv(String path) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (org.apache.commons.csv.CSVRecord record :
                org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(fetch(path)))) {
            rows.add(record.toList());
        }
        return rows;
    }
}

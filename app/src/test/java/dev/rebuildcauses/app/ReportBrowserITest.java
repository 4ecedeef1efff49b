package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import picocli.CommandLine;

/**
 * The HTML report in a real browser (headless Chromium): the demo's report shows the numbers of its CSV
 * exports, and a history full of HTML in names and messages renders as text with no script running.
 * Screenshots go to target/screenshots/.
 */
class ReportBrowserITest {
    private static final String HOSTILE_JOB = "<script>alert(1)</script>";
    private static final String HOSTILE_MESSAGE = "<img src=x onerror=alert(2)>";

    private static Path folder;
    private static ChromeDriver browser;

    @BeforeAll
    static void openABrowser() throws Exception {
        folder = Files.createTempDirectory(Path.of("target", "tmp"), "report-browser")
                .toAbsolutePath();
        browser = HeadlessChromium.open(folder.resolve("profile"), 1280, 1600);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldShowTheDemoReportWithTheNumbersOfItsCsvExports() throws Exception {
        // Given the demo's report
        Path out = folder.resolve("demo");
        int exit = run("demo", "--no-serve", "-q", "--builds", "600", "--out", out.toString());
        assertThat(exit).isZero();

        // When a browser opens it
        browser.get(out.resolve("rebuild-causes.html").toUri().toString());

        // Then every key figure equals the export cell it names, shown with the export's digits
        List<WebElement> figures = browser.findElements(By.cssSelector(".figure"));
        assertThat(figures).hasSizeGreaterThanOrEqualTo(6);
        Map<String, CSVRecord> causes =
                csv(out.resolve("causes.csv")).stream().collect(Collectors.toMap(row -> row.get("cause"), row -> row));
        for (WebElement figure : figures) {
            String source = figure.getAttribute("data-source");
            String exported = figure.getAttribute("data-exported");
            String shown = figure.findElement(By.cssSelector(".value")).getText();
            if (source.startsWith("causes.csv: ")) {
                String[] cell = source.substring("causes.csv: ".length()).split(", ");
                assertThat(causes.get(cell[0]).get(cell[1])).as(source).isEqualTo(exported);
                if (cell[1].endsWith("share")) {
                    assertThat(shown)
                            .isEqualTo(
                                    new BigDecimal(exported).movePointRight(2).toPlainString() + "%");
                }
            }
        }
        // and the causes table is causes.csv, row for row
        List<WebElement> rows = browser.findElements(By.cssSelector("#causes-table tbody tr"));
        assertThat(rows).hasSize(causes.size());
        for (WebElement row : rows) {
            List<String> cells = row.findElements(By.tagName("td")).stream()
                    .map(WebElement::getText)
                    .toList();
            CSVRecord expected = causes.get(cells.get(0));
            assertThat(cells.subList(1, cells.size()))
                    .as(cells.get(0))
                    .containsExactly(
                            expected.get("builds"),
                            expected.get("builds_share"),
                            expected.get("hours"),
                            expected.get("hours_share"),
                            expected.get("mean_min"),
                            expected.get("median_min"),
                            expected.get("p90_min"),
                            expected.get("solo_builds"),
                            expected.get("solo_share"));
        }
        assertThat(browser.findElements(By.cssSelector("figure.chart svg"))).hasSizeGreaterThanOrEqualTo(6);
        assertNothingRanOrFailed();
        HeadlessChromium.screenshot(browser, "report-demo");
        browser.manage().window().setSize(new Dimension(390, 1600));
        HeadlessChromium.screenshot(browser, "report-demo-phone");
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }

    @Test
    void shouldRenderHostileNamesAndMessagesAsTextWithoutRunningThem() throws Exception {
        // Given a repository whose commits carry HTML, built by a job whose name is a script
        Path repo = folder.resolve("hostile-repo");
        GitHistory history = new GitHistory(repo);
        history.write("Dockerfile", "FROM python:3.12\nCOPY app.py /app/\n").write("app.py", "print(1)\n");
        String first = history.commit("2026-01-05T10:00:00Z", "initial");
        history.write("app.py", "print(2)\n");
        String second = history.commit("2026-01-06T10:00:00Z", HOSTILE_MESSAGE);
        Path builds = folder.resolve("builds.csv");
        Files.writeString(
                builds,
                "job,build,started_at,duration_s,result,revision\n"
                        + "\"" + HOSTILE_JOB + "\",1,2026-01-05T10:00:00Z,600,SUCCESS," + first + "\n"
                        + "\"" + HOSTILE_JOB + "\",2,2026-01-06T10:00:00Z,700,SUCCESS," + second + "\n",
                StandardCharsets.UTF_8);
        Path out = folder.resolve("hostile");
        assertThat(run(
                        "scan",
                        repo.toString(),
                        "--builds",
                        builds.toString(),
                        "--out",
                        out.toString(),
                        "-q",
                        "--format",
                        "html",
                        "--explain"))
                .isZero();

        // When a browser opens the report
        browser.get(out.resolve("rebuild-causes.html").toUri().toString());

        // Then the names and messages are text on the page, and no markup from them exists
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains(HOSTILE_JOB).contains(HOSTILE_MESSAGE);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).hasSize(1);
        assertNothingRanOrFailed();
        HeadlessChromium.screenshot(browser, "report-hostile");
    }

    private static void assertNothingRanOrFailed() {
        assertThat(HeadlessChromium.alertOpen(browser)).as("an alert opened").isFalse();
        assertThat(HeadlessChromium.consoleProblems(browser))
                .as("console errors, CSP violations")
                .isEmpty();
    }

    private static int run(String... args) {
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        if (exit != 0) {
            System.err.println(err);
        }
        return exit;
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(reader)
                    .getRecords();
        }
    }
}

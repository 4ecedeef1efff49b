package dev.rebuildcauses.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium opening pages and saving what it sees under {@code target/screenshots}. */
final class Screenshots implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path folder;

    Screenshots(Path profile) throws IOException {
        this.folder = Files.createDirectories(Path.of(System.getProperty("screenshots", "target/screenshots")));
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
                "--user-data-dir=" + profile);
        driver = new ChromeDriver(options);
        driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    /** Opens {@code url}, saves {@code name}.png and returns the page's visible text. */
    String take(String url, String name) throws IOException {
        driver.get(url);
        return save(name);
    }

    /** Saves what the browser shows now as {@code name}.png and returns the page's visible text. */
    String save(String name) throws IOException {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Whether the page's images (the charts are SVG images from the plugin) drew: at least one did, and
     * none that the browser fetched is broken (lazy ones below the fold are not fetched yet).
     */
    boolean imagesLoaded() {
        Object verdict = driver.executeScript("const images = Array.from(document.images).filter(i => i.complete);"
                + " return images.some(i => i.naturalWidth > 0) && !images.some(i => i.naturalWidth === 0);");
        return Boolean.TRUE.equals(verdict);
    }

    /** The computed value of a CSS property of the first element matching {@code css}. */
    String style(String css, String property) {
        return driver.findElement(By.cssSelector(css)).getCssValue(property);
    }

    /**
     * Opens the server's global configuration page, sets the plugin's fields by name (text fields, text
     * areas and selects), saves {@code configure.png} and presses Save, as an administrator would.
     */
    void saveGlobalConfiguration(String url, Map<String, String> fields) throws IOException, InterruptedException {
        driver.get(url + "configure");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            WebElement element = driver.findElement(By.name(field.getKey()));
            if (element.getTagName().equals("select")) {
                driver.executeScript(
                        "arguments[0].value = arguments[1];"
                                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        element,
                        field.getValue());
            } else {
                element.clear();
                element.sendKeys(field.getValue());
            }
        }
        driver.executeScript("document.getElementsByName('exportSchedules')[0].scrollIntoView()");
        save("configure");
        driver.findElement(By.xpath("//button[normalize-space(.)='Save'] | //input[@type='submit' and @value='Save']"))
                .click();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (driver.getCurrentUrl().endsWith("/configure")) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the configuration page was not submitted:\n" + save("configure-failed"));
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

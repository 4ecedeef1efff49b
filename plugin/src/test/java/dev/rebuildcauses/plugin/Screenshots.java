package dev.rebuildcauses.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
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
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        return driver.findElement(org.openqa.selenium.By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package dev.rebuildcauses.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** Debian's Chromium, headless, driven by chromedriver: what the page tests look through. */
public final class HeadlessChromium {
    /** Where page tests save their screenshots (look at them). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {}

    /** A browser with its own profile in {@code profile}, logging the console so tests can read it. */
    public static ChromeDriver open(Path profile, int width, int height) {
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
                "--allow-file-access-from-files",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(options);
    }

    /** The console's warnings and errors (CSP violations among them) since the last call. */
    public static List<String> consoleProblems(ChromeDriver browser) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(entry.getMessage());
            }
        }
        return problems;
    }

    /** Whether a script opened an alert (which would mean injected markup ran). */
    public static boolean alertOpen(ChromeDriver browser) {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(ChromeDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}

package io.github.imageassert.junit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, headless, driven by Debian's chromium-driver (both from scripts/browser.sh): given explicitly,
 * so that Selenium Manager never looks for, or downloads, a browser or a driver.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;

    HeadlessChromium(int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("No " + BROWSER + " or " + DRIVER + ": run bash scripts/browser.sh (engine.sh does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** The browser console's entries at level WARNING and above since the last call (errors are SEVERE). */
    List<LogEntry> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    /** Milliseconds from the navigation's start to the end of its load event, as the page timed itself. */
    double loadMillis() {
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) driver.executeScript(
                "var n = performance.getEntriesByType('navigation')[0];"
                        + "return {start: n.startTime, end: n.loadEventEnd};");
        return ((Number) t.get("end")).doubleValue() - ((Number) t.get("start")).doubleValue();
    }

    Path screenshot(Path file) throws java.io.IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

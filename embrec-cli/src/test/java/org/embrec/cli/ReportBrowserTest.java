package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * End to end in headless Chromium (Debian's chromium and chromium-driver, as embrec-server's
 * PageBrowserTest): {@code report} on a saved evaluation, a real tune directory and a tiny model,
 * then the page is opened from disk and every chart must have rendered: an SVG with a non-empty
 * box and data marks, and a screenshot of it with coloured pixels. A screenshot of the page goes
 * to {@code target/screenshots/report.png}.
 *
 * <p>Without Chromium the test is skipped with a message, except under {@code CI=true}, where it
 * fails: CI installs Chromium ({@code .ci/run}).
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver driver;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + why + "; .ci/run installs them");
            }
            System.err.println("ReportBrowserTest SKIPPED: " + why);
            Assumptions.abort("SKIPPED: " + why);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1300,1000",
                "--user-data-dir=" + tmp.resolve("profile").toAbsolutePath());
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void everyChartOfTheReportRendersInTheBrowser() throws IOException {
        Path model = tmp.resolve("model");
        CliRun.writeModel(model, 60, 8, 2);
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("report", "--evaluation", ReportCommandTest.evaluationFixture().toString(), "--tuning",
                ReportCommandTest.tuningFixture().resolveSibling("tune-run").toString(), "--model", model.toString(),
                "--out", out.toString(), "--quiet", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        int charts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("charts").asInt();

        driver.get(out.resolve("index.html").toUri().toString());
        List<WebElement> figures = driver.findElements(By.cssSelector("figure[data-chart]"));
        // hr10, ndcg10, two curves, the trajectory, the map and a chart per hyperparameter tuned.
        assertThat(charts).isGreaterThan(8);
        assertThat(figures).hasSize(charts);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (WebElement figure : figures) {
            String chart = figure.getAttribute("data-chart");
            @SuppressWarnings("unchecked")
            Map<String, Object> drawn = (Map<String, Object>) js.executeScript(
                    "const svg = arguments[0].querySelector('svg');"
                            + "if (!svg) return null;"
                            + "const box = svg.getBoundingClientRect();"
                            + "let marks = 0, drawnMarks = 0;"
                            + "for (const m of svg.querySelectorAll('.mark')) {"
                            + "  marks++; const b = m.getBBox();"
                            + "  if (b.width > 0 || b.height > 0) drawnMarks++; }"
                            + "return {width: box.width, height: box.height, marks: marks, drawn: drawnMarks};",
                    figure);
            assertThat(drawn).as(chart + " has an SVG").isNotNull();
            assertThat(((Number) drawn.get("width")).doubleValue()).as(chart).isGreaterThan(300);
            assertThat(((Number) drawn.get("height")).doubleValue()).as(chart).isGreaterThan(200);
            long marks = ((Number) drawn.get("marks")).longValue();
            assertThat(marks).as(chart + " data marks").isPositive();
            assertThat(((Number) drawn.get("drawn")).longValue()).as(chart + " marks with a size").isEqualTo(marks);
            assertThat(Integer.parseInt(figure.getAttribute("data-points"))).as(chart).isPositive();
        }
        // Pixels, not just elements: the map's screenshot is full of colour.
        WebElement map = driver.findElement(By.cssSelector("figure[data-chart='map'] svg"));
        js.executeScript("arguments[0].scrollIntoView()", map);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(map.getScreenshotAs(OutputType.BYTES)));
        assertThat(coloured(shot)).as("coloured pixels of the map").isGreaterThan(500); // 60 points and the legend: about 1300
        assertThat(driver.findElements(By.cssSelector("#results tr"))).hasSizeGreaterThan(10);

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        js.executeScript("window.scrollTo(0, 0)");
        Files.write(shots.resolve("report.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static long coloured(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int red = (rgb >> 16) & 0xFF;
                int green = (rgb >> 8) & 0xFF;
                int blue = rgb & 0xFF;
                n += Math.abs(red - green) > 30 || Math.abs(green - blue) > 30 ? 1 : 0;
            }
        }
        return n;
    }
}

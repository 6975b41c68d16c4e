package org.embrec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.embrec.Progress;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Dataset;
import org.embrec.model.EmbeddingModel;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.train.SkipGramTrainer;
import org.embrec.train.Word2VecConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in headless Chromium (Debian's chromium and chromium-driver packages): item2vec
 * trained on the bundled MovieLens data, served in-process; the test searches "What Women Want",
 * opens it, sees 10 similar movies, opens the map and sees points; and a non-movie catalogue
 * (the {@code data/artists} fixture: artists with a country, tags, a listener count and a bio;
 * ids with spaces and non-ASCII letters): the page shows their attributes, offers them as facets
 * and filters by them. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Without Chromium the test is skipped with a message, except under {@code CI=true}, where it
 * fails: CI installs Chromium ({@code .ci/run}).
 */
class PageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static TestServer server;
    static TestServer artists;
    static WebDriver driver;

    @TempDir
    static Path profile;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + why + "; .ci/run installs them");
            }
            System.err.println("PageBrowserTest SKIPPED: " + why);
            Assumptions.abort("SKIPPED: " + why);
        }
        server = new TestServer(ServerConfig.defaults(), ModelRegistry.ofModels(List.of(
                new ServedModel("item2vec", null, bundledItem2Vec()))));
        artists = new TestServer(ServerConfig.defaults(), ModelRegistry.ofModels(List.of(
                new ServedModel("item2vec", null, artistsItem2Vec()))));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (artists != null) {
            artists.close();
        }
    }

    /** item2vec with default settings on the bundled data (a few seconds). */
    static EmbeddingModel bundledItem2Vec() {
        String repo = System.getProperty("embrec.repo", "..");
        Dataset data = DataLoader.load(DataSpec.of(Path.of(repo, "data", "ml-latest-small")), Progress.NONE,
                w -> { }, 2);
        var trained = SkipGramTrainer.train(SequenceBuilder.build(data.interactions(), LikedFilter.DEFAULT),
                Word2VecConfig.gensim().withThreads(2), Progress.NONE);
        return EmbeddingModel.of("item2vec", trained, data);
    }

    /** item2vec on the artists fixture (a second). */
    static EmbeddingModel artistsItem2Vec() {
        Path dir = Path.of(System.getProperty("embrec.repo", ".."), "data", "artists");
        Dataset data = DataLoader.load(DataSpec.of(dir.resolve("plays.tsv"))
                .withColumns(ColumnSpec.parseInteractions("user=user,item=artist,time=time"))
                .withItems(dir.resolve("artists.tsv"), ColumnSpec.parseItems(
                        "id=id,title=name,country=country,tags=tags:list;,listeners=listeners:number,bio=bio:text")),
                Progress.NONE, w -> { }, 2);
        var trained = SkipGramTrainer.train(SequenceBuilder.build(data.interactions(), LikedFilter.DEFAULT),
                Word2VecConfig.gensim().withThreads(2), Progress.NONE);
        return EmbeddingModel.of("item2vec", trained, data);
    }

    @Test
    void aNonMovieCatalogueShowsItsAttributesAndFiltersByThem() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(artists.base() + "/");
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("search")));
        wait.until(d -> search.getAttribute("placeholder").startsWith("Search an item"));
        search.sendKeys("sigur lichter");
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li.suggestion")));
        assertThat(first.getText()).contains("Sigur Lichter");
        search.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.id("movie-title"), "Sigur Lichter"));
        assertThat(driver.getCurrentUrl()).contains("#/movie/Sigur%20Lichter");
        WebElement head = driver.findElement(By.cssSelector(".movie-head"));
        assertThat(head.findElement(By.cssSelector(".chip[data-attr='country']")).getText()).isEqualTo("IS");
        assertThat(head.findElements(By.cssSelector(".chip[data-attr='tags']"))).hasSize(2);
        assertThat(head.findElement(By.cssSelector(".attr[data-attr='listeners']")).getText()).matches("listeners \\d+");
        assertThat(head.findElement(By.cssSelector(".item-text[data-attr='bio']")).getText()).contains("act from IS");
        assertThat(driver.findElements(By.id("f-genre"))).as("no genre filter without genres").isEmpty();
        assertThat(driver.findElements(By.id("f-from"))).as("no year filter without years").isEmpty();
        By results = By.cssSelector(".model-column[data-model='item2vec'] li.result");
        wait.until(ExpectedConditions.numberOfElementsToBe(results, 10));
        assertThat(driver.findElement(results).findElements(By.cssSelector(".chip[data-attr='country']"))).hasSize(1);
        screenshot("artist.png");

        // Facets: country DE, at least 100,000 listeners.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-attr-country"))).selectByValue("DE");
        driver.findElement(By.id("f-attr-listeners")).sendKeys("100000");
        driver.findElement(By.cssSelector("form.filters button[type='submit']")).click();
        wait.until(d -> d.getCurrentUrl().contains("filter=country%3ADE"));
        wait.until(d -> {
            List<WebElement> rows = d.findElements(results);
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.findElement(By.cssSelector(".chip[data-attr='country']"))
                    .getText().equals("DE"));
        });
        for (WebElement row : driver.findElements(results)) {
            String listeners = row.findElement(By.cssSelector(".attr[data-attr='listeners']")).getText();
            assertThat(Long.parseLong(listeners.substring("listeners ".length()))).isGreaterThanOrEqualTo(100000);
        }
        assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-attr-country")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("DE");
        screenshot("artist-filtered.png");

        driver.findElement(By.cssSelector("a[data-nav='map']")).click();
        WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("map-canvas")));
        wait.until(d -> canvas.getAttribute("data-points") != null && Integer.parseInt(canvas.getAttribute("data-points")) > 0);
        assertThat(Integer.parseInt(canvas.getAttribute("data-points"))).isEqualTo(72);
        assertThat(driver.findElement(By.cssSelector(".legend")).getText()).contains("IS", "DE", "BR");
        screenshot("artist-map.png");
    }

    @Test
    void searchOpenSimilarAndMap() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.base() + "/");
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("search")));

        search.sendKeys("What Women Want");
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li.suggestion")));
        assertThat(first.getText()).contains("What Women Want (2000)");
        search.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.id("movie-title"), "What Women Want (2000)"));
        By results = By.cssSelector(".model-column[data-model='item2vec'] li.result");
        wait.until(ExpectedConditions.numberOfElementsToBe(results, 10));
        List<WebElement> rows = driver.findElements(results);
        assertThat(rows).hasSize(10);
        for (WebElement row : rows) {
            assertThat(row.getAttribute("data-id")).isNotEqualTo("4018");
            assertThat(row.findElement(By.cssSelector(".result-title")).getText()).matches(".+\\(\\d{4}\\)");
            assertThat(row.findElement(By.cssSelector(".score-value")).getText()).matches("-?\\d\\.\\d{3}");
        }
        screenshot("movie.png");

        // "My movies": the recommendations for the liked list say why (explain=true): one liked item, all of it
        driver.findElement(By.cssSelector("button.like")).click();
        driver.get(server.base() + "/#/user");
        By because = By.cssSelector(".model-column[data-model='item2vec'] li.result .because");
        wait.until(ExpectedConditions.visibilityOfElementLocated(because));
        assertThat(driver.findElement(because).getText()).isEqualTo("Because you liked What Women Want (2000)");
        assertThat(driver.findElement(By.cssSelector(".model-column[data-model='item2vec'] li.result .because a"))
                .getAttribute("href")).endsWith("#/movie/4018");
        screenshot("because.png");

        driver.findElement(By.cssSelector("a[data-nav='map']")).click();
        WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("map-canvas")));
        wait.until(d -> canvas.getAttribute("data-points") != null && Integer.parseInt(canvas.getAttribute("data-points")) > 0);
        assertThat(Integer.parseInt(canvas.getAttribute("data-points"))).isGreaterThan(1000);
        Object coloured = ((JavascriptExecutor) driver).executeScript(
                "const c = document.getElementById('map-canvas');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] !== d[i + 1] || d[i + 1] !== d[i + 2]) n++; }"
                        + "return n;");
        assertThat(((Number) coloured).longValue()).as("coloured pixels on the map").isGreaterThan(1000);
        screenshot("map.png");
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

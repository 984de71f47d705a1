package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.server.http.HttpServer;
import dev.muru.server.http.HttpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real browser: headless Chromium (Debian's chromium and chromium-driver,
 * which .ci/run installs) types SQL, runs it with Ctrl+Enter, and the rendered rows, EXPLAIN
 * ANALYZE tree, errors and running-query list are checked. Screenshots go to target/.
 */
class ConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Muru muru;
    private static HttpServer server;
    private static ChromeDriver browser;
    private static String base;

    @BeforeAll
    static void start() {
        muru = Muru.start(MuruSettings.load());
        muru.execute("CREATE TABLE city (id INTEGER, name VARCHAR, population BIGINT, area DECIMAL(8,2))");
        muru.execute("INSERT INTO city VALUES (1, 'Helsinki', 674500, 214.42), (2, 'Espoo', 305274, 312.26),"
                + " (3, 'Tampere', 255050, 689.59), (4, 'Vantaa', 250073, NULL)");
        muru.execute("CREATE TABLE n (x INTEGER)");
        StringBuilder insert = new StringBuilder("INSERT INTO n VALUES (0)");
        for (int i = 1; i < 2000; i++) {
            insert.append(", (").append(i).append(')');
        }
        muru.execute(insert.toString());
        server = HttpServer.start(muru, HttpSettings.fromConfig(muru.settings().config()).withPort(0));
        base = "http://127.0.0.1:" + server.port() + "/";
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        // Root in a container has no user namespace for Chromium's sandbox; /dev/shm may be tiny.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver"))).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    /** The path of a program on the PATH: the browser test runs for real, so a missing browser fails it. */
    private static String executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed (apt-get install -y chromium chromium-driver; .ci/run does it)");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (muru != null) {
            muru.close();
        }
    }

    @BeforeEach
    void openConsole() {
        browser.get(base);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("run")));
    }

    private void type(String sql) {
        WebElement editor = browser.findElement(By.id("sql"));
        editor.clear();
        editor.sendKeys(sql);
    }

    private void runWithCtrlEnter() {
        browser.findElement(By.id("sql")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    }

    private void waitForStatus(String text) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 1000, "a screenshot was written");
    }

    @Test
    void aQueryTypedAndRunWithCtrlEnterShowsItsRows() throws Exception {
        type("SELECT id, name, population, area FROM city WHERE population > 251000 ORDER BY id");
        runWithCtrlEnter();
        waitForStatus("3 rows in");
        List<WebElement> headers = browser.findElements(By.cssSelector("#result thead th"));
        assertEquals(4, headers.size());
        assertTrue(headers.get(1).getText().startsWith("name"), headers.get(1).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("#result tbody tr"));
        assertEquals(3, rows.size());
        assertEquals(List.of("1", "Helsinki", "674500", "214.42"), cells(rows.get(0)));
        assertEquals(List.of("3", "Tampere", "255050", "689.59"), cells(rows.get(2)));
        assertTrue(browser.findElement(By.id("error")).getAttribute("hidden") != null, "no error is shown");
        screenshot("console-result.png");

        type("SELECT name, area FROM city WHERE area IS NULL");
        runWithCtrlEnter();
        waitForStatus("1 row in");
        assertEquals(List.of("Vantaa", "NULL"), cells(browser.findElement(By.cssSelector("#result tbody tr"))));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    @Test
    void anErrorShowsItsCodeAndPosition() {
        type("SELECT * FRO city");
        runWithCtrlEnter();
        WebElement error = new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().startsWith("SYNTAX_ERROR at line 1, column 10"), error.getText());
        assertTrue(browser.findElements(By.cssSelector("#result tbody tr")).isEmpty());
    }

    @Test
    void explainAnalyzeIsDrawnAsAnOperatorTreePerPipeline() throws Exception {
        type("SELECT c.name, COUNT(*) FROM city c JOIN n ON n.x = c.id GROUP BY c.name ORDER BY 1");
        browser.findElement(By.id("explain")).click();
        WebElement plan = new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("plan")));
        List<WebElement> pipelines = plan.findElements(By.cssSelector("li.pipeline"));
        assertTrue(pipelines.size() >= 3, "join build, aggregate and sort pipelines: " + pipelines.size());
        for (WebElement p : pipelines) {
            String mode = p.findElement(By.cssSelector(".mode")).getText().toLowerCase();
            assertTrue(mode.equals("sequential") || mode.equals("parallel"), mode);
            // Each pipeline's head says how long it ran, and its operators their rows.
            assertTrue(p.findElement(By.cssSelector(".pipeline-head .figures")).getText().contains(" ms"));
        }
        List<WebElement> operators = plan.findElements(By.cssSelector("li.operator"));
        assertTrue(operators.stream().anyMatch(o -> o.getText().contains("hash join build")));
        assertTrue(operators.stream().anyMatch(o -> o.findElement(By.cssSelector(".figures")).getText().matches("\\d+ -> \\d+ rows, [0-9.]+ ms.*")),
                "operators show rows in and out and their time");
        // The last pipeline is the root; the ones it reads from are nested under it.
        assertFalse(pipelines.get(0).findElements(By.cssSelector("li.pipeline")).isEmpty());
        assertTrue(plan.getText().contains("Logical plan"));
        screenshot("console-explain.png");
    }

    @Test
    void aRunningQueryShowsProgressAndItsCancelButtonStopsIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(HttpRequest.newBuilder(URI.create(base + "v1/query"))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT COUNT(*) FROM n a, n b, n c WHERE a.x + b.x + c.x < 0"))
                .build(), HttpResponse.BodyHandlers.ofString());
        WebElement running = new WebDriverWait(browser, WAIT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#running .running-query")));
        assertTrue(running.getText().contains("SELECT COUNT(*) FROM n a, n b, n c"), running.getText());
        assertFalse(running.findElements(By.cssSelector(".bar > div")).isEmpty(), "a progress bar");
        screenshot("console-running.png");
        running.findElement(By.cssSelector("button.cancel")).click();
        HttpResponse<String> answer = slow.get(30, TimeUnit.SECONDS);
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("\"code\":\"QUERY_CANCELLED\""), answer.body());
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#running .running-query")));
        assertTrue(muru.running().isEmpty());
    }
}

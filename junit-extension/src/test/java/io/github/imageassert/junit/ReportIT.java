package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.imageassert.junit.scenarios.ReportScenario;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A test run through the JUnit Platform launcher, as Surefire runs one, with real builds: the launcher finds the
 * report listener by itself, and when the run ends the report is there. Then the page is opened in a real browser
 * (Debian's headless chromium), the way a person would open it.
 */
class ReportIT {

    static final Path DIR = Path.of("target", "report-it");

    static SummaryGeneratingListener summary = new SummaryGeneratingListener();
    static List<Map<String, String>> entries = new CopyOnWriteArrayList<>();
    static JsonNode json;

    @BeforeAll
    static void runTheScenarioThroughTheLauncher() throws Exception {
        if (Files.exists(DIR)) {
            PathUtils.deleteDirectory(DIR);
        }
        TestExecutionListener entryCollector = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                entries.add(entry.getKeyValuePairs());
            }
        };
        LauncherFactory.create().execute(request().selectors(selectClass(ReportScenario.class))
                .configurationParameter("imageassert.report.dir", DIR.toString()).build(), summary, entryCollector);
        json = new ObjectMapper().readTree(DIR.resolve("report.json").toFile());
    }

    @Test
    void theRunWroteTheReportItsEntryNamesAndTheFailureIsInIt() {
        assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(1);
        assertThat(DIR.resolve("index.html")).isRegularFile();
        assertThat(DIR.resolve("report.sarif")).isRegularFile();
        assertThat(entries).anySatisfy(e -> assertThat(e.get("image-assert.report"))
                .isEqualTo(DIR.toAbsolutePath().normalize().resolve("index.html").toUri().toString()));

        assertThat(json.get("images")).hasSize(2);
        JsonNode runtime = json.get("images").get(0);
        assertThat(runtime.get("dockerfile").get("target").asText()).isEqualTo("runtime");
        assertThat(runtime.get("dockerfile").get("stages").toString()).isEqualTo("[\"base\",\"runtime\"]");
        // the layers' instructions, mapped onto the Dockerfile by a real BuildKit build's history
        List<String> lines = new ArrayList<>();
        runtime.get("layers").forEach(l -> lines.add(l.has("location") ? l.get("location").get("line").asInt()
                + (l.get("location").get("baseImage").asBoolean() ? "b" : "") : "-"));
        assertThat(lines).endsWith("3", "7", "9", "10");
        JsonNode failed = null;
        for (JsonNode a : runtime.get("assertions")) {
            if (!a.get("passed").asBoolean()) {
                failed = a;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.get("assertion").asText()).isEqualTo("hasWastedBytesAtMost(100 kB)");
        assertThat(failed.get("test").asText()).isEqualTo("ReportScenario.runtimeWastesLittle");
        assertThat(failed.get("location").get("line").asInt()).isEqualTo(7);
        assertThat(failed.get("message").asText()).contains("/tmp/cache.bin, added by layer")
                .contains("at src/test/docker/report/Dockerfile:7, hidden by layer").contains("Dockerfile:9");
        assertThat(runtime.get("comparisons").get(0).get("base").asText()).contains("target base of");
    }

    @Test
    void theSarifLogIsValidAndPointsAtTheLineThatAddedTheWaste() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(DIR.resolve("report.sarif").toFile());
        Schema schema;
        try (InputStream in = ReportIT.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        assertThat(schema.validate(sarif)).isEmpty();
        JsonNode result = sarif.get("runs").get(0).get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("assertion/hasWastedBytesAtMost");
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo("junit-extension/src/test/docker/report/Dockerfile");
        assertThat(physical.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("SRCROOT");
        assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(7);
        assertThat(physical.get("region").get("endLine").asInt()).isEqualTo(8);
    }

    @Test
    void thePageOpensInChromiumWithoutErrorsAndShowsLayersTheirFilesAndTheFailure() throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(1280, 2200)) {
            chromium.driver.get(DIR.toAbsolutePath().resolve("index.html").toUri().toString());
            // get(..) returns once the page has loaded: the page is static, nothing comes later
            assertThat(chromium.consoleProblems()).isEmpty();

            List<WebElement> sections = chromium.driver.findElements(By.cssSelector("section.image"));
            assertThat(sections).extracting(s -> s.getDomAttribute("data-reference"))
                    .containsExactly(json.get("images").get(0).get("reference").asText(), json.get("images").get(1).get("reference").asText());
            for (int i = 0; i < 2; i++) {
                JsonNode image = json.get("images").get(i);
                List<WebElement> bars = sections.get(i).findElements(By.cssSelector("rect.layer-bar"));
                assertThat(bars).hasSize(image.get("layers").size());
                long largest = 0;
                double largestWidth = 0;
                for (int b = 0; b < bars.size(); b++) {
                    long size = image.get("layers").get(b).get("size").asLong();
                    assertThat(Long.parseLong(bars.get(b).getDomAttribute("data-size"))).isEqualTo(size);
                    if (size > largest) {
                        largest = size;
                        largestWidth = bars.get(b).getRect().getWidth();
                    }
                }
                // drawn widths are proportional to the sizes (within a pixel)
                for (int b = 0; b < bars.size(); b++) {
                    double expected = largestWidth * image.get("layers").get(b).get("size").asLong() / largest;
                    assertThat((double) bars.get(b).getRect().getWidth()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.5));
                }
            }

            WebElement runtime = sections.get(0);
            WebElement wasteLayer = runtime.findElement(By.cssSelector("g.layer[data-layer='" + (json.get("images").get(0)
                    .get("layers").size() - 3) + "']"));
            WebElement panel = runtime.findElement(By.cssSelector(".layer-files[data-layer='" + wasteLayer.getDomAttribute("data-layer") + "']"));
            assertThat(panel.isDisplayed()).isFalse();
            wasteLayer.click();
            assertThat(panel.isDisplayed()).isTrue();
            assertThat(panel.getText()).contains("/tmp/cache.bin").contains("Dockerfile:7");

            WebElement failedRow = runtime.findElement(By.cssSelector("tr.assertion.failed"));
            assertThat(failedRow.isDisplayed()).isTrue();
            assertThat(failedRow.getText()).contains("hasWastedBytesAtMost(100 kB)").contains("FAILED").contains("Dockerfile:7");
            assertThat(chromium.driver.findElement(By.id("failed-count")).getText()).isEqualTo("1 failed");
            assertThat(chromium.consoleProblems()).isEmpty();
            chromium.screenshot(Path.of("target", "image-assert-report.png"));
        }
    }
}

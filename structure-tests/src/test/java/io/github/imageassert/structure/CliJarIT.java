package io.github.imageassert.structure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged -cli jar, run as a pipeline runs it ({@code java -jar ... test --image --config}), against the
 * images the other tests build: its exit codes and its reports. Runs after {@code package} (the cli-jar execution
 * in the pom), with the path of the jar in {@code cli.jar}.
 */
class CliJarIT {

    private static final Path OUT = Path.of("target/cli-it");

    @BuildImage(dockerfile = "src/test/docker/proof/Dockerfile", target = "proof")
    static ContainerImage image;

    @BuildImage(dockerfile = "src/test/docker/parity/Dockerfile", target = "distro")
    static ContainerImage distro;

    record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void prepare() throws IOException {
        // -Dtest=CliJarIT selects it in the test phase too, before there is a jar: it runs in the cli-jar execution
        Assumptions.assumeTrue(System.getProperty("cli.jar") != null, "runs after package, in the cli-jar execution");
        Files.createDirectories(OUT);
        Files.createDirectories(StructureTestsIT.BIND);
        Files.writeString(StructureTestsIT.BIND.resolve("hello.txt"), "hello from the host\n");
    }

    static Run cli(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("cli.jar"));
        assertThat(jar).as("the -cli jar (mvn package builds it)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(OUT.toAbsolutePath(), "stdout", ".txt");
        Path stderr = Files.createTempFile(OUT.toAbsolutePath(), "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("STRUCTURE_TEST_HOST_VAR", "from-host");
        pb.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        pb.environment().put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the cli did not finish in 5 minutes: " + command);
        }
        return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** The docker driver: command tests in containers, file tests with what Docker adds to containers. */
    @Test
    void aPassingRunExitsZeroAndWritesJunitXml() throws Exception {
        Path report = OUT.resolve("pass.xml");
        Run run = cli("test", "--image", image.reference(), "--config", "src/test/cst/proof-tty.yaml",
                "--config", "src/test/cst/proof-no-engine.yaml", "--config", "src/test/cst/proof-docker-driver.yaml",
                "--output", "junit", "--test-report", report.toString(), "--junit-suite-name", "image gate");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("12 passed, 0 failed (report: " + report + ")");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("12");
        assertThat(suites.getAttribute("failures")).isEqualTo("0");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("image gate");
        assertThat(suite.getAttribute("tests")).isEqualTo("12");
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("classname") + " / " + c.getAttribute("name"));
            assertThat(c.getAttribute("time")).matches("\\d+\\.\\d{3}");
        }
        assertThat(names).containsExactly(
                "proof-tty.yaml / Command Test: a terminal is allocated",
                "proof-tty.yaml / Command Test: both streams arrive as stdout, with CRLF",
                "proof-no-engine.yaml / File Existence Test: script",
                "proof-no-engine.yaml / File Existence Test: setuid is Go's u",
                "proof-no-engine.yaml / File Content Test: config content",
                "proof-no-engine.yaml / Metadata Test",
                "proof-no-engine.yaml / License Test",
                "proof-docker-driver.yaml / File Existence Test: /.dockerenv",
                "proof-docker-driver.yaml / File Existence Test: /etc/hosts, empty until the container starts",
                "proof-docker-driver.yaml / File Existence Test: /etc/mtab",
                "proof-docker-driver.yaml / File Existence Test: /dev/shm",
                "proof-docker-driver.yaml / File Content Test: /etc/resolv.conf is empty");
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent()).startsWith("/dev/pts/");
    }

    /**
     * CST's own script checks its suites by the binary's output and exit code: a success suite prints PASS and exits
     * 0, a failure suite prints FAIL and exits 1. The mirrored suites (CstParityIT) do so through the jar, with the
     * same per-test verdicts in the JSON report.
     */
    @Test
    void cstsOwnSuitesGiveCstsExitCodesAndVerdicts() throws Exception {
        Run pass = cli("test", "--image", distro.reference(), "--config", "src/test/cst/parity/distro_test.yaml");
        assertThat(pass.exit()).as(pass.stdout() + pass.stderr()).isZero();
        assertThat(pass.stdout()).contains("Passes:      11\n", "Failures:    0\n").endsWith("PASS\n");

        Run fail = cli("test", "--image", distro.reference(), "--config", "src/test/cst/parity/distro_failure_test.yaml",
                "--output", "json");
        assertThat(fail.exit()).as(fail.stderr()).isEqualTo(1);
        List<String> verdicts = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(fail.stdout()).get("Results")) {
            verdicts.add(r.get("Name").asText() + "=" + (r.get("Pass").asBoolean() ? "PASS" : "FAIL"));
        }
        assertThat(verdicts).containsExactly("Command Test: bad apt-get-command=FAIL", "Command Test: apt-config=PASS",
                "Command Test: path=PASS", "File Content Test: Distribution Sources=FAIL",
                "File Content Test: Wrong Retry Policy=FAIL", "File Existence Test: Fake Dir=FAIL",
                "File Existence Test: Wrong permissions=FAIL", "License Test=FAIL");
    }

    @Test
    void failuresExitOneWithCstsTextReport() throws Exception {
        Path archive = OUT.resolve("bad-docs.tar");
        saveBadDocs(archive);
        Run run = cli("test", "--driver", "tar", "--image", archive.toString(), "--config", "src/test/cst/proof-fail.yaml");
        assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stdout()).startsWith("\n" + "=".repeat(40) + "\n====== Test file: proof-fail.yaml ======\n" + "=".repeat(40) + "\n")
                .contains("=== RUN: File Existence Test: wrong permissions\n--- FAIL\nduration: ")
                .contains("Error: /app/run.sh has incorrect permissions. Expected: -rw-r--r--, Actual: -rwxr-xr-x\n")
                .contains("=== RUN: Command Test: expected output missing\n--- FAIL\n")
                .contains("it was read from " + archive.toAbsolutePath())
                .contains("=== RUN: License Test\n--- FAIL\n")
                .contains("\nPasses:      0\nFailures:    31\n")
                .contains("\nTotal tests: 31\n\nFAIL\n");
    }

    @Test
    void commandTestsNeedTheEngineWhileFileTestsDoNot() throws Exception {
        Path archive = OUT.resolve("proof.tar");
        save(image.reference(), archive);
        Run run = cli("test", "-d", "tar", "-i", archive.toString(), "-c", "src/test/cst/proof-pass.yaml", "-o", "json");
        assertThat(run.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.stdout());
        assertThat(json.get("Total").asInt()).isEqualTo(23);
        assertThat(json.get("Fail").asInt()).isEqualTo(7);
        assertThat(json.get("Pass").asInt()).isEqualTo(16);
        for (JsonNode r : json.get("Results")) {
            boolean command = r.get("Name").asText().startsWith("Command Test: ");
            assertThat(r.get("Pass").asBoolean()).as(r.toString()).isEqualTo(!command);
            if (command) {
                assertThat(r.get("Errors").get(0).asText()).contains("docker load -i");
            }
            assertThat(r.get("Duration").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void theRegistryAndOciLayoutDriversNeedNoEngine() throws Exception {
        String pushed = "127.0.0.1:5000/image-assert-cst/proof:cli";
        run("docker", "tag", image.reference(), pushed);
        run("docker", "push", pushed);
        Run registry = cli("test", "--driver", "registry", "--image", pushed, "--config", "src/test/cst/proof-no-engine.yaml");
        assertThat(registry.exit()).as(registry.stdout() + registry.stderr()).isZero();
        assertThat(registry.stdout()).contains("\nPasses:      5\nFailures:    0\n");

        Path layout = OUT.resolve("oci-layout");
        run("rm", "-rf", layout.toString());
        run("skopeo", "copy", "docker-daemon:" + image.reference(), "oci:" + layout + ":proof");
        Run oci = cli("test", "--image-from-oci-layout", layout.toString(), "--config", "src/test/cst/proof-no-engine.yaml",
                "--output", "json");
        assertThat(oci.exit()).as(oci.stdout() + oci.stderr()).isZero();
        assertThat(new ObjectMapper().readTree(oci.stdout()).get("Pass").asInt()).isEqualTo(5);
    }

    @Test
    void whatCannotBeReadExitsOneAndSaysWhy() throws Exception {
        Run broken = cli("test", "--image", image.reference(), "--config", "src/test/cst/broken.yaml");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.stdout()).contains("=== RUN: Config: broken.yaml\n--- FAIL\n")
                .contains("Error: error parsing config file: src/test/cst/broken.yaml:5:5: unknown key 'permission' in "
                        + "fileExistenceTests[0]")
                .contains("Did you mean 'permissions'?");

        Run noConfig = cli("test", "--image", image.reference());
        assertThat(noConfig.exit()).isEqualTo(1);
        assertThat(noConfig.stderr()).contains("Missing required option: '--config=FILE'");

        Run noImage = cli("test", "--image", "image-assert.local/no-such-image:1", "--config", "src/test/cst/proof-no-engine.yaml");
        assertThat(noImage.exit()).isEqualTo(1);
        assertThat(noImage.stderr()).startsWith("Error: ").contains("no-such-image");

        Run pull = cli("test", "--pull", "--image", image.reference(), "--config", "src/test/cst/proof-no-engine.yaml");
        assertThat(pull.exit()).isEqualTo(1);
        assertThat(pull.stderr()).contains("--pull is not supported");
    }

    private static void saveBadDocs(Path archive) throws Exception {
        // the bad-docs target, built by the extension for FailingConfigIT, is found by its tag's prefix
        String tag = run("docker", "images", "--format", "{{.Repository}}:{{.Tag}}", "image-assert.local/proof-bad-docs").lines()
                .findFirst().orElse(null);
        if (tag == null) {
            run("docker", "buildx", "build", "--load", "-q", "-t", "image-assert-test/proof-bad-docs:cli", "--target",
                    "bad-docs", "src/test/docker/proof");
            tag = "image-assert-test/proof-bad-docs:cli";
        }
        save(tag, archive);
    }

    private static void save(String reference, Path archive) throws Exception {
        run("docker", "save", "-o", archive.toString(), reference);
    }

    private static String run(String... command) throws Exception {
        Path log = Files.createTempFile(OUT.toAbsolutePath(), "cmd", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        String output = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}

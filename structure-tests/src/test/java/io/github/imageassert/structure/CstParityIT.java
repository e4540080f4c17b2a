package io.github.imageassert.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.structure.internal.check.PlannedTest;
import io.github.imageassert.structure.internal.check.RunSettings;
import io.github.imageassert.structure.internal.check.Suite;
import io.github.imageassert.structure.internal.check.TestResult;
import io.github.imageassert.structure.config.StructureTestConfigException;
import io.github.imageassert.structure.internal.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * container-structure-test's own suites (its tests/ folder: success and failure configs and the Dockerfiles they
 * run against), mirrored: src/test/cst/parity/ has configs of the same shapes, src/test/docker/parity/Dockerfile
 * stand-ins for the images. Each suite runs here through the loader and the runner, and each test must get the
 * verdict CST gives it: pass in the success suites; in the failure suite, what CST's rules give each test (two of
 * its tests pass, although the suite fails). Where the verdict depends on why, the reason is checked too.
 */
class CstParityIT {

    private static final String CONFIGS = "src/test/cst/parity/";
    private static final String DOCKERFILE = "src/test/docker/parity/Dockerfile";
    /** The host folder the run-options suites mount, as CST's suite mounts /tmp/test. */
    private static final Path BIND = Path.of("/tmp/image-assert-cst-parity");
    private static final boolean PASS = true;
    private static final boolean FAIL = false;

    @BuildImage(dockerfile = DOCKERFILE, target = "distro")
    static ContainerImage distro;

    @BuildImage(dockerfile = DOCKERFILE, target = "metadata")
    static ContainerImage metadata;

    @BuildImage(dockerfile = DOCKERFILE, target = "cap")
    static ContainerImage cap;

    @BuildImage(dockerfile = DOCKERFILE, target = "unprivileged")
    static ContainerImage unprivileged;

    @BuildImage(dockerfile = DOCKERFILE, target = "fluent-bit")
    static ContainerImage fluentBit;

    @BeforeAll
    static void hostFolderToMount() throws IOException {
        Files.createDirectories(BIND);
    }

    @Test
    void theMainSuitePassesWhole() {
        assertVerdicts(run("distro_test.yaml", distro), expect(
                "apt-get", PASS, "apt-config", PASS, "path", PASS,
                "Root", PASS, "Date", PASS, "Hosts File", PASS, "Machine ID", PASS, "Dummy File", PASS,
                "Distribution Sources", PASS, "Passwd file", PASS,
                "License Test", PASS));
    }

    /** Schema 1.0.0, as CST's failure suite: content tests before existence tests, and two tests that pass. */
    @Test
    void theFailureSuiteFailsTestByTestAsCstFailsIt() {
        Map<String, TestResult> results = run("distro_failure_test.yaml", distro);
        assertVerdicts(results, expect(
                "bad apt-get-command", FAIL, "apt-config", PASS, "path", PASS,
                "Distribution Sources", FAIL, "Wrong Retry Policy", FAIL,
                "Fake Dir", FAIL, "Wrong permissions", FAIL,
                "License Test", FAIL));
        // the message is the expected one (apt-get's "E: Invalid operation"): only the exit code differs
        assertThat(results.get("bad apt-get-command").errors()).containsExactly(
                "Test 'bad apt-get-command' exited with incorrect error code. Expected: 1, Actual: 100");
        assertThat(results.get("path").stdout()).isEqualTo("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
        assertThat(results.get("Distribution Sources").errors()).singleElement().asString()
                .startsWith("Expected string '.*redirector\\.stand-in\\.invalid.*' not found in file content string");
        assertThat(results.get("Wrong Retry Policy").errors()).singleElement().asString()
                .startsWith("Failed to open /etc/apt/apt.conf.d/apt-retry.");
        assertThat(results.get("Fake Dir").errors()).singleElement().asString()
                .startsWith("File /foo/bar should exist but does not");
        assertThat(results.get("Wrong permissions").errors()).containsExactly(
                "/etc/apt/sources.list has incorrect permissions. Expected: -rwxrwxrwx, Actual: -rw-r--r--");
        // as CST: the missing file is reported by its stat, then by its read
        assertThat(results.get("License Test").errors()).containsExactly(
                "Error reading license file for perl: /usr/share/doc/perl/copyright does not exist",
                "Error reading license file for /usr/share/doc/perl/copyright: no such file in the image");
    }

    /** CST runs its metadata suite with the docker driver and with the tar driver: both pass it. */
    @Test
    void theMetadataSuitePassesFromTheEngineAndFromAnArchive(@TempDir Path dir) throws Exception {
        assertVerdicts(run("distro_metadata_test.yaml", metadata), expect("Metadata Test", PASS));
        assertVerdicts(run("distro_metadata_test.yaml", saved(metadata, dir)), expect("Metadata Test", PASS));
    }

    /** CST 1.14 and later refuse env; earlier ones pass this. A difference on purpose: both spellings are read. */
    @Test
    void theMetadataSuiteAsSpelledBeforeCst114AlsoPasses() {
        assertVerdicts(run("distro_metadata_env_test.yaml", metadata), expect("Metadata Test", PASS));
    }

    /**
     * CST passes both tests with a privileged container. An engine that may not start privileged containers (this
     * project's CI engine runs inside a container) refuses them: then each test fails with the engine's reason, the
     * one difference this suite may show. Without privileged, the capability and the mount give CST's verdicts.
     */
    @Test
    void theRunOptionsSuite() {
        Map<String, TestResult> privileged = run("distro_containeropts_test.yaml", cap);
        assertThat(privileged).containsOnlyKeys("Test Capabilities containerRunOptions", "Test bindMounts containerRunOptions");
        for (TestResult r : privileged.values()) {
            if (!r.pass()) {
                assertThat(String.join("\n", r.errors())).as(r.name()).startsWith("Error creating container: ")
                        .containsAnyOf("apply caps", "privileged", "operation not permitted");
            }
        }
        Map<String, TestResult> added = run("distro_containeropts_caps_test.yaml", cap);
        assertVerdicts(added, expect("Test Capabilities containerRunOptions", PASS, "Test bindMounts containerRunOptions", PASS));
        assertVerdicts(run("distro_no_caps_test.yaml", cap), expect("Test Capabilities containerRunOptions", FAIL));
    }

    @Test
    void theUserSuiteRunsAsRootOverTheImagesUser() {
        Map<String, TestResult> asRoot = run("distro_containeropts_user_test.yaml", unprivileged);
        assertVerdicts(asRoot, expect("apt-get", PASS));
        assertThat(asRoot.get("apt-get").stdout()).startsWith("root\n");
        Map<String, TestResult> asImageUser = run("distro_image_user_test.yaml", unprivileged);
        assertVerdicts(asImageUser, expect("apt-get", FAIL));
        assertThat(asImageUser.get("apt-get").stdout()).startsWith("nonroot\n");
        assertThat(asImageUser.get("apt-get").errors()).containsExactly(
                "Test 'apt-get' exited with incorrect error code. Expected: 0, Actual: 100");
    }

    /** Surefire sets CST_PARITY_FOO and CST_PARITY_BAR (see the module's pom), as CST's script sets its two. */
    @Test
    void theEnvironmentSuitesPass() {
        assertVerdicts(run("distro_containeropts_env_test.yaml", distro), expect("Test envVars containerRunOptions", PASS));
        assertVerdicts(run("distro_containeropts_envfile_test.yaml", distro), expect("Test envFile containerRunOptions", PASS));
    }

    /** CST's tar driver reads the image alone: the /etc/hosts found is the image's own. */
    @Test
    void theTarSuitePassesFromAnArchive(@TempDir Path dir) throws Exception {
        assertVerdicts(run("distro_tar_test.yaml", saved(distro, dir)), expect(
                "Date", PASS, "Hosts File", PASS, "Dummy File", PASS,
                "Distribution Sources", PASS, "Passwd file", PASS,
                "License Test", PASS));
    }

    @Test
    void theFluentBitSuitePasses() {
        assertVerdicts(run("fluent_bit_test.yaml", fluentBit), expect(
                "fluent-bit", PASS, "Root", PASS, "libc", PASS, "Passwd file", PASS));
    }

    /**
     * The configs of CST's that CST itself refuses whole (strict YAML: a key given twice, a key the schema does not
     * have, a key only unmerged pull requests add) are refused here too, naming the key.
     */
    @Test
    void configsCstRefusesAreRefused() {
        assertRefused("refused/duplicate_key_test.yaml", "name");
        assertRefused("refused/is_directory_test.yaml", "isDirectory");
        assertRefused("refused/metadata_both_spellings_test.yaml", "envVars");
        assertRefused("refused/network_host_test.yaml", "network");
        assertRefused("refused/network_none_test.yaml", "network");
        assertRefused("refused/drop_capabilities_test.yaml", "drop_capabilities");
        // a difference on purpose: CST reads JSON leniently and would ignore isDirectory (and check nothing of it)
        assertRefused("refused/is_directory_test.json", "isDirectory");
    }

    private static void assertRefused(String config, String key) {
        assertThatThrownBy(() -> ConfigLoader.load(Path.of(CONFIGS + config)))
                .as(config).isInstanceOf(StructureTestConfigException.class)
                .satisfies(e -> assertThat(((StructureTestConfigException) e).key()).as(config + ": the key named").isEqualTo(key))
                .satisfies(e -> assertThat(((StructureTestConfigException) e).line()).as(config + ": the line named").isPositive());
    }

    /** Each test's result by its name in the config, in the order the runner runs them. */
    private static Map<String, TestResult> run(String config, ContainerImage image) {
        Map<String, TestResult> results = new LinkedHashMap<>();
        for (PlannedTest test : Suite.plan(ConfigLoader.load(Path.of(CONFIGS + config)), image, RunSettings.defaults())) {
            assertThat(results.put(test.displayName(), test.run())).as("two tests named " + test.displayName()).isNull();
        }
        return results;
    }

    private static void assertVerdicts(Map<String, TestResult> results, Map<String, Boolean> expected) {
        Map<String, Boolean> verdicts = results.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().pass(), (a, b) -> a, LinkedHashMap::new));
        assertThat(verdicts).as(() -> "verdicts; the results were:\n" + results.values().stream()
                        .map(r -> r.reportName() + ": " + (r.pass() ? "PASS" : "FAIL " + r.errors() + " " + r.notes()))
                        .collect(Collectors.joining("\n")))
                .containsExactlyEntriesOf(expected);
    }

    private static Map<String, Boolean> expect(Object... namesAndVerdicts) {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (int i = 0; i < namesAndVerdicts.length; i += 2) {
            expected.put((String) namesAndVerdicts[i], (Boolean) namesAndVerdicts[i + 1]);
        }
        return expected;
    }

    /** The image as `docker save` writes it, read without the engine (CST's tar driver). */
    private static ContainerImage saved(ContainerImage image, Path dir) throws IOException, InterruptedException {
        Path archive = dir.resolve("image.tar");
        Process save = new ProcessBuilder("docker", "save", "-o", archive.toString(), image.reference())
                .redirectErrorStream(true).start();
        String output = new String(save.getInputStream().readAllBytes());
        assertThat(save.waitFor()).as("docker save: " + output).isZero();
        return ContainerImage.fromArchive(archive);
    }
}

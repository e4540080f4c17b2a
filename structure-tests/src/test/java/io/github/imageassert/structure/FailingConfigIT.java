package io.github.imageassert.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.structure.scenarios.FailingConfigScenario;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * proof-fail.yaml through JUnit: every CST test of it is a dynamic test named as in the config, every one fails,
 * and each failure says what CST would say (with the image, the config line, the command's output and notes).
 */
class FailingConfigIT {

    private static final Map<String, String> failures = new LinkedHashMap<>();
    private static EngineExecutionResults results;

    @BeforeAll
    static void runTheScenario() {
        results = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(FailingConfigScenario.class))
                .enableImplicitConfigurationParameters(true)
                .execute();
        for (Event e : results.testEvents().failed().list()) {
            failures.put(e.getTestDescriptor().getDisplayName(), e.getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("?"));
        }
    }

    private static String failure(String name) {
        assertThat(failures).as("failed tests").containsKey(name);
        return failures.get(name);
    }

    @Test
    void everyTestFailsAndNoneIsLost() {
        assertThat(results.containerEvents().failed().count()).as("failed containers").isZero();
        assertThat(results.testEvents().succeeded().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
                .as("tests that passed").isEmpty();
        assertThat(failures).hasSize(12 + 12 + 5 + 1 + 1);
    }

    @Test
    void commandTests() {
        assertThat(failure("expected output missing")).startsWith(
                "Command Test: expected output missing (src/test/cst/proof-fail.yaml:7) failed against image ")
                .contains("Expected string 'goodbye' not found in output 'hello\n").contains("stdout:\n  hello");
        assertThat(failure("excluded output present")).contains("Excluded string 'hel+o' found in output 'hello\n");
        assertThat(failure("expected error missing")).contains("Expected string 'fatal' not found in error 'oops\n")
                .contains("stderr:\n  oops");
        assertThat(failure("excluded error present")).contains("Excluded string 'oops' found in error 'oops\n");
        assertThat(failure("wrong exit code")).contains(
                "Test 'wrong exit code' exited with incorrect error code. Expected: 0, Actual: 2");
        assertThat(failure("a test's own variable is not in its command line"))
                .contains("Expected string 'value=here' not found in output 'value=\n")
                .contains("note: $LOCAL in the command was replaced by \"\" before it ran");
        assertThat(failure("a failed setup step is committed all the same"))
                .contains("Expected string 'complete' not found in output 'partial\n")
                .contains("note: setup [sh, -c, echo partial > /tmp/m; exit 1] exited with code 1");
        assertThat(failure("no such program")).contains("the image has no executable \"curl\" on PATH");
        assertThat(failure("a regex Go refuses")).contains("invalid regular expression '(a)\\1' (Go's RE2 syntax)");
        assertThat(failure("an empty setup step")).contains("remove all empty setup commands");
        assertThat(failure("an env var without a value")).contains(
                "Please provide non-empty keys and values for all specified env vars");
        assertThat(failure("no command")).contains("Please provide a valid command to run for test no command");
    }

    @Test
    void fileExistenceTests() {
        assertThat(failure("should exist")).contains("File /app/missing should exist but does not: no such file in the image");
        assertThat(failure("should not exist")).contains("File /app/config.txt should not exist but does");
        assertThat(failure("wrong permissions")).contains(
                "/app/run.sh has incorrect permissions. Expected: -rw-r--r--, Actual: -rwxr-xr-x");
        assertThat(failure("ls-style setuid")).contains(
                "/usr/local/bin/suid has incorrect permissions. Expected: -rwsr-xr-x, Actual: urwxr-xr-x")
                .contains("Go's FileMode format");
        assertThat(failure("not executable by others")).contains(
                "/app/owner-only has incorrect executable bit. Expected to be executable by other, Actual: -rwx------");
        assertThat(failure("not executable by the group")).contains("Expected to be executable by group, Actual: -rwx-----x");
        assertThat(failure("not executable by the owner")).contains("Expected to be executable by owner, Actual: -rw-r--r--");
        assertThat(failure("not executable by anyone")).contains("Expected to be executable by any, Actual: -rw-r--r--");
        assertThat(failure("unknown isExecutableBy")).contains("everyone not recognised as a valid option");
        assertThat(failure("wrong uid")).contains("/app/run.sh has incorrect user ownership. Expected: 0, Actual: 1000");
        assertThat(failure("wrong gid")).contains("/srv/shared has incorrect group ownership. Expected: 0, Actual: 50");
        assertThat(failure("no path")).contains("Please provide a valid file path for test no path");
    }

    @Test
    void fileContentTests() {
        assertThat(failure("expected content missing")).contains(
                "Expected string 'mode=debug' not found in file content string 'greeting=hello\n  mode=production\n  '");
        assertThat(failure("excluded content present")).contains("Excluded string 'greeting=.*' found in file content string");
        assertThat(failure("anchors need (?m)")).contains("Expected string '^mode=production$' not found");
        assertThat(failure("missing file")).contains("Failed to open /app/nope.txt. Error: no such file in the image");
        assertThat(failure("a folder")).contains("Cannot read specified path: /app is a directory, not a file");
    }

    @Test
    void theMetadataTestReportsEveryMismatch() {
        assertThat(failure("Metadata Test")).contains(
                "env var APP_HOME value /app does not match expected value: /srv",
                "env var VERSION value 1.2.3 does not match expected value: ^2\\.",
                "variable MISSING_VAR not found in image env",
                "env variable VERSION should not be present in image metadata",
                "label org.opencontainers.image.title value cst-proof does not match expected value: other",
                "label build-date value 2024-05-01T12:00:00.000000 does not match expected value: ^\\d{4}$",
                "label missing.label not found in image metadata",
                "Port 8081 not found in config",
                "Port 8080/tcp not found in config (CST compares port numbers",
                "Port 8080 should not be exposed",
                "Volume /missing not found in config",
                "Volume /data should not be mounted",
                "Image entrypoint [/app/run.sh] does not match expected entrypoint: [/bin/sh]",
                "Image Cmd [serve] does not match expected Cmd: []",
                "Image workdir /app does not match config workdir: /srv",
                "Image user 1000:1000 does not match config user: root");
    }

    @Test
    void theLicenseTestRefusesMissingAndCopyleftFiles() {
        assertThat(failure("License Test")).contains(
                "Error reading license file for nocopy: /usr/share/doc/nocopy/copyright does not exist",
                "Invalid license for /usr/share/doc/wtf/copyright, license contains WTFPL",
                "Invalid license for /licenses/affero.txt, license contains AGPL",
                "Error reading license file for /licenses/missing.txt: no such file in the image")
                .doesNotContain("libgnutls30", "good", "linked");
    }
}

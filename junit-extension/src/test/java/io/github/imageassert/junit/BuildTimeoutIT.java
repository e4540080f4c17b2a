package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.SlowBuildScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** imageassert.build.timeout stops a buildx build that runs longer, and says so. */
class BuildTimeoutIT {

    @Test
    void aBuildRunningPastTheTimeoutIsStoppedAndReported() {
        // GIVEN a Dockerfile whose RUN sleeps 60 s, and a timeout of 10 s: on a loaded machine buildx may still be at the
        // FROM when the timeout comes (seen in CI), so the test accepts either step but demands the message name it
        long start = System.nanoTime();

        // WHEN a test needs that image
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "buildx",
                "imageassert.build.timeout", "10s"), SlowBuildScenario.class);

        // THEN the build fails soon after the timeout, naming it, the last step started and showing the log's tail
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<String> failures = ScenarioKit.failureMessages(results);
        assertThat(failures).singleElement().asString()
                .startsWith("ImageBuildException: Building target slow of target/slow-context/Dockerfile did not finish within "
                        + "imageassert.build.timeout=10s; the build was stopped. The last step it started: ")
                .containsPattern("Last [0-9]+ lines of the build log:\n")
                .contains("\n  #1 [internal] load build definition from Dockerfile\n");
        Matcher named = Pattern.compile("The last step it started: (.+?)\\. Last [0-9]+ lines").matcher(failures.get(0));
        assertThat(named.find()).as("a step named in %s", failures.get(0)).isTrue();
        assertThat(named.group(1)).matches("\\[(slow )?1/2\\] FROM docker\\.io/library/busybox:stable"
                + "|\\[(slow )?2/2\\] RUN echo 'sleeping [0-9]+' && sleep 60");
        // the step named is the last one the log's tail shows started
        List<String> started = failures.get(0).lines().filter(l -> l.matches("  #[0-9]+ \\[(slow )?[0-9]/2\\] .*")).toList();
        assertThat(started).last().asString().endsWith(named.group(1));
        assertThat(took).as("time until the failure").isLessThan(Duration.ofSeconds(40));
        // AND no process of that build is left running
        assertThat(buildProcesses()).as("processes still building %s", SlowBuildScenario.DOCKERFILE).isEmpty();
    }

    private static List<String> buildProcesses() {
        String dockerfile = SlowBuildScenario.DOCKERFILE.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(dockerfile))
                .toList();
    }
}

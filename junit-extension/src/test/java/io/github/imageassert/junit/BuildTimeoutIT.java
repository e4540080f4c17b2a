package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.SlowBuildScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** imageassert.build.timeout stops a buildx build that runs longer, and says so. */
class BuildTimeoutIT {

    @Test
    void aBuildRunningPastTheTimeoutIsStoppedAndReported() {
        // GIVEN a Dockerfile whose RUN sleeps 60 s, and a timeout of 10 s (long enough for buildx to start the RUN and
        // print it on a loaded 2-core machine; 3 s was not, and the log's tail was then empty)
        long start = System.nanoTime();

        // WHEN a test needs that image
        EngineExecutionResults results = ScenarioKit.run(Map.of("imageassert.builder", "buildx",
                "imageassert.build.timeout", "10s"), SlowBuildScenario.class);

        // THEN the build fails soon after the timeout, naming it and showing the log's tail
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(ScenarioKit.failureMessages(results)).singleElement().asString()
                .startsWith("ImageBuildException: Building target slow of target/slow-context/Dockerfile did not finish within "
                        + "imageassert.build.timeout=10s; the build was stopped.")
                .contains("Last ").contains("RUN echo 'sleeping");
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

package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.scenarios.FaultBuildScenario;
import io.github.imageassert.junit.scenarios.RunScenario;
import io.github.imageassert.testing.FaultEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @BuildImage} build broken while its RUN step runs, on a real engine: the private one of
 * scripts/fault-engine.sh (never the engine the machine shares), reached by a scenario JVM whose DOCKER_HOST names it.
 * The engine stopped ({@code SIGTERM}, as {@code systemctl stop docker}) or killed ({@code SIGKILL}, a crash), or the
 * {@code docker buildx} process killed. Each must end in an {@link ImageBuildException} that says what happened, long
 * before the build timeout; what the build leaves in the engine is checked once the engine is back.
 */
class BuildFaultsIT {

    private static final Path DOCKERFILE = Path.of("target/fault-build/Dockerfile");
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(120);
    private static final String TARGET = "Building target faulty of " + DOCKERFILE;

    @TempDir
    Path home;

    /** The private engine, up and without containers: what an earlier test left does not count against this one. */
    @BeforeEach
    void anEngineThatAnswersWithNoContainer() {
        FaultEngine.start();
        for (String container : FaultEngine.containers()) {
            FaultEngine.docker(Duration.ofMinutes(1), "rm", "-f", container.substring(0, container.indexOf(' ')));
        }
    }

    @AfterAll
    static void stopTheEngine() {
        FaultEngine.stop();
    }

    @Test
    void buildxWithTheEngineKilledMidRun() throws Exception {
        Faulted run = faultMidRun("buildx", "buildx, engine killed (SIGKILL)", build -> FaultEngine.kill());
        Build build = run.build();

        // the step named is the last one buildx printed, which may be the one before the RUN (it prints a step late)
        assertThat(run.failure()).startsWith(BUILDX_STOPPED).contains(": the engine stopped answering during the build")
                .contains("Check the engine")
                // buildx's own words, in the log's tail; which of them depends on when the connection dropped
                .containsPattern("ERROR: failed to (receive status|solve: Unavailable)");
        // BuildKit's step runs under runc, not as a docker container: runc dies with the engine, the step does not
        System.out.println("BUILD FAULT buildx, engine killed: the RUN step's process outlived the engine: "
                + build.runStepAliveAfter(Duration.ofSeconds(5)));
        FaultEngine.start(); // a new dockerd; the script ends what the killed one left running
        assertThat(FaultEngine.containers()).as("containers left in the engine").isEmpty();
        assertThat(build.runStepAliveAfter(Duration.ofSeconds(10))).as("the RUN step still running").isFalse();
    }

    @Test
    void buildxWithTheEngineStoppedMidRun() throws Exception {
        Faulted run = faultMidRun("buildx", "buildx, engine stopped (SIGTERM)", build -> FaultEngine.terminate());
        Build build = run.build();

        assertThat(run.failure()).startsWith(BUILDX_STOPPED).contains(": the engine stopped answering during the build");
        // even an orderly shutdown leaves BuildKit's runc step running (BuildKit 0.8 in Docker 20.10)
        System.out.println("BUILD FAULT buildx, engine stopped: the RUN step's process outlived the engine: "
                + build.runStepAliveAfter(Duration.ofSeconds(10)));
        FaultEngine.start();
        assertThat(FaultEngine.containers()).as("containers left in the engine").isEmpty();
        assertThat(build.runStepAliveAfter(Duration.ofSeconds(10))).as("the RUN step still running").isFalse();
    }

    @Test
    void buildxKilledMidRun() throws Exception {
        Faulted run = faultMidRun("buildx", "buildx killed (SIGKILL)", build -> build.buildx().destroyForcibly());
        Build build = run.build();

        // as above, the step named is the last one buildx printed
        assertThat(run.failure()).startsWith(BUILDX_STOPPED)
                .contains(": `docker buildx` ended with exit code 255 without reporting an error, so it was killed");
        // the engine, still up, cancels the build of a client that is gone
        assertThat(build.runStepAliveAfter(Duration.ofSeconds(15))).as("the RUN step still running").isFalse();
        assertThat(FaultEngine.containers()).as("containers left in the engine").isEmpty();
    }

    @Test
    void engineApiBuildWithTheEngineKilledMidRun() throws Exception {
        Faulted run = faultMidRun("engine", "engine API, engine killed (SIGKILL)", build -> FaultEngine.kill());

        assertThat(run.failure()).startsWith(engineApiStopped(run.build()));
        String container = namedContainer(run.failure());
        // the classic builder removes a step's container when the build ends; a crashed engine keeps it, stopped
        FaultEngine.start();
        List<String> left = FaultEngine.containers();
        System.out.println("BUILD FAULT engine API, engine killed: containers after the restart: " + left);
        assertThat(left).as("containers left in the engine").singleElement().asString().startsWith(container);
        FaultEngine.docker(Duration.ofMinutes(1), "rm", "-f", container);
    }

    @Test
    void engineApiBuildWithTheEngineStoppedMidRun() throws Exception {
        Faulted run = faultMidRun("engine", "engine API, engine stopped (SIGTERM)", build -> FaultEngine.terminate());

        assertThat(run.failure()).startsWith(engineApiStopped(run.build()));
        String container = namedContainer(run.failure());
        assertThat(run.build().runStepAliveAfter(Duration.ofSeconds(10))).as("the RUN step still running").isFalse();
        FaultEngine.start();
        // an orderly stop removes the step's container, unless the engine's shutdown ends first (seen on a loaded
        // machine): then the restarted engine lists it "Dead", and the command the message gives removes it
        List<String> left = FaultEngine.containers();
        System.out.println("BUILD FAULT engine API, engine stopped: containers after the restart: " + left);
        assertThat(left).as("containers left in the engine, at most the one the message names").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(c -> assertThat(c).startsWith(container));
        if (!left.isEmpty()) {
            FaultEngine.docker(Duration.ofMinutes(1), "rm", "-f", container);
            assertThat(FaultEngine.containers()).as("containers left after the command of the message").isEmpty();
        }
    }

    @Test
    void engineApiBuildPastTheTimeoutIsStoppedInTheEngine() throws Exception {
        Duration timeout = Duration.ofSeconds(15);
        long start = System.nanoTime();
        Build build = Build.start(home, "engine", timeout);
        build.awaitRunStep();

        String failure = build.failure();

        report("engine API, past the build timeout", build, start, failure);
        assertThat(failure).startsWith("io.github.imageassert.junit.ImageBuildException: " + TARGET + " did not finish "
                + "within imageassert.build.timeout=15s; the build was stopped.");
        assertThat(build.secondsSince(start)).isLessThan(timeout.toSeconds() + 30);
        // closing the build's connection cancels it: the step's container is stopped and removed
        assertThat(build.runStepAliveAfter(Duration.ofSeconds(20))).as("the RUN step still running").isFalse();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!FaultEngine.containers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(FaultEngine.containers()).as("containers left in the engine").isEmpty();
    }

    private static final String BUILDX_STOPPED = "io.github.imageassert.junit.ImageBuildException: " + TARGET
            + " stopped at step [";

    private static String engineApiStopped(Build build) {
        return "io.github.imageassert.junit.ImageBuildException: " + TARGET + " stopped at step Step 2/2 : RUN echo '"
                + build.marker() + "' && sleep 600 && true: the engine stopped answering during the build";
    }

    /** The container a failure's message names for the user to remove, checked to look like a container id. */
    private static String namedContainer(String failure) {
        String container = failure.replaceAll("(?s).*The step ran in container ([0-9a-f]+); an engine that crashed keeps it, "
                + "stopped: once the engine is back, `docker rm -f \\1` removes it\\..*", "$1");
        assertThat(container).as("the container the message names").matches("[0-9a-f]{12,64}");
        return container;
    }

    /** What a build became after {@code fault} hit it during its RUN step. */
    private record Faulted(Build build, String failure) {
    }

    /**
     * Starts a build with {@code builder}, waits for its long RUN step, applies {@code fault} and waits for the build's
     * failure, which must come before the build timeout.
     */
    private Faulted faultMidRun(String builder, String label, Fault fault) throws Exception {
        Build build = Build.start(home, builder, BUILD_TIMEOUT);
        build.awaitRunStep();
        long faultAt = System.nanoTime();
        fault.apply(build);
        String failure = build.failure();
        report(label, build, faultAt, failure);
        assertThat(build.secondsSince(faultAt)).as("seconds from the fault to the failure").isLessThan(BUILD_TIMEOUT.toSeconds());
        return new Faulted(build, failure);
    }

    @FunctionalInterface
    private interface Fault {
        void apply(Build build) throws Exception;
    }

    private static void report(String fault, Build build, long faultAt, String failure) {
        System.out.printf("BUILD FAULT %s: %.1f s from the fault to the end of the test JVM: %s%n", fault,
                build.secondsSince(faultAt), failure.lines().findFirst().orElse(failure));
    }

    /** The scenario in a JVM of its own, building {@link #DOCKERFILE} with the given builder on the private engine. */
    record Build(Process process, Path log, String marker, Duration timeout, long[] ended) {

        static Build start(Path home, String builder, Duration timeout) throws IOException {
            String marker = "fault-build-" + UUID.randomUUID();
            Files.createDirectories(DOCKERFILE.getParent());
            // the marker keeps the build cache from skipping the step, and names the RUN's shell on this machine; the
            // shell stays (with the marker in its command line) only while a command follows the sleep, else it execs it
            Files.writeString(DOCKERFILE, "FROM busybox:stable AS faulty\nRUN echo '" + marker + "' && sleep 600 && true\n");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + home, "-Dimageassert.store=" + home.resolve("layer-store"),
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    RunScenario.class.getName(), FaultBuildScenario.class.getName(), "imageassert.builder=" + builder,
                    "imageassert.build.timeout=" + timeout.toSeconds() + "s"));
            Path log = Files.createTempFile(home, "scenario", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DOCKER_HOST", FaultEngine.dockerHost());
            return new Build(pb.start(), log, marker, timeout, new long[1]);
        }

        /** Waits for the RUN step's shell, found by the marker in its command line: the step is running. */
        void awaitRunStep() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                if (FaultEngine.processWith("echo '" + marker + "'").isPresent()) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the scenario ended before its RUN step ran:\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new AssertionError("the RUN step did not start in 3 minutes:\n" + Files.readString(log));
        }

        /** The docker buildx process the extension started in the scenario JVM. */
        ProcessHandle buildx() {
            return process.descendants().filter(p -> FaultEngine.commandLine(p).contains("docker-buildx"))
                    .findFirst().orElseThrow(() -> new AssertionError("no docker-buildx process under the scenario JVM"));
        }

        /** Waits for the scenario JVM; returns why the scenario class failed: the exception's class and message. */
        String failure() throws IOException, InterruptedException {
            boolean done = process.waitFor(timeout.toSeconds() + 60, TimeUnit.SECONDS);
            ended[0] = System.nanoTime();
            if (!done) {
                process.destroyForcibly().waitFor();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("the scenario JVM ended within the build timeout and a minute:\n%s", out).isTrue();
            int at = out.indexOf("FAILED FaultBuildScenario: ");
            assertThat(at).as("the scenario failed:\n%s", out).isNotNegative();
            int end = out.indexOf("\nREPORT ", at);
            return out.substring(at + "FAILED FaultBuildScenario: ".length(), end < 0 ? out.length() : end);
        }

        double secondsSince(long nanos) {
            return (ended[0] - nanos) / 1e9;
        }

        /** Whether the RUN step's process is still alive after waiting at most {@code wait} for it to end. */
        boolean runStepAliveAfter(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            Optional<ProcessHandle> step;
            while ((step = FaultEngine.processWith("echo '" + marker + "'")).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            return step.isPresent();
        }
    }
}

package io.github.imageassert.internal.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.image.HistoryEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History steps as BuildKit and the legacy builder record them, mapped to the Dockerfile's lines. */
class DockerfileOriginTest {

    private static final String DOCKERFILE = """
            FROM busybox:stable AS base
            ARG VERSION=1
            ENV APP=demo \\
                MODE=prod
            RUN echo one > /one \\
             && echo two > /two

            FROM base AS runtime
            ARG VERSION
            LABEL version=$VERSION
            WORKDIR /app
            COPY a.txt /app/
            RUN ["sh", "-c", "echo exec > /app/e"]
            USER 1000
            EXPOSE 8080
            CMD ["sh"]

            FROM busybox:stable AS other
            RUN echo unrelated
            """;

    /** What `docker history` showed for the runtime target built with buildx (base image steps first). */
    private static final List<String> BUILDKIT = List.of(
            "ADD file:abc in / ", "CMD [\"sh\"]",
            "ARG VERSION=1", "ENV APP=demo MODE=prod", "RUN |1 VERSION=1 /bin/sh -c echo one > /one  && echo two > /two # buildkit",
            "ARG VERSION", "LABEL version=1", "WORKDIR /app", "COPY a.txt /app/ # buildkit",
            "RUN |1 VERSION=1 sh -c echo exec > /app/e # buildkit", "USER 1000", "EXPOSE map[8080/tcp:{}]", "CMD [\"sh\"]");

    /** The same with the legacy builder (DOCKER_BUILDKIT=0). */
    private static final List<String> LEGACY = List.of(
            "/bin/sh -c #(nop) ADD file:abc in / ", "/bin/sh -c #(nop)  CMD [\"sh\"]",
            "/bin/sh -c #(nop)  ARG VERSION=1", "/bin/sh -c #(nop)  ENV APP=demo MODE=prod",
            "|1 VERSION=1 /bin/sh -c echo one > /one  && echo two > /two",
            "/bin/sh -c #(nop)  ARG VERSION", "/bin/sh -c #(nop)  LABEL version=", "/bin/sh -c #(nop) WORKDIR /app",
            "/bin/sh -c #(nop) COPY file:00ec in /app/ ", "sh -c echo exec > /app/e", "/bin/sh -c #(nop)  USER 1000",
            "/bin/sh -c #(nop)  EXPOSE 8080", "/bin/sh -c #(nop)  CMD [\"sh\"]");

    @Test
    void buildKitStepsMapToTheirInstructionsAndTheBaseImagesToItsFrom() {
        assertLines(BUILDKIT);
    }

    @Test
    void legacyBuilderStepsMapTheSameWay() {
        assertLines(LEGACY);
    }

    private static void assertLines(List<String> createdBy) {
        DockerfileOrigin origin = DockerfileOrigin.of(Path.of("docker/Dockerfile"), DOCKERFILE, "runtime");
        List<SourceLocation> located = origin.locateAll(history(createdBy));

        assertThat(located).extracting(SourceLocation::line).containsExactly(1, 1, 2, 3, 5, 9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(located).extracting(SourceLocation::baseImage)
                .containsExactly(true, true, false, false, false, false, false, false, false, false, false, false, false);
        SourceLocation run = located.get(4);
        assertThat(run.stage()).isEqualTo("base");
        assertThat(run.endLine()).isEqualTo(6);
        assertThat(run.toString()).isEqualTo("docker/Dockerfile:5");
        assertThat(located.get(8).stage()).isEqualTo("runtime");
        assertThat(located.get(8).instruction()).isEqualTo("COPY a.txt /app/");
    }

    @Test
    void anUnknownTargetMapsNothing() {
        DockerfileOrigin origin = DockerfileOrigin.of(Path.of("Dockerfile"), DOCKERFILE, "nope");

        assertThat(origin.locateAll(history(BUILDKIT))).containsOnlyNulls();
    }

    private static List<HistoryEntry> history(List<String> createdBy) {
        return createdBy.stream().map(c -> new HistoryEntry(Instant.EPOCH, c, "",
                !(c.contains("ADD file") || c.contains("RUN") || c.contains("echo") || c.contains("COPY")))).toList();
    }
}

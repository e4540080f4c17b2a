package io.github.imageassert.assertions;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.ImageSoftAssertions;
import io.github.imageassert.testing.DockerBuild;
import java.util.Map;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every assertion passing and failing on purpose, on images a real engine builds from the local base images. */
class ImageAssertionsIT {

    static ContainerImage builder;
    static ContainerImage runtime;
    static ContainerImage rootByName;
    static ContainerImage userUnset;
    static ContainerImage ghostUser;

    @BeforeAll
    static void build() {
        String dockerfile = """
                FROM debian:bookworm-slim AS builder
                RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
                RUN printf 'int main(void){return 0;}\\n' > /tmp/app.c && gcc -static -O2 -o /tmp/app /tmp/app.c

                FROM debian:bookworm-slim AS runtime
                RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home app
                COPY --from=builder /tmp/app /usr/local/bin/app
                RUN echo 'TOKEN=abc' > /tmp/.env && mkdir -p /srv/test && echo 'it()' > /srv/test/a.test.js
                RUN rm /tmp/.env
                USER app
                ENV NODE_ENV=production
                EXPOSE 8080
                LABEL org.opencontainers.image.title=sample
                HEALTHCHECK CMD ["/usr/local/bin/app"]
                STOPSIGNAL SIGTERM
                ENTRYPOINT ["/usr/local/bin/app"]
                """;
        builder = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/assert:builder", dockerfile, Map.of(), "builder"));
        runtime = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/assert:runtime", dockerfile, Map.of(), "runtime"));
        rootByName = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/assert:root-by-name", """
                FROM busybox:stable
                RUN echo 'admin:x:0:0:admin:/root:/bin/sh' >> /etc/passwd
                USER admin
                """, Map.of()));
        userUnset = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/assert:user-unset", """
                FROM busybox:stable
                RUN touch /marker
                """, Map.of()));
        ghostUser = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/assert:ghost", """
                FROM busybox:stable
                USER ghost
                """, Map.of()));
    }

    @Test
    void runsAsNonRootResolvesNamesThroughTheImagesPasswd() {
        assertThat(runtime).runsAsNonRoot().runsAsUser("app").runsAsUser("10001").hasUser("app");

        assertThatThrownBy(() -> assertThat(rootByName).runsAsNonRoot())
                .hasMessage(("%nExpecting image:%n  image-assert-test/assert:root-by-name%nto run as non-root,%n"
                        + "but USER \"admin\" ('admin' resolves to uid 0 through /etc/passwd)").formatted());
        assertThatThrownBy(() -> assertThat(userUnset).runsAsNonRoot())
                .hasMessageEndingWith("but USER unset (USER is unset (defaults to root))");
        assertThatThrownBy(() -> assertThat(ghostUser).runsAsNonRoot())
                .hasMessageContaining("USER \"ghost\" cannot be resolved: user name 'ghost' is not in the image's /etc/passwd");
        assertThatThrownBy(() -> assertThat(runtime).runsAsUser("root"))
                .hasMessageContaining("to run as user:%n  root%nbut USER \"app\" ('app' resolves to uid 10001".formatted());
    }

    @Test
    void numericUserNeedsNoPasswdEntry() {
        ContainerImage numeric = ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/assert:numeric", """
                FROM busybox:stable
                USER 4242:4242
                """, Map.of()));

        assertThat(numeric).runsAsNonRoot().runsAsUser("4242");
        assertThat(numeric.users().user(4242)).isEmpty();
    }

    @Test
    void filesFollowMergedUsrAndDeletionsInLaterLayers() {
        assertThat(runtime).hasFile("/bin/sh").hasFile("/usr/bin/sh").hasFile("/usr/local/bin/app")
                .doesNotHaveFile("/tmp/.env").doesNotHaveFile("/usr/bin/gcc");
        assertThat(builder).hasFile("/bin/gcc").hasFile("/usr/bin/gcc");

        assertThatThrownBy(() -> assertThat(runtime).hasFile("/tmp/.env"))
                .hasMessageContaining("to have file:%n  \"/tmp/.env\"%nbut it does not exist; it was added by layer 3 (RUN /bin/sh -c echo 'TOKEN=abc'".formatted())
                .hasMessageContaining("and removed by layer 4 (RUN /bin/sh -c rm /tmp/.env)");
        assertThatThrownBy(() -> assertThat(builder).doesNotHaveFile("/bin/gcc"))
                .hasMessageContaining(("not to have file:%n  \"/bin/gcc\"%nbut it has:%n  /bin/gcc (via /bin -> usr/bin, "
                        + "/usr/bin/gcc -> gcc-12, /usr/bin/gcc-12 -> x86_64-linux-gnu-gcc-12) = /usr/bin/x86_64-linux-gnu-gcc-12: "
                        + "regular file").formatted())
                .hasMessageContaining("added by layer 1 (RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev");
    }

    @Test
    void executablesAreSearchedOnThePathThroughLinks() {
        assertThat(builder).hasExecutable("gcc").hasExecutable("cc").hasExecutable("sh");
        assertThat(runtime).doesNotContainExecutable("gcc").doesNotContainExecutables("gcc", "cc", "make").hasExecutable("app");

        assertThatThrownBy(() -> assertThat(builder).doesNotContainExecutable("gcc"))
                .hasMessageContaining(("not to contain executable:%n  \"gcc\"%nbut it does:%n  /usr/bin/gcc (via /usr/bin/gcc -> gcc-12, "
                        + "/usr/bin/gcc-12 -> x86_64-linux-gnu-gcc-12) = /usr/bin/x86_64-linux-gnu-gcc-12: regular file").formatted())
                .hasMessageContaining("RUN /bin/sh -c apt-get update && apt-get install");
        assertThatThrownBy(() -> assertThat(runtime).hasExecutable("gcc"))
                .hasMessageContaining("to contain executable:%n  \"gcc\"%nsearching PATH /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin,%nbut no such file on the PATH".formatted());
    }

    @Test
    void sizeBudgetJustOverAndJustUnder() {
        long size = runtime.size();
        assertThat(size).isEqualTo(runtime.layers().stream().mapToLong(l -> l.size()).sum()).isPositive();

        assertThat(runtime).hasSizeLessThan((size + 1) + " B").hasSizeAtMost(size + " B").hasSizeLessThan("1 GB");
        assertThatThrownBy(() -> assertThat(runtime).hasSizeLessThan(size + " B"))
                .hasMessageContaining("to have a size less than " + size + " B%nbut it is ".formatted() + size + " B")
                .hasMessageContaining("Largest layers:")
                .hasMessageContaining("layer 0 (");
        assertThatThrownBy(() -> assertThat(runtime).hasSizeLessThan("10 MB"))
                .hasMessageContaining("to have a size less than 10 MB%nbut it is ".formatted())
                .hasMessageMatching("(?s).*but it is [0-9.]+ MB \\(" + size + " bytes, [0-9.]+ MB over\\).*");
    }

    @Test
    void layersCanBeCountedAndNavigated() {
        int count = runtime.layers().size();
        assertThat(runtime).hasLayerCount(count).hasAtMostLayers(count);
        assertThat(runtime).layer(2).hasInstructionContaining("COPY /tmp/app /usr/local/bin/app").hasSizeAtMost("2 MB");
        assertThat(runtime).layer(-1).hasInstructionContaining("rm /tmp/.env");

        assertThatThrownBy(() -> assertThat(runtime).hasAtMostLayers(2))
                .hasMessageContaining("to have at most 2 layers%nbut it has %d:".formatted(count))
                .hasMessageContaining("2: COPY /tmp/app /usr/local/bin/app");
        assertThatThrownBy(() -> assertThat(runtime).layer(0).hasSizeAtMost("1 kB"))
                .hasMessageContaining("to have layer 0 (")
                .hasMessageContaining(" a size of at most 1 kB");
    }

    @Test
    void fileAssertionsNavigateToOneFile() {
        assertThat(runtime).file("/usr/local/bin/app").isRegularFile().isExecutable().isExecutableByOthers()
                .hasMode("0755").hasMode("rwxr-xr-x").hasOwner(0, 0);
        assertThat(runtime).file("/etc/passwd").contentContains("app:x:10001:10001").contentMatches("^root:x:0:0:")
                .contentDoesNotContain("admin");
        assertThat(runtime).file("/srv/test/a.test.js").hasContent("it()\n")
                .hasSha256("sha256:" + sha256("it()\n"));
        assertThat(runtime).file("/bin").isSymlink().hasLinkTarget("usr/bin");
        assertThat(runtime).file("/tmp").isDirectory().hasMode("1777");

        assertThatThrownBy(() -> assertThat(runtime).file("/usr/local/bin/app").hasMode("0700"))
                .hasMessage(("%nExpecting file:%n  \"/usr/local/bin/app\"%nof image:%n  image-assert-test/assert:runtime%n"
                        + "to have mode 0700 (rwx------)%nbut its mode is 0755 (-rwxr-xr-x)").formatted());
        assertThatThrownBy(() -> assertThat(runtime).file("/etc/passwd").contentContains("ghost"))
                .hasMessageContaining("to contain:%n  \"ghost\"%nbut it does not".formatted());
    }

    @Test
    void globsFindForbiddenFilesWithTheirLayers() {
        assertThat(runtime).hasFileMatching("/srv/**").hasNoFileMatching("**/*.pyc");

        assertThatThrownBy(() -> assertThat(runtime).hasNoFileMatching("**/*.test.js"))
                .hasMessageContaining("to have no file matching:%n  \"**/*.test.js\"%nbut 1 match:%n  /srv/test/a.test.js: regular file, 5 B".formatted())
                .hasMessageContaining("added by layer 3 (RUN /bin/sh -c echo 'TOKEN=abc'");
    }

    @Test
    void configAssertions() {
        assertThat(runtime).hasEntrypoint("/usr/local/bin/app").hasCmd().hasEnv("NODE_ENV", "production").hasEnv("PATH")
                .doesNotHaveEnv("DEBUG").exposesPort(8080).exposesPort("8080/tcp").doesNotExposePort("8080/udp")
                .hasLabel("org.opencontainers.image.title", "sample").hasHealthcheck().hasStopSignal("SIGTERM")
                .hasWorkdir("").hasPlatform("linux/amd64");

        assertThatThrownBy(() -> assertThat(runtime).hasEntrypoint("/server"))
                .hasMessage(("%nExpecting image:%n  image-assert-test/assert:runtime%nto have ENTRYPOINT:%n  [\"/server\"]%nbut it has:%n  [\"/usr/local/bin/app\"]").formatted());
        assertThatThrownBy(() -> assertThat(runtime).hasEnv("NODE_ENV", "development"))
                .hasMessageEndingWith("to have environment variable NODE_ENV=development%nbut NODE_ENV=production".formatted());
        assertThatThrownBy(() -> assertThat(runtime).exposesPort("9090"))
                .hasMessageEndingWith("to expose port:%n  \"9090/tcp\"%nbut the exposed ports are: [\"8080/tcp\"]".formatted());
        assertThatThrownBy(() -> assertThat(userUnset).hasHealthcheck()).hasMessageEndingWith("to have a HEALTHCHECK%nbut it has none".formatted());
    }

    @Test
    void softAssertionsCollectEveryFailure() {
        ImageSoftAssertions softly = new ImageSoftAssertions();
        softly.assertThat(builder).runsAsNonRoot();
        softly.assertThat(builder).doesNotContainExecutable("gcc");
        softly.assertThat(builder).as("builder budget").hasSizeLessThan("1 MB");

        assertThatThrownBy(softly::assertAll).isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageContaining("Multiple Failures (3 failures)")
                .hasMessageContaining("to run as non-root")
                .hasMessageContaining("not to contain executable")
                .hasMessageContaining("[builder budget]");
    }

    @Test
    void aCommandRunFromTheImageKeepsTheDescription() {
        assertThatThrownBy(() -> assertThat(runtime).as("runtime").running().hasExitCode(1))
                .hasMessageStartingWith("[runtime] ")
                .hasMessageContaining("running:%n  /usr/local/bin/app%nto exit with code:%n  1%nbut it exited with code 0".formatted());
    }

    @Test
    void softAssertionsCollectTheFailuresOfACommandRunFromTheImage() {
        ImageSoftAssertions softly = new ImageSoftAssertions();

        softly.assertThat(runtime).as("runtime").running().hasExitCode(1).hasStdout("hello");

        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                m -> assertThat(m).startsWith("[runtime] ").contains("to exit with code:%n  1".formatted()),
                m -> assertThat(m).startsWith("[runtime] ").contains("to print on stdout exactly:%n  \"hello\"".formatted()));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.imageassert.assertions;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the full text of every failure message factory, on an archive whose every byte the test wrote. */
class FailureMessagesTest {

    @TempDir
    static Path dir;

    static ContainerImage image;

    @BeforeAll
    static void archive() {
        Path tar = new ImageArchive()
                .layer(new LayerTar().dir("/etc").file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                        .dir("/usr").dir("/usr/bin").file("/usr/bin/sh", "ELF".getBytes(), 0755, 0, 0)
                        .file("/usr/bin/notes", "not executable".getBytes(), 0644, 0, 0), "ADD rootfs.tar / # buildkit")
                .layer(new LayerTar().dir("/app").file("/app/server", "binary".getBytes(), 0755, 0, 0)
                        .file("/app/app.test.js", "it()"), "COPY . /app # buildkit")
                .config(c -> {
                    c.putObject("Labels").put("team", "platform");
                    c.putObject("ExposedPorts").putObject("8080/tcp");
                    c.putObject("Volumes").putObject("/data");
                    c.put("User", "1000");
                    c.put("StopSignal", "SIGTERM");
                    ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("Env")).add("DEBUG=1");
                })
                .writeLegacyDockerSave(dir.resolve("image.tar"), "msg:1");
        image = ContainerImage.fromArchive(tar);
    }

    private static String text(String format) {
        return format.formatted();
    }

    @Test
    void shouldRunAsNonRootAndAsUser() {
        assertThatThrownBy(() -> assertThat(image).runsAsUser("0")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto run as user:%n  0%nbut USER \"1000\" (numeric uid 1000)"));
    }

    @Test
    void shouldHaveAndNotHaveFile() {
        assertThatThrownBy(() -> assertThat(image).hasFile("/app/missing")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have file:%n  \"/app/missing\"%nbut it does not exist"));
        assertThatThrownBy(() -> assertThat(image).doesNotHaveFile("/app/server")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nnot to have file:%n  \"/app/server\"%nbut it has:%n"
                        + "  /app/server: regular file, 6 B, -rwxr-xr-x 0:0, added by layer 1 (COPY . /app)"));
    }

    @Test
    void shouldHaveExecutable() {
        assertThatThrownBy(() -> assertThat(image).hasExecutable("notes")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto contain executable:%n  \"notes\"%nsearching PATH "
                        + "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin,%nbut the only match is not an executable "
                        + "regular file: /usr/bin/notes: regular file, 14 B, -rw-r--r-- 0:0, added by layer 0 (ADD rootfs.tar /)"));
        assertThatThrownBy(() -> assertThat(image).doesNotContainExecutable("sh")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nnot to contain executable:%n  \"sh\"%nbut it does:%n"
                        + "  /usr/bin/sh: regular file, 3 B, -rwxr-xr-x 0:0, added by layer 0 (ADD rootfs.tar /)"));
    }

    @Test
    void shouldHaveFileMatchingOrNot() {
        assertThatThrownBy(() -> assertThat(image).hasFileMatching("**/*.py")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have a file matching:%n  \"**/*.py\"%nbut none does"));
        assertThatThrownBy(() -> assertThat(image).hasNoFileMatching("**/*.test.js")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have no file matching:%n  \"**/*.test.js\"%nbut 1 match:%n"
                        + "  /app/app.test.js: regular file, 4 B, -rw-r--r-- 0:0, added by layer 1 (COPY . /app)"));
    }

    @Test
    void shouldHaveSizeAndLayers() {
        long size = image.size();
        assertThatThrownBy(() -> assertThat(image).hasSizeAtMost("10 B")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have a size of at most 10 B%nbut it is " + size + " B (" + size + " bytes, "
                        + (size - 10) + " B over). Largest layers:%n    " + image.layers().get(0).size()
                        + " B  layer 0 (ADD rootfs.tar /)%n    " + image.layers().get(1).size() + " B  layer 1 (COPY . /app)"));
        assertThatThrownBy(() -> assertThat(image).hasLayerCount(1)).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have exactly 1 layers%nbut it has 2:%n    0: ADD rootfs.tar /%n    1: COPY . /app"));
        assertThatThrownBy(() -> assertThat(image).layer(1).hasInstructionContaining("RUN")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have layer 1 (COPY . /app) an instruction containing \"RUN\"%nbut it was made by: COPY . /app"));
    }

    @Test
    void shouldHaveConfigValues() {
        assertThatThrownBy(() -> assertThat(image).hasStopSignal("SIGKILL")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have STOPSIGNAL:%n  \"SIGKILL\"%nbut it has:%n  \"SIGTERM\""));
        assertThatThrownBy(() -> assertThat(image).hasPlatform("linux/arm64")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have platform:%n  \"linux/arm64\"%nbut it has:%n  \"linux/amd64\""));
        assertThatThrownBy(() -> assertThat(image).hasEnv("NODE_ENV")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have environment variable NODE_ENV%nbut it is not set; the environment is [PATH, DEBUG]"));
        assertThatThrownBy(() -> assertThat(image).doesNotHaveEnv("DEBUG")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nnot to have environment variable DEBUG%nbut it is set: DEBUG=1"));
        assertThatThrownBy(() -> assertThat(image).hasLabel("team", "web")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have label team=web%nbut team=platform"));
        assertThatThrownBy(() -> assertThat(image).hasLabel("owner")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have label owner%nbut it has no such label; labels: [team]"));
        assertThatThrownBy(() -> assertThat(image).doesNotExposePort(8080)).hasMessage(text(
                "%nExpecting image:%n  msg:1%nnot to expose port:%n  \"8080/tcp\"%nbut the exposed ports are: [\"8080/tcp\"]"));
        assertThatThrownBy(() -> assertThat(image).hasVolume("/cache")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto declare volume:%n  \"/cache\"%nbut its volumes are: [\"/data\"]"));
        assertThatThrownBy(() -> assertThat(image).hasHealthcheck()).hasMessage(text(
                "%nExpecting image:%n  msg:1%nto have a HEALTHCHECK%nbut it has none"));
    }

    @Test
    void fileProperties() {
        assertThatThrownBy(() -> assertThat(image).file("/usr/bin/notes").isExecutable()).hasMessage(text(
                "%nExpecting file:%n  \"/usr/bin/notes\"%nof image:%n  msg:1%nto be executable by someone%nbut its mode is -rw-r--r-- (0644)"));
        assertThatThrownBy(() -> assertThat(image).file("/app").isRegularFile()).hasMessage(text(
                "%nExpecting file:%n  \"/app\"%nof image:%n  msg:1%nto be a regular file%nbut it is /app: directory, drwxr-xr-x 0:0, "
                        + "added by layer 1 (COPY . /app)"));
        assertThatThrownBy(() -> assertThat(image).file("/app/server").hasOwner(1000, 1000)).hasMessage(text(
                "%nExpecting file:%n  \"/app/server\"%nof image:%n  msg:1%nto be owned by 1000:1000%nbut it is owned by 0:0"));
        assertThatThrownBy(() -> assertThat(image).file("/app/server").hasContent("text")).hasMessage(text(
                "%nExpecting file:%n  \"/app/server\"%nof image:%n  msg:1%nto have content:%n  \"text\"%nbut it has:%n  \"binary\""));
        assertThatThrownBy(() -> assertThat(image).file("/app/server").hasSha256("00")).hasMessage(text(
                "%nExpecting file:%n  \"/app/server\"%nof image:%n  msg:1%nto have sha256 00%nbut its sha256 is "
                        + "9a3a45d01531a20e89ac6ae10b0b0beb0492acd7216a368aa062d1a5fecaf9cd"));
    }
}

package io.github.imageassert.run;

import io.github.imageassert.ContainerRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no engine: composing the command, refusing archives, recognising the engine's not-found error. */
class ContainerRunTest {

    @TempDir
    Path dir;

    private ContainerImage archive() {
        Path tar = new ImageArchive()
                .layer(new LayerTar().dir("/app").file("/app/server", "binary".getBytes(), 0755, 0, 0), "COPY . /app # buildkit")
                .config(c -> {
                    c.putArray("Entrypoint").add("/app/server");
                    c.putArray("Cmd").add("--port").add("8080");
                })
                .writeLegacyDockerSave(dir.resolve("image.tar"), "run:1");
        return ContainerImage.fromArchive(tar);
    }

    @Test
    void composesTheCommandTheWayTheEngineDoes() {
        ContainerRun run = ContainerRun.of(archive());

        assertThat(run.commandFor()).containsExactly("/app/server", "--port", "8080");
        assertThat(run.commandFor("--help")).containsExactly("/app/server", "--help");
        assertThat(run.withEntrypoint().commandFor("id", "-u")).containsExactly("id", "-u");
        assertThat(run.withEntrypoint("sh", "-c").commandFor()).as("a replaced entrypoint drops the image's CMD")
                .containsExactly("sh", "-c");
    }

    @Test
    void anArchiveMustBeLoadedFirst() {
        ContainerImage image = archive();

        assertThatThrownBy(() -> ContainerRun.of(image).run())
                .isInstanceOf(ImageNotInEngineException.class)
                .hasMessage("Cannot run a command in image run:1: it was read from " + dir.resolve("image.tar")
                        + ", and a container can only start from an image the engine has. Load it first with `docker load -i "
                        + dir.resolve("image.tar") + "` (an OCI layout directory: tar it first, and loading OCI layouts needs"
                        + " Docker 25+), then run it from ContainerImage.fromDaemon(\"run:1\").");
    }

    @Test
    void recognisesTheEnginesNotFoundError() {
        assertThat(CommandNotFoundException.isExecNotFound("failed to create shim task: OCI runtime create failed: runc "
                + "create failed: unable to start container process: exec: \"nosuchcmd\": executable file not found in $PATH: unknown"))
                .isTrue();
        assertThat(CommandNotFoundException.isExecNotFound("driver failed programming external connectivity")).isFalse();
    }

    @Test
    void commandLineQuotesWhatAShellWouldSplit() {
        CommandResult result = new CommandResult("run:1", List.of("sh", "-c", "echo it's; exit 3", ""), 3, "", "",
                OptionalLong.empty(), OptionalLong.empty(), Duration.ZERO);

        assertThat(result.commandLine()).isEqualTo("sh -c 'echo it'\\''s; exit 3' ''");
    }
}

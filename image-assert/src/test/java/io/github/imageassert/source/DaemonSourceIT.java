package io.github.imageassert.source;

import io.github.imageassert.image.ImageNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.image.Layer;
import io.github.imageassert.testing.DockerBuild;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads images that a real engine built, through the engine and through its {@code docker save} archive. */
class DaemonSourceIT {

    static final String TWO_STAGE = """
            FROM debian:bookworm-slim AS builder
            RUN mkdir -p /out && printf '#!/bin/sh\\necho hello\\n' > /out/hello && chmod 0755 /out/hello

            FROM busybox:stable AS runtime
            COPY --from=builder /out/hello /app/hello
            RUN mkdir -p /data && echo first > /data/old.txt && echo secret > /app/token.txt
            RUN rm -rf /data && mkdir /data && echo second > /data/new.txt && rm /app/token.txt
            ENV APP_MODE=production
            USER 65532:65532
            WORKDIR /app
            EXPOSE 8080 9090/udp
            LABEL org.example.team=platform
            ENTRYPOINT ["/app/hello"]
            CMD ["--serve"]
            """;

    static String image;

    @BeforeAll
    static void build() {
        image = DockerBuild.build("image-assert-test/daemon:runtime", TWO_STAGE, Map.of());
    }

    @Test
    void configQuestionsAreAnsweredFromTheEngine() {
        ContainerImage img = ContainerImage.fromDaemon(image);

        assertThat(img.config().user()).isEqualTo("65532:65532");
        assertThat(img.config().entrypoint()).containsExactly("/app/hello");
        assertThat(img.config().cmd()).containsExactly("--serve");
        assertThat(img.config().envMap()).containsEntry("APP_MODE", "production");
        assertThat(img.config().workingDir()).isEqualTo("/app");
        assertThat(img.config().exposedPorts()).containsExactlyInAnyOrder("8080/tcp", "9090/udp");
        assertThat(img.config().labels()).containsEntry("org.example.team", "platform");
        assertThat(img.platform().toString()).isEqualTo("linux/amd64");
        assertThat(img.user().uid()).isEqualTo(65532L);
        // busybox base (1 layer) + COPY + 2 RUN + WORKDIR (BuildKit makes a layer of it, here an empty one)
        assertThat(img.layers()).hasSize(5);
        assertThat(img.layers().get(4).instruction()).isEqualTo("WORKDIR /app");
    }

    @Test
    void theEnginesLayerSizesAgreeWithTheOnesCountedFromTheExport(@TempDir Path dir) {
        ContainerImage img = ContainerImage.fromDaemon(image);
        // the engine reports sizes in its history; an archive's layers are counted from their entries
        ContainerImage exported = ContainerImage.fromArchive(DockerBuild.save(image, dir.resolve("sizes.tar")));

        assertThat(img.layers()).extracting(Layer::instruction).containsExactlyElementsOf(
                exported.layers().stream().map(Layer::instruction).toList());
        assertThat(img.layers().get(1).instruction()).startsWith("COPY /out/hello /app/hello");
        assertThat(img.layers().get(2).instruction()).startsWith("RUN /bin/sh -c mkdir -p /data");
        assertThat(img.layers()).extracting(Layer::size)
                .containsExactlyElementsOf(exported.layers().stream().map(Layer::size).toList());
    }

    @Test
    void theMergedFilesystemFollowsTheEnginesWhiteouts() {
        ContainerImage img = ContainerImage.fromDaemon(image);

        assertThat(img.file("/app/hello")).get().satisfies(e -> {
            assertThat(e.isExecutableByAnyone()).isTrue();
            assertThat(e.layer()).isEqualTo(1);
        });
        assertThat(img.readString("/app/hello")).get().asString().contains("echo hello");
        assertThat(img.file("/data/new.txt")).isPresent();
        assertThat(img.file("/data/old.txt")).as("removed with its directory, which was recreated").isEmpty();
        assertThat(img.file("/app/token.txt")).isEmpty();
        assertThat(img.filesystem().removed()).filteredOn(r -> r.entry().path().equals("/app/token.txt"))
                .singleElement().satisfies(r -> {
                    assertThat(r.entry().layer()).isEqualTo(2);
                    assertThat(r.removedBy()).isEqualTo(3);
                    assertThat(r.how()).isEqualTo(RemovedEntry.How.WHITEOUT);
                });
        // `rm -rf /data && mkdir /data` in one RUN: the engine writes /data with an opaque whiteout
        assertThat(img.filesystem().removed()).filteredOn(r -> r.entry().path().equals("/data/old.txt"))
                .singleElement().satisfies(r -> {
                    assertThat(r.how()).isEqualTo(RemovedEntry.How.OPAQUE);
                    assertThat(r.removedBy()).isEqualTo(3);
                });
        assertThat(img.file("/bin/sh")).get().extracting(FileEntry::isRegularFile).isEqualTo(true);
    }

    @Test
    void aDockerSaveArchiveReadsTheSameAsTheEngine(@TempDir Path dir) {
        Path archive = DockerBuild.save(image, dir.resolve("image.tar"));
        ContainerImage fromEngine = ContainerImage.fromDaemon(image);
        ContainerImage fromArchive = ContainerImage.fromArchive(archive);

        assertThat(fromArchive.reference()).isEqualTo(image);
        assertThat(fromArchive.config()).isEqualTo(fromEngine.config());
        assertThat(fromArchive.layers()).extracting(Layer::diffId)
                .containsExactlyElementsOf(fromEngine.layers().stream().map(Layer::diffId).toList());
        assertThat(fromArchive.size()).isEqualTo(fromEngine.size());
        assertThat(fromArchive.filesystem().entries()).containsExactlyElementsOf(fromEngine.filesystem().entries());
        assertThat(fromArchive.readString("/data/new.txt")).contains("second\n");
    }

    @Test
    void anOciLayoutMadeBySkopeoReadsTheSameAsTheEngine(@TempDir Path dir) {
        // skopeo (Debian's) writes gzip layers and a real OCI manifest and index
        Path layout = dir.resolve("layout");
        DockerBuild.run(java.util.List.of("skopeo", "copy", "-q", "docker-daemon:" + image, "oci:" + layout + ":runtime"));
        Path layoutTar = dir.resolve("layout.tar");
        DockerBuild.run(java.util.List.of("tar", "-C", layout.toString(), "-cf", layoutTar.toString(), "."));
        ContainerImage fromEngine = ContainerImage.fromDaemon(image);

        for (ContainerImage fromLayout : java.util.List.of(ContainerImage.fromOciLayout(layout), ContainerImage.fromOciLayout(layoutTar))) {
            assertThat(fromLayout.reference()).isEqualTo("runtime");
            assertThat(fromLayout.config()).isEqualTo(fromEngine.config());
            assertThat(fromLayout.layers()).extracting(Layer::diffId)
                    .containsExactlyElementsOf(fromEngine.layers().stream().map(Layer::diffId).toList());
            assertThat(fromLayout.layers()).extracting(Layer::mediaType).containsOnly("application/vnd.oci.image.layer.v1.tar+gzip");
            assertThat(fromLayout.metadata().compressedSize()).get().satisfies(c -> assertThat(c).isPositive());
            assertThat(fromLayout.size()).isEqualTo(fromEngine.size());
            assertThat(fromLayout.filesystem().entries()).containsExactlyElementsOf(fromEngine.filesystem().entries());
            assertThat(fromLayout.readString("/data/new.txt")).contains("second\n");
        }
    }

    @Test
    void anImageTheEngineDoesNotHaveIsAClearError() {
        assertThatThrownBy(() -> ContainerImage.fromDaemon("image-assert-test/no-such-image:42").config())
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining("The engine has no image 'image-assert-test/no-such-image:42'");
    }
}

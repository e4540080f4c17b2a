package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.junit.BuildSpec;
import io.github.imageassert.junit.ImageBuilds;
import io.github.imageassert.junit.Preset;
import io.github.imageassert.junit.PresetsSource;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;

/** Presets of src/test/docker/template, each built once; the slim one also by @BuildImage and by buildAll. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class PresetsScenario {

    static final BuildSpec TEMPLATE = BuildSpec.dockerfile("src/test/docker/template/Dockerfile");

    @BuildImage(dockerfile = "src/test/docker/template/Dockerfile", buildArgs = "VARIANT=slim")
    static ContainerImage slimByAnnotation;

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @PresetsSource("src/test/docker/template/presets.properties")
    void eachPreset(Preset preset, ImageBuilds builds) {
        ContainerImage image = builds.build(TEMPLATE.with(preset));
        assertThat(image).file("/variant.txt").hasContent(preset.buildArgs().get("VARIANT") + "\n");
        assertThat(image).hasPlatform(preset.platform().isEmpty() ? "linux/amd64" : preset.platform());
        assertThat(image).file("/arch.txt").hasContent(preset.platform().isEmpty() ? "x86_64\n" : "aarch64\n");
    }

    @Order(2)
    @Test
    void buildAllSharesTheRunsBuilds(ImageBuilds builds) {
        List<ContainerImage> images = builds.buildAll(List.of(TEMPLATE.buildArg("VARIANT", "slim"),
                TEMPLATE.buildArg("VARIANT", "full"), TEMPLATE.buildArg("VARIANT", "slim")));
        org.assertj.core.api.Assertions.assertThat(images).extracting(i -> i.metadata().id())
                .containsExactly(slimByAnnotation.metadata().id(), images.get(1).metadata().id(), slimByAnnotation.metadata().id());
    }
}

package io.github.imageassert.junit.scenarios;

import io.github.imageassert.junit.BuildSpec;
import io.github.imageassert.junit.BuildsImages;
import io.github.imageassert.junit.ImageBuilds;
import io.github.imageassert.junit.Preset;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lint over presets with every kind of problem; expected to fail, naming each. */
@BuildsImages
public class TemplateLintScenario {

    @Test
    void lint(ImageBuilds builds) {
        builds.lint(BuildSpec.dockerfile("src/test/docker/template/Dockerfile"),
                Preset.read(Path.of("src/test/docker/template/lint-presets.properties")));
    }
}

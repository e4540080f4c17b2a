package io.github.imageassert.junit.scenarios;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** Heredocs of every shape: on a builder that knows them, their bodies end up as files. */
public class HeredocScenario {
    @BuildImage(dockerfile = "src/test/docker/written/heredocs/Dockerfile", target = "runtime")
    static ContainerImage image;

    @Test
    void theHeredocsBecameFiles() {
        assertThat(image).file("/app/app.conf").hasContent("# not a comment to the parser, a line of the file\n"
                + "FROM scratch AS packaged\nname = demo\n");
        assertThat(image).file("/app/build.log").hasContent("building in /src\n");
        assertThat(image).file("/app/parts/one.txt").hasContent("first part\n");
        assertThat(image).file("/app/parts/two.txt").hasContent("second part\n");
        assertThat(image).file("/app/joined.txt").hasContent("from A\nfrom B\n");
    }
}

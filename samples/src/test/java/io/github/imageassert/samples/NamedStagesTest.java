package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** named-stages: development, tester and production targets from one Dockerfile. */
class NamedStagesTest {

    @BuildImage(dockerfile = "named-stages/Dockerfile", target = "development")
    static ContainerImage development;

    @BuildImage(dockerfile = "named-stages/Dockerfile", target = "tester")
    static ContainerImage tester;

    @BuildImage(dockerfile = "named-stages/Dockerfile", target = "production")
    static ContainerImage production;

    @BuildImage(dockerfile = "named-stages/Dockerfile", target = "base")
    static ContainerImage base;

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "cc", "make", "git", "vi"})
    void developmentHasTheToolProductionDoesNot(String tool) {
        assertThat(development).hasExecutable(tool);
        assertThat(production).doesNotContainExecutable(tool);
    }

    @Test
    void theTesterRanTheTests() {
        assertThat(tester).file("/app/test-report.txt").hasContent("PASS: 3 checks, 0 failed\n");
        assertThat(production).doesNotHaveFile("/app/test-report.txt").doesNotHaveFile("/app/src");
    }

    @Test
    void onlyProductionRunsAsNonRoot() {
        assertThat(production).runsAsNonRoot().runsAsUser("app").hasEntrypoint("/usr/local/bin/hello");
        assertThat(production).file("/usr/local/bin/hello").isExecutable().hasOwner(0, 0);
        assertThat(development.user().isRoot()).isTrue();
        // production is its base plus one binary: nothing else added, changed or removed
        assertThat(production).relativeTo(base).addsOnlyFilesUnder("/usr/local/bin/hello").removesNoFiles();
    }

    @Test
    void budget() {
        // measured: production 116,688,xxx B = base + the 16 kB binary; development 428 MB
        assertThat(production).hasSizeAtMost((base.size() + 64_000) + " B").hasAtMostLayers(base.layers().size() + 3);
    }
}

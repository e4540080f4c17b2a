package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** node-prod-deps: deps -> builder -> runtime with production dependencies only. */
class NodeProdDepsTest {

    // npm needs this machine's CA bundle when a TLS-intercepting proxy sits in front of the registry; as a
    // secret it never reaches a layer.
    @BuildImage(dockerfile = "node-prod-deps/Dockerfile", target = "runtime", secrets = "build_ca=" + Samples.CA_BUNDLE)
    static ContainerImage runtime;

    @BuildImage(dockerfile = "node-prod-deps/Dockerfile", target = "builder", secrets = "build_ca=" + Samples.CA_BUNDLE)
    static ContainerImage builder;

    @Test
    void noDevDependencyShipped() {
        assertThat(runtime).doesNotShipNpmDevDependencies("/app/package.json")
                .doesNotShipNpmDevDependencies(Path.of("node-prod-deps/package.json"), "/app");
        assertThat(runtime).npmPackages().containsVersion("ms", "2.1.3").doesNotContain("is-number");
        // control: the builder's full install does ship it, and the check says which layer put it there
        assertThatThrownBy(() -> assertThat(builder).doesNotShipNpmDevDependencies("/app/package.json"))
                .hasMessageContaining("1 of them is a direct devDependency")
                .hasMessageContaining("is-number 7.0.0 at /app/node_modules/is-number, added by layer")
                .hasMessageContaining("(RUN /bin/sh -c { [ ! -s /run/secrets/build_ca ]");
        assertThat(runtime).hasFile("/app/node_modules/ms/package.json")
                .doesNotHaveFile("/app/node_modules/is-number").doesNotHaveFile("/app/node_modules/.bin");
        assertThat(builder).hasFile("/app/node_modules/is-number/package.json");
    }

    @Test
    void productionModeNonRootNoNpm() {
        assertThat(runtime).hasEnv("NODE_ENV", "production").runsAsNonRoot().runsAsUser("app").runsAsUser("10001")
                .hasExecutable("node").doesNotContainExecutables("npm", "npx").hasCmd("node", "dist/index.js").hasWorkdir("/app");
    }

    @Test
    void noNpmCacheNoSourcesNoTests() {
        assertThat(runtime).doesNotHaveFile("/root/.npm").hasNoFileMatching("**/.npm").hasNoFileMatching("**/*.test.js")
                .doesNotHaveFile("/app/src").doesNotHaveFile("/app/build.js").doesNotHaveFile("/app/package-lock.json")
                .hasFile("/app/dist/index.js");
        assertThat(builder).hasFileMatching("/app/src/*.test.js");
        assertThat(runtime).hasNoPackageManagerCaches().hasNoLeakedSecrets().hasNoWorldWritableFiles();
    }

    @Test
    void theProductionDependenciesLoadAndTheProcessRunsAsTheAppUser() {
        assertThat(runtime).running("node", "-e", "console.log(require('ms')('2h'))").succeeds().hasStdout("7200000");
        // the uid the engine gives the running process, not what the config says
        assertThat(runtime).running("node", "-e", "setTimeout(() => {}, 2000)").succeeds().ranAsUid(10001);
        assertThat(runtime).running("node", "-e", "require('is-number')").hasExitCode(1)
                .stderrContains("Cannot find module 'is-number'");
    }

    @Test
    void budget() {
        // measured: runtime 216,245,226 B in 6 layers; builder 349.5 MB
        assertThat(runtime).hasSizeLessThan("230 MB").hasAtMostLayers(6);
        assertThat(runtime.size()).isLessThan(builder.size() * 7 / 10);
    }
}

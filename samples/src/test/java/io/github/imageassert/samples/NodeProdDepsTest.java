package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
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
    }

    @Test
    void budget() {
        // measured: runtime 216,245,226 B in 6 layers; builder 349.5 MB
        assertThat(runtime).hasSizeLessThan("230 MB").hasAtMostLayers(6);
        assertThat(runtime.size()).isLessThan(builder.size() * 7 / 10);
    }
}

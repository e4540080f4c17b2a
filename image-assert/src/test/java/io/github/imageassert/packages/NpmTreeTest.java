package io.github.imageassert.packages;

import io.github.imageassert.internal.packages.NpmManifest;
import io.github.imageassert.internal.packages.NpmTree;
import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What production needs, told apart from what only development needed, on a crafted node_modules tree. */
class NpmTreeTest {

    @TempDir
    Path dir;

    private static final String APP = """
            {"name": "web", "version": "1.0.0",
             "dependencies": {"express": "^4.19.0"},
             "devDependencies": {"jest": "^29.7.0", "debug": "^4.3.0"}}""";

    private static String pkg(String name, String version, String deps) {
        return "{\"name\": \"" + name + "\", \"version\": \"" + version + "\", \"dependencies\": {" + deps + "}}";
    }

    private static LayerTar modules(boolean withDev) {
        LayerTar tar = new LayerTar().dir("/app").file("/app/package.json", APP)
                .file("/app/node_modules/express/package.json", pkg("express", "4.19.2", "\"accepts\": \"~1.3.8\", \"debug\": \"2.6.9\""))
                .file("/app/node_modules/accepts/package.json", pkg("accepts", "1.3.8", ""))
                // express needs debug 2.x, nested under it; the app's own dev debug 4.x sits at the top
                .file("/app/node_modules/express/node_modules/debug/package.json", pkg("debug", "2.6.9", "\"ms\": \"2.0.0\""))
                .file("/app/node_modules/ms/package.json", pkg("ms", "2.0.0", ""));
        if (withDev) {
            tar.file("/app/node_modules/jest/package.json", pkg("jest", "29.7.0", "\"jest-cli\": \"^29.7.0\""))
                    .file("/app/node_modules/jest-cli/package.json", pkg("jest-cli", "29.7.0", ""))
                    .file("/app/node_modules/debug/package.json", pkg("debug", "4.3.7", "\"ms\": \"2.1.3\""))
                    .file("/app/node_modules/debug/node_modules/ms/package.json", pkg("ms", "2.1.3", ""))
                    .file("/app/node_modules/@types/node/package.json", pkg("@types/node", "20.0.0", ""));
        }
        return tar;
    }

    @Test
    void aDevDependencyLeftInNodeModulesIsFoundWithWhatOnlyItNeeds() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(modules(true), "COPY --from=builder /app /app # buildkit")
                .writeLegacyDockerSave(dir.resolve("dev.tar"), "web:dev"));

        org.assertj.core.api.Assertions.assertThat(NpmTree.of(io.github.imageassert.TestAccess.loaded(image)).notNeededInProduction("/app",
                        NpmManifest.parse(APP.getBytes(), "package.json")))
                .extracting(NpmTree.Node::dir)
                .containsExactly("/app/node_modules/@types/node", "/app/node_modules/debug",
                        "/app/node_modules/debug/node_modules/ms", "/app/node_modules/jest", "/app/node_modules/jest-cli");
        org.assertj.core.api.Assertions.assertThat(image.packages(io.github.imageassert.packages.Ecosystem.NPM)).hasSize(9);

        assertThatThrownBy(() -> assertThat(image).doesNotShipNpmDevDependencies("/app/package.json")).hasMessage((
                "%nExpecting image:%n  web:dev%nto ship no npm package that only development needs (per /app/package.json)%n"
                        + "but 5 packages under /app/node_modules are needed by no production dependency; 2 of them are direct "
                        + "devDependencies (the other 3 only serve them):%n"
                        + "  debug 4.3.7 at /app/node_modules/debug, added by layer 0 (COPY --from=builder /app /app)%n"
                        + "  jest 29.7.0 at /app/node_modules/jest, added by layer 0 (COPY --from=builder /app /app)").formatted());
    }

    @Test
    void aProductionInstallPassesAlthoughADevDependencyNameIsInstalledForExpress() throws Exception {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(modules(false), "COPY --from=deps /app /app # buildkit")
                .writeLegacyDockerSave(dir.resolve("prod.tar"), "web:prod"));
        Path onDisk = Files.writeString(dir.resolve("package.json"), APP);

        assertThat(image).doesNotShipNpmDevDependencies("/app/package.json")
                .doesNotShipNpmDevDependencies(onDisk, "/app");
        assertThat(image).npmPackages().contains("express", "debug").containsVersion("debug", "2.6.9").doesNotContain("jest");
    }

    @Test
    void aMissingPackageJsonIsAFailureThatSaysWhatTheCheckNeeds() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(modules(false), "COPY --from=deps /app /app # buildkit")
                .writeLegacyDockerSave(dir.resolve("prod.tar"), "web:prod"));

        assertThatThrownBy(() -> assertThat(image).doesNotShipNpmDevDependencies("/srv/package.json"))
                .hasMessageContaining("/srv/package.json").hasMessageContaining("the check needs the app's package.json");
    }
}

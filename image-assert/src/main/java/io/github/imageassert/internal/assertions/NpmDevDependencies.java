package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHavePackageJson.shouldHavePackageJson;
import static io.github.imageassert.internal.assertions.error.ShouldNotShipDevDependencies.shouldNotShipDevDependencies;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.index.ImagePaths;
import io.github.imageassert.internal.packages.NpmManifest;
import io.github.imageassert.internal.packages.NpmTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/**
 * The assertion that no npm package under an app's {@code node_modules} is there only for development: every one is
 * needed, directly or through others, by the {@code dependencies} of the app's {@code package.json}.
 */
public final class NpmDevDependencies {

    /** A package.json is small; a bigger file is not one. */
    private static final int MAX_MANIFEST = 16 << 20;
    private static final NpmDevDependencies INSTANCE = new NpmDevDependencies();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private NpmDevDependencies() {
    }

    public static NpmDevDependencies instance() {
        return INSTANCE;
    }

    /** The app's package.json is read from the image; the app is the directory it is in. */
    public void assertShipsNoDevDependencies(AssertionInfo info, LoadedImage image, String packageJsonInImage) {
        objects.assertNotNull(info, image);
        Optional<byte[]> json = image.readFile(packageJsonInImage, MAX_MANIFEST);
        if (json.isEmpty()) {
            Resolution lookup = image.lookup(packageJsonInImage);
            throw failures.failure(info, shouldHavePackageJson(image, packageJsonInImage, lookup, ImageFacts.removal(image, lookup)));
        }
        NpmManifest app = NpmManifest.parse(json.get(), packageJsonInImage + " in " + image.description());
        assertShipsNoDevDependencies(info, image, app, packageJsonInImage, ImagePaths.parent(ImagePaths.normalize(packageJsonInImage)));
    }

    /** The app's package.json is read from disk; {@code appDirInImage} is where the app's node_modules lies. */
    public void assertShipsNoDevDependencies(AssertionInfo info, LoadedImage image, Path packageJsonOnDisk, String appDirInImage) {
        objects.assertNotNull(info, image);
        byte[] json;
        try {
            json = Files.readAllBytes(packageJsonOnDisk);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + packageJsonOnDisk.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        NpmManifest app = NpmManifest.parse(json, packageJsonOnDisk.toString());
        assertShipsNoDevDependencies(info, image, app, packageJsonOnDisk.toString(), appDirInImage);
    }

    private void assertShipsNoDevDependencies(AssertionInfo info, LoadedImage image, NpmManifest app, String manifestName,
                                              String appDir) {
        List<NpmTree.Node> extra = NpmTree.of(image).notNeededInProduction(appDir, app);
        if (!extra.isEmpty()) {
            String nodeModules = ImagePaths.child(ImagePaths.normalize(appDir), "node_modules");
            List<NpmTree.Node> direct = extra.stream()
                    .filter(n -> app.dev().contains(n.installed().name()) && isTopLevel(n, nodeModules)).toList();
            throw failures.failure(info, shouldNotShipDevDependencies(image, manifestName, nodeModules, extra, direct));
        }
    }

    private static boolean isTopLevel(NpmTree.Node node, String nodeModules) {
        String prefix = nodeModules + "/";
        return node.dir().startsWith(prefix) && !node.dir().substring(prefix.length()).contains("/node_modules/");
    }
}

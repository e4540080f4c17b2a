package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldNotShipDevDependencies.shouldNotShipDevDependencies;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.index.ImagePaths;
import io.github.imageassert.internal.packages.NpmManifest;
import io.github.imageassert.internal.packages.NpmTree;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Dev dependencies that shipped, named with the layer that added them. */
public final class NpmChecks {

    private static final int SHOWN = 20;

    private NpmChecks() {
    }

    public static Optional<ErrorMessageFactory> noDevDependencies(LoadedImage image, NpmManifest app, String manifestName,
                                                           String appDir) {
        List<NpmTree.Node> extra = NpmTree.of(image).notNeededInProduction(appDir, app);
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        List<NpmTree.Node> direct = extra.stream()
                .filter(n -> app.dev().contains(n.installed().name()) && isTopLevel(n, appDir)).toList();
        String heading = direct.isEmpty()
                ? "none is a direct devDependency; the first of them"
                : (direct.size() == 1 ? "1 of them is a direct devDependency" : direct.size() + " of them are direct devDependencies")
                        + (extra.size() > direct.size() ? " (the other " + (extra.size() - direct.size()) + " only serve them)" : "");
        List<NpmTree.Node> shown = direct.isEmpty() ? extra : direct;
        List<String> evidence = shown.stream().limit(SHOWN).map(n -> n.installed() + " at " + n.dir() + ", added by "
                + ImageFacts.layer(image, n.installed().layer())).toList();
        return Optional.of(shouldNotShipDevDependencies(image, manifestName, ImagePaths.child(ImagePaths.normalize(appDir),
                "node_modules"), ImageFacts.count(extra.size(), "package"), extra.size() == 1 ? "is" : "are", heading, evidence));
    }

    private static boolean isTopLevel(NpmTree.Node node, String appDir) {
        String modules = ImagePaths.child(ImagePaths.normalize(appDir), "node_modules") + "/";
        return node.dir().startsWith(modules) && !node.dir().substring(modules.length()).contains("/node_modules/");
    }
}

package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.packages.NpmTree;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** npm packages that only development needs are in the image; names the direct devDependencies among them. */
public final class ShouldNotShipDevDependencies extends ImageMessages {

    private static final int SHOWN = 20;

    /**
     * @param manifest    where the app's package.json was read, in the image or on disk
     * @param nodeModules the app's node_modules directory in the image
     * @param extra       every package no production dependency needs
     * @param direct      those of them the manifest lists as devDependencies, at the top of node_modules
     */
    public static ErrorMessageFactory shouldNotShipDevDependencies(LoadedImage image, String manifest, String nodeModules,
                                                                   List<NpmTree.Node> extra, List<NpmTree.Node> direct) {
        String heading = direct.isEmpty()
                ? "none is a direct devDependency; the first of them"
                : (direct.size() == 1 ? "1 of them is a direct devDependency" : direct.size() + " of them are direct devDependencies")
                        + (extra.size() > direct.size() ? " (the other " + (extra.size() - direct.size()) + " only serve them)" : "");
        List<String> evidence = (direct.isEmpty() ? extra : direct).stream().limit(SHOWN).map(n -> n.installed() + " at "
                + n.dir() + ", added by " + ImageEvidence.layer(image, n.installed().layer())).toList();
        return new ShouldNotShipDevDependencies(EXPECTING + "to ship no npm package that only development needs (per %s)%n"
                + "but %s under %s %s needed by no production dependency; %s:%s", image(image), plain(manifest),
                plain(ImageEvidence.count(extra.size(), "package")), plain(nodeModules), plain(extra.size() == 1 ? "is" : "are"),
                plain(heading), lines(evidence, evidence.size()));
    }

    private ShouldNotShipDevDependencies(String format, Object... arguments) {
        super(format, arguments);
    }
}

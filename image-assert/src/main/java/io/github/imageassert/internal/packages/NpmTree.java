package io.github.imageassert.internal.packages;

import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.index.ImagePaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The installed {@code node_modules} trees of an image, with each package's own dependencies, so that what a
 * production install needs can be told from what only development needed.
 */
public final class NpmTree {

    private static final Pattern MANIFEST = Pattern.compile(".*/node_modules/(@[^/]+/)?[^/.@][^/]*/package\\.json");

    /** One installed package: its directory ({@code /app/node_modules/express}) and what it needs at run time. */
    public record Node(InstalledPackage installed, String dir, Set<String> runtime) {
    }

    private final Map<String, Node> byDir;

    private NpmTree(Map<String, Node> byDir) {
        this.byDir = byDir;
    }

    public static NpmTree of(LoadedImage image) {
        Map<String, Node> byDir = new HashMap<>();
        image.readContents(Packages.live(image, MANIFEST), Packages.MAX_RECORD).forEach((entry, bytes) -> {
            String dir = ImagePaths.parent(entry.path());
            NpmManifest manifest;
            try {
                manifest = NpmManifest.parse(bytes, entry.path());
            } catch (IllegalArgumentException e) {
                return; // some packages ship broken fixtures named package.json; npm would not load them either
            }
            String name = manifest.name().isEmpty() ? dir.substring(dir.lastIndexOf("/node_modules/") + 14) : manifest.name();
            byDir.put(dir, new Node(new InstalledPackage(Ecosystem.NPM, name, manifest.version(), null, entry.path(),
                    entry.layer()), dir, manifest.runtime()));
        });
        return new NpmTree(byDir);
    }

    public List<Node> packages() {
        return byDir.values().stream().sorted(Comparator.comparing(Node::dir)).toList();
    }

    /**
     * Packages under {@code appDir/node_modules} that no production dependency of the app needs, directly or
     * through other packages, resolved the way Node's {@code require} does: the nearest {@code node_modules}
     * going up from the package that asks.
     */
    public List<Node> notNeededInProduction(String appDir, NpmManifest app) {
        String root = ImagePaths.normalize(appDir);
        Set<String> needed = new LinkedHashSet<>();
        Deque<Node> work = new ArrayDeque<>();
        for (String dep : app.runtime()) {
            resolve(root, dep).ifPresent(work::add);
        }
        while (!work.isEmpty()) {
            Node node = work.pop();
            if (needed.add(node.dir())) {
                for (String dep : node.runtime()) {
                    resolve(node.dir(), dep).ifPresent(work::add);
                }
            }
        }
        String modules = ImagePaths.child(root, "node_modules") + "/";
        List<Node> extra = new ArrayList<>();
        for (Node node : packages()) {
            if (node.dir().startsWith(modules) && !needed.contains(node.dir())) {
                extra.add(node);
            }
        }
        return extra;
    }

    private Optional<Node> resolve(String fromDir, String name) {
        String dir = fromDir;
        while (true) {
            Node found = byDir.get(ImagePaths.child(dir, "node_modules") + "/" + name);
            if (found != null) {
                return Optional.of(found);
            }
            if (dir.equals("/")) {
                return Optional.empty();
            }
            dir = ImagePaths.parent(dir);
        }
    }
}

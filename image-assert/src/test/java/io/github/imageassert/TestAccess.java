package io.github.imageassert;

import io.github.imageassert.internal.image.LoadedImage;

/** Lets tests of the library's inside reach what a public image delegates to. */
public final class TestAccess {

    private TestAccess() {
    }

    public static LoadedImage loaded(ContainerImage image) {
        return image.loaded();
    }

    /** Each layer's blob digest, as the manifest names it (what a registry serves). */
    public static java.util.List<String> layerBlobDigests(ContainerImage image) {
        return image.loaded().source().manifest().layers().stream()
                .map(io.github.imageassert.internal.source.LayerRef::digest).toList();
    }
}

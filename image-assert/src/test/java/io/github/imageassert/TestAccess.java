package io.github.imageassert;

import io.github.imageassert.internal.image.LoadedImage;

/** Lets tests of the library's inside reach what a public image delegates to. */
public final class TestAccess {

    private TestAccess() {
    }

    public static LoadedImage loaded(ContainerImage image) {
        return image.loaded();
    }
}

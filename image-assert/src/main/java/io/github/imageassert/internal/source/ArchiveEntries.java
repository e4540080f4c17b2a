package io.github.imageassert.internal.source;

import io.github.imageassert.internal.index.ImagePaths;

/** Names of entries inside an image archive (not inside a layer): how tar writers vary them, and their links. */
public final class ArchiveEntries {

    private ArchiveEntries() {
    }

    /** {@code ./blobs/sha256/ab/} and {@code blobs/sha256/ab} are the same entry. */
    public static String name(String raw) {
        String n = raw.startsWith("./") ? raw.substring(2) : raw;
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    /** Where a symlink entry points, as an archive entry name; docker save links a repeated layer to its first copy. */
    public static String linkTarget(String name, String link) {
        return ImagePaths.normalize(ImagePaths.parent("/" + name) + "/" + link).substring(1);
    }
}

package io.github.imageassert.internal.tar;

import io.github.imageassert.fs.PathEscapesRootException;
import io.github.imageassert.internal.index.ImagePaths;

/** Names in tars: paths inside a layer, and entry names of an image archive, as writers vary them. */
public final class TarNames {

    private TarNames() {
    }

    /** {@code ./a/b/}, {@code a/b} and {@code /a/b} all become {@code /a/b}; a name climbing above the root is refused. */
    public static String entryPath(String name, String label) {
        if (!name.contains("..")) {
            return ImagePaths.normalize(name); // without a parent reference, nothing can climb out
        }
        int depth = 0;
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    throw new PathEscapesRootException(name, label);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return ImagePaths.normalize(name);
    }

    /** An image archive's entry name: {@code ./blobs/sha256/ab/} and {@code blobs/sha256/ab} are the same entry. */
    public static String archiveName(String raw) {
        String n = raw.startsWith("./") ? raw.substring(2) : raw;
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    /** Where a symlink entry of an image archive points, as an entry name; docker save links a repeated layer to its first copy. */
    public static String archiveLinkTarget(String name, String link) {
        return ImagePaths.normalize(ImagePaths.parent("/" + name) + "/" + link).substring(1);
    }
}

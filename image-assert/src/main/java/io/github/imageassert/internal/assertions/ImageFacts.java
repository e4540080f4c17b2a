package io.github.imageassert.internal.assertions;

import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.index.ExecutableSearch;
import java.util.List;
import java.util.Optional;

/** What the assertions find out about an image for their evidence: where an executable lives, what removed a path. */
public final class ImageFacts {

    private ImageFacts() {
    }

    /** {@code 1 file}, {@code 3 files}. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code layer 3 (RUN apt-get install -y gcc)}. */
    public static String layer(LoadedImage image, int index) {
        return image.describeLayer(index);
    }

    /** {@code /usr/bin/gcc -> gcc-12: regular file, 1.2 MB, mode -rwxr-xr-x, added by layer 3 (RUN ...)}. */
    public static String describe(LoadedImage image, Resolution resolution) {
        io.github.imageassert.fs.FileEntry e = resolution.entry();
        String kind = switch (e.type()) {
            case DIRECTORY -> "directory";
            case SYMLINK -> "symlink to " + e.linkTarget();
            case HARDLINK -> "hard link to " + e.linkTarget();
            case REGULAR -> "regular file";
            default -> e.type().name().toLowerCase().replace('_', ' ');
        };
        String where = resolution.links().isEmpty() ? e.path() : resolution.describeChain() + " = " + e.path();
        String size = e.isRegularFile() ? ", " + io.github.imageassert.image.DataSize.human(e.size()) : "";
        return where + ": " + kind + size + ", " + e.modeString() + " " + e.uid() + ":" + e.gid()
                + ", added by " + layer(image, e.layer());
    }

    /** The {@code n} largest layers, each as {@code layer 2 (RUN ...): 80.1 MB}. */
    public static String largestLayers(LoadedImage image, io.github.imageassert.image.DataSize unit, int n) {
        StringBuilder out = new StringBuilder();
        image.layers().stream().sorted(java.util.Comparator.comparingLong(io.github.imageassert.image.Layer::size).reversed()).limit(n).forEach(l ->
                out.append(String.format("%n    ")).append(unit.format(l.size())).append("  ")
                        .append(layer(image, l.index())));
        return out.toString();
    }

    /** The directories of the image's PATH (its config's, else the engine's default). */
    public static List<String> pathDirs(LoadedImage image) {
        return ExecutableSearch.dirs(image.config().envValue("PATH").orElse(null));
    }

    /** What a shell would run for {@code name}: the first PATH entry that is an executable regular file. */
    public static Optional<Resolution> findExecutable(LoadedImage image, String name) {
        return ExecutableSearch.find(image.filesystem(), pathDirs(image), name);
    }

    /** The last layer's removal of a missing path, or of where its lookup stopped. */
    public static Optional<RemovedEntry> removal(LoadedImage image, Resolution lookup) {
        String path = lookup.requested();
        String finalPath = lookup.resolvedPath();
        return image.filesystem().removed().stream()
                .filter(gone -> gone.entry().path().equals(finalPath) || gone.entry().path().equals(path))
                .reduce((a, b) -> b);
    }
}

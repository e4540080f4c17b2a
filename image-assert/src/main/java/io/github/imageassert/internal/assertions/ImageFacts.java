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

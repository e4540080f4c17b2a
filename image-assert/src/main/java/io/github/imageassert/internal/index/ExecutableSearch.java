package io.github.imageassert.internal.index;

import io.github.imageassert.fs.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a program in a merged filesystem the way the runtime's exec would: a name with a slash is a path, a bare
 * name is searched along PATH, and the first executable regular file (links followed) wins. Shared by the
 * executable assertions and by running commands, so both agree on what "the image has this program" means.
 */
public final class ExecutableSearch {

    /** The PATH a container gets when its image sets none (the engine's default). */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ExecutableSearch() {
    }

    /** The directories of {@code pathValue}; null means the engine's default PATH. */
    public static List<String> dirs(String pathValue) {
        List<String> dirs = new ArrayList<>();
        for (String dir : (pathValue == null ? DEFAULT_PATH : pathValue).split(":")) {
            if (!dir.isBlank()) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    /** The first of {@code name} (a bare name searched in {@code dirs}, or a path) that is an executable regular file. */
    public static Optional<Resolution> find(MergedFilesystem filesystem, List<String> dirs, String name) {
        List<String> candidates = name.contains("/") ? List.of(ImagePaths.normalize(name))
                : dirs.stream().map(d -> ImagePaths.child(ImagePaths.normalize(d), name)).toList();
        for (String candidate : candidates) {
            Resolution r = filesystem.lookup(candidate, true);
            if (r.exists() && r.entry().isRegularFile() && r.entry().isExecutableByAnyone()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

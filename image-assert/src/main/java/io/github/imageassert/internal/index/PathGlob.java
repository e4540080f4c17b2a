package io.github.imageassert.internal.index;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * A glob over absolute image paths, with {@link java.nio.file.FileSystem#getPathMatcher} semantics:
 * {@code *} stays within a directory, {@code **} crosses them. The one place globs are compiled.
 */
public final class PathGlob {

    private final String glob;
    private final PathMatcher matcher;

    private PathGlob(String glob) {
        this.glob = glob;
        try {
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a glob: '" + glob + "' (" + e.getMessage() + ")", e);
        }
    }

    public static PathGlob of(String glob) {
        return new PathGlob(glob);
    }

    /** True when any of {@code globs} matches {@code path}. */
    public static boolean anyMatches(List<PathGlob> globs, String path) {
        Path p = Path.of(path);
        for (PathGlob g : globs) {
            if (g.matcher.matches(p)) {
                return true;
            }
        }
        return false;
    }

    public boolean matches(String path) {
        return matcher.matches(Path.of(path));
    }

    @Override
    public String toString() {
        return glob;
    }
}

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
    /**
     * For the shapes rules use most ({@code **}, {@code **}{@code /name}, {@code **}{@code /dir/name},
     * {@code **}{@code /*.ext}): the same answer without a regex.
     */
    private final java.util.function.Predicate<String> fast;
    /**
     * For other globs without alternatives, classes or escapes: the longest literal run, which every match
     * contains, so that most paths are refused without building a {@link Path} and running the matcher's regex.
     */
    private final String mustContain;

    private PathGlob(String glob) {
        this.glob = glob;
        try {
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a glob: '" + glob + "' (" + e.getMessage() + ")", e);
        }
        this.fast = shortcut(glob);
        this.mustContain = fast == null ? longestLiteral(glob) : "";
    }

    private static String longestLiteral(String glob) {
        if (glob.chars().anyMatch(c -> "[]{}\\".indexOf(c) >= 0)) {
            return "";
        }
        String longest = "";
        for (String run : glob.split("[*?]+")) {
            if (run.length() > longest.length()) {
                longest = run;
            }
        }
        return longest;
    }

    private static java.util.function.Predicate<String> shortcut(String glob) {
        if (glob.equals("**")) {
            return path -> true;
        }
        if (glob.startsWith("**/")) {
            String rest = glob.substring(3);
            if (isLiteral(rest.replace("/", ""))) {
                String suffix = "/" + rest;
                return path -> path.endsWith(suffix);
            }
            if (rest.startsWith("*") && isLiteral(rest.substring(1)) && !rest.substring(1).isEmpty()) {
                String suffix = rest.substring(1);
                return path -> path.endsWith(suffix) && path.lastIndexOf('/') <= path.length() - suffix.length() - 1;
            }
        }
        return null;
    }

    private static boolean isLiteral(String part) {
        for (char c : part.toCharArray()) {
            if ("*?[]{}\\/".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    public static PathGlob of(String glob) {
        return new PathGlob(glob);
    }

    /** True when any of {@code globs} matches {@code path}. */
    public static boolean anyMatches(List<PathGlob> globs, String path) {
        // by index: asked for every rule and every entry of an image, an iterator each time made a megabyte of garbage a scan
        for (int i = 0; i < globs.size(); i++) {
            if (globs.get(i).matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** @param path absolute and normalised, as the index holds it */
    public boolean matches(String path) {
        if (fast != null) {
            return fast.test(path);
        }
        return path.contains(mustContain) && matcher.matches(Path.of(path));
    }

    @Override
    public String toString() {
        return glob;
    }
}

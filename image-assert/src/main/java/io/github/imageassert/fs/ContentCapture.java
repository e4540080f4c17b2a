package io.github.imageassert.fs;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which file contents to keep while a layer streams past, so that common questions (users, packages) need no
 * second read. Anything not captured is read on demand later.
 */
public record ContentCapture(Predicate<String> paths, int maxBytes) {

    /** Files every image question may need: who the users are. */
    public static final Set<String> ESSENTIAL = Set.of("/etc/passwd", "/etc/group", "/etc/os-release",
            "/usr/lib/os-release");

    public static ContentCapture essentials() {
        return new ContentCapture(ESSENTIAL::contains, 1 << 20);
    }

    public static ContentCapture none() {
        return new ContentCapture(path -> false, 0);
    }

    public ContentCapture or(Predicate<String> more) {
        return new ContentCapture(paths.or(more), maxBytes);
    }

    boolean wants(String path, long size) {
        return size <= maxBytes && paths.test(path);
    }
}

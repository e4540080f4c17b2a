package io.github.imageassert.internal.index;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which file contents to keep while a layer streams past, so that common questions (users, packages) need no
 * second read. Anything not captured is read on demand later.
 */
public record ContentCapture(Predicate<String> paths, int maxBytes) {

    /**
     * Small files many image questions need: who the users are, and which OS packages are installed (every copy
     * of the package databases, so that no package question needs a second read of the layers).
     */
    public static final Set<String> ESSENTIAL = Set.of("/etc/passwd", "/etc/group", "/etc/os-release",
            "/usr/lib/os-release", "/var/lib/dpkg/status", "/lib/apk/db/installed");

    private static final String DISTROLESS_STATUS = "/var/lib/dpkg/status.d/";

    public static ContentCapture essentials() {
        return new ContentCapture(path -> ESSENTIAL.contains(path) || path.startsWith(DISTROLESS_STATUS), 4 << 20);
    }

    public static ContentCapture none() {
        return new ContentCapture(path -> false, 0);
    }

    public ContentCapture or(Predicate<String> more) {
        return new ContentCapture(paths.or(more), maxBytes);
    }

    public boolean wants(String path, long size) {
        return size <= maxBytes && paths.test(path);
    }
}

package io.github.imageassert.internal.index;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path arithmetic inside an image root, where {@code /..} is {@code /}, as for a process chrooted there. */
public final class ImagePaths {

    private ImagePaths() {
    }

    /**
     * Makes a path absolute and normalised: {@code usr//bin/./gcc/} becomes {@code /usr/bin/gcc}; {@code ..}
     * at the root stays at the root. No symlink is followed.
     */
    public static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
    }

    public static String parent(String normalized) {
        int slash = normalized.lastIndexOf('/');
        return slash <= 0 ? "/" : normalized.substring(0, slash);
    }

    public static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}

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
        String relative = path.startsWith("./") ? path.substring(2) : path.startsWith("/") ? path.substring(1) : path;
        if (isClean(relative)) {
            return "/" + relative; // what nearly every tar entry and question is: nothing to resolve
        }
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

    /** Non-empty, no empty, {@code .} or {@code ..} component, no leading or trailing slash. */
    private static boolean isClean(String relative) {
        int n = relative.length();
        if (n == 0 || relative.charAt(0) == '/' || relative.charAt(n - 1) == '/') {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || relative.charAt(i) == '/') {
                int len = i - start;
                if (len == 0 || relative.charAt(start) == '.' && (len == 1 || len == 2 && relative.charAt(start + 1) == '.')) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    public static String parent(String normalized) {
        int slash = normalized.lastIndexOf('/');
        return slash <= 0 ? "/" : normalized.substring(0, slash);
    }

    public static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}

package io.github.imageassert.internal.index;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.fs.SymlinkLoopException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Path lookup inside an image root with the kernel's rules: intermediate symlinks are always followed, the
 * last one only when asked, relative targets resolve against the link's directory, absolute targets against
 * the image root, {@code ..} stops at the root, and more than {@link #MAX_HOPS} links is a loop.
 */
public final class PathResolver {

    public static final int MAX_HOPS = SymlinkLoopException.MAX_HOPS;

    private final Function<String, FileEntry> lookup;

    PathResolver(Function<String, FileEntry> lookup) {
        this.lookup = lookup;
    }

    public Resolution resolve(String path, boolean followLast) {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, path);
        String current = "/";
        List<String> links = new ArrayList<>();
        int hops = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.equals("..")) {
                current = ImagePaths.parent(current);
                continue;
            }
            String next = ImagePaths.child(current, part);
            FileEntry entry = lookup.apply(next);
            if (entry == null) {
                return new Resolution(path, next, null, links);
            }
            if (entry.isSymlink() && (followLast || !todo.isEmpty())) {
                links.add(next + " -> " + entry.linkTarget());
                if (++hops > MAX_HOPS) {
                    throw new SymlinkLoopException(path, links);
                }
                push(todo, entry.linkTarget());
                if (entry.linkTarget().startsWith("/")) {
                    current = "/";
                }
                continue;
            }
            if (!entry.isDirectory() && !todo.isEmpty()) {
                return new Resolution(path, next + "/" + todo.peekFirst(), null, links); // ENOTDIR
            }
            current = next;
        }
        return new Resolution(path, current, lookup.apply(current), links);
    }

    /** Puts the components of {@code path} in front of what is still to do, in order. */
    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                todo.addFirst(parts[i]);
            }
        }
    }
}

package io.github.imageassert.fs;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of looking a path up the way the kernel would.
 *
 * @param requested    the path as asked
 * @param resolvedPath where the lookup ended (after following links); for a missing path, the first component
 *                     that does not exist
 * @param entry        the entry found, or null when the path does not exist
 * @param links        each symlink followed, as {@code path -> target}
 */
public record Resolution(String requested, String resolvedPath, FileEntry entry, List<String> links) {

    public Resolution {
        links = List.copyOf(links);
    }

    public boolean exists() {
        return entry != null;
    }

    public Optional<FileEntry> entryIfPresent() {
        return Optional.ofNullable(entry);
    }

    /** {@code /bin/gcc -> /usr/bin/gcc -> gcc-12}, or the path alone when no link was followed. */
    public String describeChain() {
        if (links.isEmpty()) {
            return requested;
        }
        return requested + " (via " + String.join(", ", links) + ")";
    }
}

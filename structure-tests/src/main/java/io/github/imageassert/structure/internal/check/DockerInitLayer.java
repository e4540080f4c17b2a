package io.github.imageassert.structure.internal.check;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import java.util.Map;
import java.util.Optional;

/**
 * What Docker adds to every container's filesystem, over the image, before the container starts (its "init
 * layer"): {@code /.dockerenv}, {@code /etc/hosts}, {@code /etc/hostname}, {@code /etc/resolv.conf} and
 * {@code /dev/console} as empty files with mode 0755, {@code /dev/pts}, {@code /dev/shm}, {@code /proc} and
 * {@code /sys} as folders, {@code /etc/mtab} as a link to {@code /proc/mounts}. CST's docker driver reads files
 * from such a created container, so its file tests see them (an image's own {@code /etc/hosts} shows as that empty
 * file); its tar driver, which reads the image, does not. Applied to images read from an engine, the same way.
 */
final class DockerInitLayer {

    private static final Map<String, FileType> ENTRIES = Map.of(
            "/.dockerenv", FileType.REGULAR,
            "/etc/hosts", FileType.REGULAR,
            "/etc/hostname", FileType.REGULAR,
            "/etc/resolv.conf", FileType.REGULAR,
            "/dev/console", FileType.REGULAR,
            "/dev/pts", FileType.DIRECTORY,
            "/dev/shm", FileType.DIRECTORY,
            "/proc", FileType.DIRECTORY,
            "/sys", FileType.DIRECTORY,
            "/etc/mtab", FileType.SYMLINK);

    /** Created as parents of the above when the image has none. */
    private static final Map<String, FileType> PARENTS = Map.of("/etc", FileType.DIRECTORY, "/dev", FileType.DIRECTORY);

    private DockerInitLayer() {
    }

    /** The entry Docker puts at {@code path} (absolute, normalised), if it puts one there. */
    static Optional<FileEntry> entry(String path) {
        FileType type = ENTRIES.get(path);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(make(path, type));
    }

    /** A parent folder Docker creates when the image lacks it ({@code /etc}, {@code /dev}). */
    static Optional<FileEntry> parent(String path) {
        FileType type = PARENTS.get(path);
        return type == null ? Optional.empty() : Optional.of(make(path, type));
    }

    /** The files Docker adds are empty. */
    static boolean isEmptyFile(String path) {
        return ENTRIES.get(path) == FileType.REGULAR;
    }

    private static FileEntry make(String path, FileType type) {
        return new FileEntry(path, type, type == FileType.SYMLINK ? 0777 : 0755, 0, 0, 0,
                type == FileType.SYMLINK ? "/proc/mounts" : null, 0, -1);
    }

    /** {@code //etc/./hosts/} is {@code /etc/hosts}. */
    static String normalize(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int slash = out.lastIndexOf("/");
                out.setLength(Math.max(slash, 0));
                continue;
            }
            out.append('/').append(part);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}

package io.github.imageassert.structure.internal.check;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.fs.ImageFilesystem;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.structure.internal.config.FileContentTest;
import io.github.imageassert.structure.internal.config.FileExistenceTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * File existence and file content tests, answered from the image's index (no container): the same entry a
 * container would show at the path, as CST's docker driver gets it from the engine's archive of that path.
 */
final class FileChecks {

    /** A larger file is refused rather than read into memory whole. */
    static final long MAX_CONTENT = 64L * 1024 * 1024;

    private FileChecks() {
    }

    /** {@code configEnv} null: the path is taken as written, as CST's schema 1.0.0 takes it. */
    static TestResult existence(ContainerImage image, Map<String, String> configEnv, FileExistenceTest test) {
        Findings f = new Findings(TestKind.FILE_EXISTENCE, test.name());
        if (test.name().isEmpty()) {
            f.error("Please provide a valid name for every test");
        }
        if (test.path().isEmpty()) {
            f.error("Please provide a valid file path for test " + test.name());
        }
        if (f.failed()) {
            return f.result();
        }
        // CST expands $VARS in the path from the image's environment (with the global variables)
        String path = configEnv == null ? test.path() : GoExpand.expand(test.path(), configEnv);
        Optional<FileEntry> found = stat(image.filesystem(), path, image.engineReference().isPresent());
        if (found.isEmpty()) {
            if (test.shouldExist()) {
                f.error("File " + test.path() + " should exist but does not: " + missing(image.filesystem(), path));
            }
            return f.result();
        }
        FileEntry entry = found.get();
        if (!test.shouldExist()) {
            f.error("File " + test.path() + " should not exist but does");
        }
        String perms = GoFileMode.of(entry);
        if (!test.permissions().isEmpty() && !perms.equals(test.permissions())) {
            f.error(test.path() + " has incorrect permissions. Expected: " + test.permissions() + ", Actual: " + perms
                    + permissionsHint(test.permissions()));
        }
        if (!test.isExecutableBy().isEmpty()) {
            int mode = GoFileMode.mode(entry);
            Integer mask = switch (test.isExecutableBy()) {
                case "any" -> 0111;
                case "owner" -> 0100;
                case "group" -> 0010;
                case "other" -> 0001;
                default -> null;
            };
            if (mask == null) {
                f.error(test.isExecutableBy() + " not recognised as a valid option (isExecutableBy is one of owner, "
                        + "group, other, any)");
            } else if ((mode & mask) == 0) {
                f.error(test.path() + " has incorrect executable bit. Expected to be executable by "
                        + test.isExecutableBy() + ", Actual: " + perms);
            }
        }
        if (test.uid() != null && entry.uid() != test.uid()) {
            f.error(test.path() + " has incorrect user ownership. Expected: " + test.uid() + ", Actual: " + entry.uid());
        }
        if (test.gid() != null && entry.gid() != test.gid()) {
            f.error(test.path() + " has incorrect group ownership. Expected: " + test.gid() + ", Actual: " + entry.gid());
        }
        return f.result();
    }

    static TestResult content(ContainerImage image, FileContentTest test) {
        Findings f = new Findings(TestKind.FILE_CONTENT, test.name());
        if (test.name().isEmpty()) {
            f.error("Please provide a valid name for every test");
        }
        if (test.path().isEmpty()) {
            f.error("Please provide a valid file path for test " + test.name());
        }
        if (f.failed()) {
            return f.result();
        }
        String path = absolute(test.path());
        if (image.engineReference().isPresent() && DockerInitLayer.isEmptyFile(DockerInitLayer.normalize(path))) {
            checkContents(f, test, new byte[0]);
            return f.result();
        }
        Resolution r = image.filesystem().lookup(path, true);
        if (!r.exists()) {
            f.error("Failed to open " + test.path() + ". Error: " + missing(image.filesystem(), path));
            return f.result();
        }
        FileEntry entry = r.entry();
        if (entry.isDirectory()) {
            f.error("Failed to open " + test.path() + ". Error: Cannot read specified path: " + test.path()
                    + " is a directory, not a file");
            return f.result();
        }
        if (!entry.isRegularFile()) {
            f.error("Failed to open " + test.path() + ". Error: " + r.describeChain() + " is not a regular file ("
                    + entry.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
            return f.result();
        }
        if (entry.size() > MAX_CONTENT) {
            f.error("Failed to open " + test.path() + ". Error: " + entry.size() + " bytes is more than the "
                    + MAX_CONTENT + " a content test reads");
            return f.result();
        }
        checkContents(f, test, image.readFile(path, (int) Math.max(entry.size(), 0)).orElse(new byte[0]));
        return f.result();
    }

    private static void checkContents(Findings f, FileContentTest test, byte[] bytes) {
        String contents = new String(bytes, StandardCharsets.UTF_8);
        for (String regex : test.expectedContents()) {
            Boolean found = Checks.find(f, regex, bytes);
            if (found != null && !found) {
                f.error("Expected string '" + regex + "' not found in file content string '" + Texts.shorten(contents) + "'");
            }
        }
        for (String regex : test.excludedContents()) {
            Boolean found = Checks.find(f, regex, bytes);
            if (found != null && found) {
                f.error("Excluded string '" + regex + "' found in file content string '" + Texts.shorten(contents) + "'");
            }
        }
    }

    /**
     * The entry at {@code path} as the engine's archive of that path shows it: a final symlink is not followed
     * (its mode is {@code Lrwxrwxrwx}), links on the way are; a path ending in {@code /} must be a directory and
     * follows a final link, as the archive endpoint does. A hard link shows its file's mode and owner. For an
     * image read from an engine, what Docker adds to every container is there too ({@link DockerInitLayer}), as
     * CST's docker driver sees it.
     */
    static Optional<FileEntry> stat(ImageFilesystem fs, String rawPath, boolean dockerInitLayer) {
        String path = absolute(rawPath);
        boolean dirOnly = path.length() > 1 && (path.endsWith("/") || path.endsWith("/."));
        if (dockerInitLayer) {
            String normal = DockerInitLayer.normalize(path);
            Optional<FileEntry> added = DockerInitLayer.entry(normal);
            if (added.isPresent() && !(dirOnly && !added.get().isDirectory())) {
                return added;
            }
            if (fs.entry(normal).isEmpty()) {
                Optional<FileEntry> parent = DockerInitLayer.parent(normal);
                if (parent.isPresent()) {
                    return parent;
                }
            }
        }
        Resolution r = fs.lookup(path, dirOnly);
        if (!r.exists() || dirOnly && !r.entry().isDirectory()) {
            return Optional.empty();
        }
        FileEntry entry = r.entry();
        if (entry.type() == FileType.HARDLINK && entry.linkTarget() != null) {
            Optional<FileEntry> target = fs.entry(entry.linkTarget());
            if (target.isPresent()) {
                FileEntry t = target.get();
                return Optional.of(new FileEntry(entry.path(), FileType.REGULAR, t.mode(), t.uid(), t.gid(), t.size(),
                        null, t.mtime(), entry.layer()));
            }
        }
        return Optional.of(entry);
    }

    /** Paths in a config are relative to the root, as the engine reads a container path. */
    static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    static String missing(ImageFilesystem fs, String path) {
        Resolution r = fs.lookup(path, true);
        if (r.exists()) {
            return "no such file in the image";
        }
        String at = r.resolvedPath();
        return "no such file in the image" + (at != null && !at.equals(path) ? " (" + at + " does not exist"
                + (r.links().isEmpty() ? "" : ", via " + String.join(", ", r.links())) + ")" : "");
    }

    /** Go's format is not ls's: say so when the expected string looks like ls. */
    private static String permissionsHint(String expected) {
        if (expected.length() == 10 && (expected.charAt(3) == 's' || expected.charAt(3) == 'S'
                || expected.charAt(6) == 's' || expected.charAt(6) == 'S' || expected.charAt(9) == 't'
                || expected.charAt(9) == 'T' || expected.charAt(0) == 'l')) {
            return " (CST compares Go's FileMode format: setuid, setgid and sticky are the letters u, g, t in front, "
                    + "a symlink is L, e.g. urwxr-xr-x, dtrwxrwxrwx, Lrwxrwxrwx; not ls's rwsr-xr-x)";
        }
        return "";
    }
}

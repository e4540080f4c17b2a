package io.github.imageassert.fuzz;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the library answered about one image: config, layers, every live entry and every regular file's bytes (up to
 * {@link #MAX_READ}), the user, and any invariant it broke on the way (answers that contradict each other, whatever
 * the model says).
 */
record Answers(ImageConfig config, List<String> diffIds, List<FileEntry> entries, Map<String, byte[]> contents, Long uid,
               List<String> violations) {

    static final int MAX_READ = 1 << 20;
    private static final int SMALL_READ = 7;
    private static final int PROBES = 8;

    /** Asks every question; runs on the case's worker thread. */
    static Answers ask(ContainerImage image) {
        ImageConfig config = image.config();
        List<String> diffIds = image.layers().stream().map(Layer::diffId).toList();
        List<FileEntry> entries = new ArrayList<>(image.filesystem().entries());
        List<String> violations = new ArrayList<>();
        for (FileEntry e : entries) {
            if (!isNormal(e.path())) {
                violations.add("entry path is not absolute and normal: '" + printable(e.path()) + "'");
            }
        }
        var fs = image.filesystem();
        for (FileEntry e : entries) {
            FileEntry found = fs.entry(e.path()).orElse(null);
            if (!e.equals(found)) {
                violations.add(e.type() + " " + printable(e.path()) + " is listed but looking it up gives "
                        + (found == null ? "nothing" : found.type() + " " + printable(found.path())));
            }
        }
        List<FileEntry> regular = entries.stream().filter(FileEntry::isRegularFile).toList();
        Map<FileEntry, byte[]> read = image.readContents(regular, MAX_READ);
        Map<String, byte[]> contents = new HashMap<>();
        for (FileEntry e : regular) {
            byte[] bytes = read.get(e);
            long expected = Math.min(e.size(), MAX_READ);
            if (bytes == null) {
                violations.add(e.type() + " " + printable(e.path()) + " of size " + e.size() + " is listed but readContents gave no bytes");
            } else if (bytes.length != expected) {
                violations.add(e.type() + " " + printable(e.path()) + " has size " + e.size() + " but readContents gave " + bytes.length + " bytes");
            } else {
                contents.put(e.path(), bytes);
            }
        }
        int probes = 0;
        for (FileEntry e : regular) {
            if (probes++ == PROBES) {
                break;
            }
            byte[] small = image.readFile(e.path(), SMALL_READ).orElse(null);
            byte[] whole = contents.get(e.path());
            if (small == null) {
                violations.add("readFile(" + printable(e.path()) + ", 7) is empty for a listed regular file");
            } else if (small.length > SMALL_READ) {
                violations.add("readFile(" + printable(e.path()) + ", 7) gave " + small.length + " bytes");
            } else if (whole != null && !Arrays.equals(small, Arrays.copyOf(whole, Math.min(whole.length, SMALL_READ)))) {
                violations.add("readFile(" + printable(e.path()) + ", 7) differs from readContents' first bytes");
            }
        }
        Long uid = image.user().uid();
        return new Answers(config, diffIds, entries, contents, uid, violations);
    }

    private static boolean isNormal(String path) {
        return path.startsWith("/") && (path.equals("/") || !path.endsWith("/")) && !path.contains("//")
                && !path.contains("/./") && !path.contains("/../") && !path.endsWith("/..") && !path.endsWith("/.")
                && path.indexOf('\0') < 0;
    }

    static String printable(String s) {
        String shown = s.length() > 120 ? s.substring(0, 60) + "…(" + s.length() + " chars)…" + s.substring(s.length() - 30) : s;
        return shown.replace("\0", "\\0").replace("\n", "\\n");
    }
}

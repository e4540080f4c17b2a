package io.github.imageassert.fuzz;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Layout} to disk: a directory, or a tar whose members' data ranges are recorded. */
final class Materializer {

    /** Where the archive is, and for a tar where each member's data lies: name → {start, end}. */
    record Written(Path input, Map<String, long[]> ranges) {
    }

    private Materializer() {
    }

    static Written write(Layout layout, Path caseDir) throws IOException {
        Path outside = caseDir.resolve("outside");
        for (Map.Entry<String, Blob> e : layout.outside.entrySet()) {
            Path f = inside(outside, e.getKey());
            Files.createDirectories(f.getParent());
            writeFile(f, e.getValue());
        }
        return layout.directory ? directory(layout, caseDir.resolve("layout"), outside) : tar(layout, caseDir.resolve("image.tar"), outside);
    }

    private static Written directory(Layout layout, Path dir, Path outside) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, Layout.FileRec> e : layout.files.entrySet()) {
            Path f = inside(dir, e.getKey());
            if (f == null) {
                continue; // a name no directory can hold (NUL, climbing out): the layout simply lacks it
            }
            Files.createDirectories(f.getParent());
            if (Files.isDirectory(f)) {
                continue;
            }
            writeFile(f, placed(e.getValue().data(), outside));
        }
        return new Written(dir, Map.of());
    }

    private static Written tar(Layout layout, Path file, Path outside) throws IOException {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            TarWriter tar = new TarWriter(out);
            for (Map.Entry<String, Layout.FileRec> e : layout.files.entrySet()) {
                Blob data = placed(e.getValue().data(), outside);
                long start = tar.addFile(e.getKey(), data);
                ranges.put(e.getKey(), new long[] {start, start + data.size()});
            }
            for (TarEntry extra : layout.extraMembers) {
                tar.add(extra);
            }
            tar.finish();
        }
        return new Written(file, ranges);
    }

    /** Where the case's outside files are, written into a small document that names {@link #OUTSIDE}. */
    private static Blob placed(Blob data, Path outside) {
        if (data.size() > (1 << 20)) {
            return data;
        }
        String text = new String(data.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains(OUTSIDE) ? Blob.of(text.replace(OUTSIDE, outside.toAbsolutePath().toString())
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) : data;
    }

    /** A placeholder for the absolute path of the case's outside directory. */
    static final String OUTSIDE = "@OUTSIDE@";

    /** The file {@code name} names under {@code root}, or null when it would not be inside it. */
    static Path inside(Path root, String name) {
        try {
            if (name.isEmpty() || name.indexOf('\0') >= 0) {
                return null;
            }
            Path f = root.resolve(name).normalize();
            return f.startsWith(root) && !f.equals(root) ? f : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static void writeFile(Path f, Blob data) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            data.writeTo(out);
        }
    }
}

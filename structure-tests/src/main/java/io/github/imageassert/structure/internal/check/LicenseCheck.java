package io.github.imageassert.structure.internal.check;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.ImageFilesystem;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.structure.internal.config.LicenseTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A license test, as CST runs it: with {@code debian}, every package folder directly under {@code /usr/share/doc}
 * (a real folder, not a link; {@code libgnutls30} excused) must have a {@code copyright} file, and each file
 * checked (those and {@code files}) must not contain {@code AGPL} or {@code WTFPL} in any case.
 */
final class LicenseCheck {

    static final String DEBIAN_ROOT = "/usr/share/doc";
    static final String LICENSE_FILE = "copyright";
    static final List<String> EXCUSED = List.of("libgnutls30");
    static final List<String> REFUSED = List.of("AGPL", "WTFPL");

    private static final int MAX_LICENSE = 16 * 1024 * 1024;

    private LicenseCheck() {
    }

    static TestResult run(ContainerImage image, LicenseTest test) {
        Findings f = new Findings(TestKind.LICENSE, "");
        ImageFilesystem fs = image.filesystem();
        List<String> files = new ArrayList<>();
        if (test.debian()) {
            Optional<FileEntry> root = fs.resolve(DEBIAN_ROOT);
            if (root.isEmpty() || !root.get().isDirectory()) {
                f.error("Error reading directory: " + DEBIAN_ROOT + (root.isEmpty() ? " does not exist" : " is not a directory"));
                return f.result();
            }
            String dir = root.get().path();
            for (FileEntry e : fs.under(dir)) {
                String rest = e.path().substring(dir.length() + 1);
                if (!e.isDirectory() || rest.contains("/") || EXCUSED.contains(rest)) {
                    continue;
                }
                String license = DEBIAN_ROOT + "/" + rest + "/" + LICENSE_FILE;
                if (fs.entry(license).isEmpty()) {
                    f.error("Error reading license file for " + rest + ": " + license + " does not exist");
                }
                files.add(license);
            }
        }
        files.addAll(test.files());
        Map<String, FileEntry> readable = new LinkedHashMap<>();
        for (String file : files) {
            Resolution r = fs.lookup(FileChecks.absolute(file), true);
            if (!r.exists() || !r.entry().isRegularFile()) {
                f.error("Error reading license file for " + file + ": " + (r.exists() ? "not a regular file"
                        : FileChecks.missing(fs, FileChecks.absolute(file))));
            } else {
                readable.put(file, r.entry());
            }
        }
        Map<FileEntry, byte[]> contents = image.readContents(readable.values(), MAX_LICENSE);
        readable.forEach((file, entry) -> {
            String upper = new String(contents.getOrDefault(entry, new byte[0]), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
            for (String word : REFUSED) {
                if (upper.contains(word)) {
                    f.error("Invalid license for " + file + ", license contains " + word);
                    break;
                }
            }
        });
        return f.result();
    }
}

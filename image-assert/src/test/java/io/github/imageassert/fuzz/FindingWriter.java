package io.github.imageassert.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes each non-RIGHT/TYPED case to the findings directory: a report with the case's description, the verdict
 * and the command that replays it, plus the archive itself when it is small. At most a few files per signature.
 */
final class FindingWriter {

    private static final int PER_SIGNATURE = 5;
    private static final long COPY_UP_TO = 20L << 20;

    private final Path dir;
    private final Map<String, Integer> seen = new HashMap<>();

    FindingWriter(Path dir) {
        this.dir = dir;
    }

    void write(FuzzCase c, Verdict v) throws IOException {
        int n = seen.merge(v.signature(), 1, Integer::sum);
        if (n > PER_SIGNATURE) {
            return;
        }
        Files.createDirectories(dir);
        String id = c.seed + "-" + c.index + "-" + v.outcome();
        String report = c.describe() + "\n\noutcome " + v.outcome() + " after " + v.millis() + " ms\n" + v.detail()
                + "\n\nsignature: " + v.signature()
                + "\nreplay: scripts/fuzz.sh --replay " + c.seed + " " + c.index
                + "\nthe archive as run: " + id + "/" + c.input.getFileName() + (size(c.input) > COPY_UP_TO ? " (not kept: too big; replay makes it)" : "")
                + "\n";
        Files.writeString(dir.resolve(id + ".txt"), report, StandardCharsets.UTF_8);
        if (size(c.input) <= COPY_UP_TO) {
            copy(c.input, dir.resolve(id).resolve(c.input.getFileName()));
            if (Files.isDirectory(c.dir.resolve("outside"))) {
                copy(c.dir.resolve("outside"), dir.resolve(id).resolve("outside"));
            }
        }
    }

    static long size(Path p) {
        try (Stream<Path> all = Files.walk(p)) {
            return all.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

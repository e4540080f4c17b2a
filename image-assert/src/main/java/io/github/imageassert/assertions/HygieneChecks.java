package io.github.imageassert.assertions;

import static io.github.imageassert.assertions.error.ShouldHaveNoPackageCaches.shouldHaveNoPackageCaches;
import static io.github.imageassert.assertions.error.ShouldHaveNoSetuidFiles.shouldHaveNoSetuidFiles;
import static io.github.imageassert.assertions.error.ShouldHaveNoShell.shouldHaveNoShell;
import static io.github.imageassert.assertions.error.ShouldHaveNoWorldWritableFiles.shouldHaveNoWorldWritableFiles;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.DataSize;
import io.github.imageassert.analysis.Hygiene;
import io.github.imageassert.analysis.PackageCache;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.ImagePaths;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Hygiene findings as failures, each entry described with the layer that added it. */
final class HygieneChecks {

    private static final int SHOWN = 20;

    private HygieneChecks() {
    }

    static Optional<ErrorMessageFactory> noSetuid(ContainerImage image, String... allowed) {
        Set<String> allow = Arrays.stream(allowed).map(ImagePaths::normalize).collect(Collectors.toSet());
        List<FileEntry> found = Hygiene.setuidOrSetgidFiles(image).stream().filter(e -> !allow.contains(e.path())).toList();
        String allowedText = allowed.length == 0 ? "" : " other than " + Arrays.toString(allowed);
        return found.isEmpty() ? Optional.empty()
                : Optional.of(shouldHaveNoSetuidFiles(image, allowedText, describe(image, found), found.size()));
    }

    static Optional<ErrorMessageFactory> noWorldWritable(ContainerImage image) {
        List<FileEntry> found = Hygiene.worldWritable(image);
        return found.isEmpty() ? Optional.empty()
                : Optional.of(shouldHaveNoWorldWritableFiles(image, describe(image, found), found.size()));
    }

    static Optional<ErrorMessageFactory> noPackageCaches(ContainerImage image) {
        List<PackageCache> caches = Hygiene.packageManagerCaches(image);
        if (caches.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence = caches.stream().map(c -> c.root() + ": " + c.kind() + ", " + ImageFacts.count(c.files(), "file") + ", "
                + DataSize.human(c.bytes()) + ", written by " + c.layers().stream()
                .map(l -> ImageFacts.layer(image, l)).collect(Collectors.joining(", "))).toList();
        long total = caches.stream().mapToLong(PackageCache::bytes).sum();
        return Optional.of(shouldHaveNoPackageCaches(image, DataSize.human(total), evidence));
    }

    static Optional<ErrorMessageFactory> noShell(ContainerImage image) {
        List<String> found = Hygiene.SHELLS.stream()
                .flatMap(name -> ImageFacts.findExecutable(image, name).stream())
                .map(r -> ImageFacts.describe(image, r)).distinct().toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(shouldHaveNoShell(image, found));
    }

    private static List<String> describe(ContainerImage image, List<FileEntry> entries) {
        return entries.stream().limit(SHOWN)
                .map(e -> ImageFacts.describe(image, image.filesystem().lookup(e.path(), false))).toList();
    }
}

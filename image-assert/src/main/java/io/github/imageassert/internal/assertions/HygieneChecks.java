package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveNoPackageCaches.shouldHaveNoPackageCaches;
import static io.github.imageassert.internal.assertions.error.ShouldHaveNoSetuidFiles.shouldHaveNoSetuidFiles;
import static io.github.imageassert.internal.assertions.error.ShouldHaveNoShell.shouldHaveNoShell;
import static io.github.imageassert.internal.assertions.error.ShouldHaveNoWorldWritableFiles.shouldHaveNoWorldWritableFiles;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.analysis.HygieneAnalysis;
import io.github.imageassert.analysis.PackageCache;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.internal.index.ImagePaths;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Hygiene findings as failures, each entry described with the layer that added it. */
public final class HygieneChecks {

    private static final int SHOWN = 20;

    private HygieneChecks() {
    }

    public static Optional<ErrorMessageFactory> noSetuid(LoadedImage image, String... allowed) {
        Set<String> allow = Arrays.stream(allowed).map(ImagePaths::normalize).collect(Collectors.toSet());
        List<FileEntry> found = HygieneAnalysis.setuidOrSetgidFiles(image).stream().filter(e -> !allow.contains(e.path())).toList();
        String allowedText = allowed.length == 0 ? "" : " other than " + Arrays.toString(allowed);
        return found.isEmpty() ? Optional.empty()
                : Optional.of(shouldHaveNoSetuidFiles(image, allowedText, describe(image, found), found.size()));
    }

    public static Optional<ErrorMessageFactory> noWorldWritable(LoadedImage image) {
        List<FileEntry> found = HygieneAnalysis.worldWritable(image);
        return found.isEmpty() ? Optional.empty()
                : Optional.of(shouldHaveNoWorldWritableFiles(image, describe(image, found), found.size()));
    }

    public static Optional<ErrorMessageFactory> noPackageCaches(LoadedImage image) {
        List<PackageCache> caches = HygieneAnalysis.packageManagerCaches(image);
        if (caches.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence = caches.stream().map(c -> c.root() + ": " + c.kind() + ", " + ImageFacts.count(c.files(), "file") + ", "
                + DataSize.human(c.bytes()) + ", written by " + c.layers().stream()
                .map(l -> ImageFacts.layer(image, l)).collect(Collectors.joining(", "))).toList();
        long total = caches.stream().mapToLong(PackageCache::bytes).sum();
        return Optional.of(shouldHaveNoPackageCaches(image, DataSize.human(total), evidence));
    }

    public static Optional<ErrorMessageFactory> noShell(LoadedImage image) {
        List<String> found = HygieneAnalysis.SHELLS.stream()
                .flatMap(name -> ImageFacts.findExecutable(image, name).stream())
                .map(r -> ImageFacts.describe(image, r)).distinct().toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(shouldHaveNoShell(image, found));
    }

    private static List<String> describe(LoadedImage image, List<FileEntry> entries) {
        return entries.stream().limit(SHOWN)
                .map(e -> ImageFacts.describe(image, image.filesystem().lookup(e.path(), false))).toList();
    }
}

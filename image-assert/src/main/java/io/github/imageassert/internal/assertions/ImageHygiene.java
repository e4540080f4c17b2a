package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveNoPackageCaches.shouldHaveNoPackageCaches;
import static io.github.imageassert.internal.assertions.error.ShouldHaveNoSetuidFiles.shouldHaveNoSetuidFiles;
import static io.github.imageassert.internal.assertions.error.ShouldHaveNoShell.shouldHaveNoShell;
import static io.github.imageassert.internal.assertions.error.ShouldHaveNoWorldWritableFiles.shouldHaveNoWorldWritableFiles;

import io.github.imageassert.analysis.PackageCache;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.analysis.HygieneAnalysis;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.index.ImagePaths;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/** Assertions on what a runtime image should not have: setuid files, world-writable files, caches, shells, compilers. */
public final class ImageHygiene {

    private static final int SHOWN = 20;
    private static final ImageHygiene INSTANCE = new ImageHygiene();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();
    private final ImageContents contents = ImageContents.instance();

    private ImageHygiene() {
    }

    public static ImageHygiene instance() {
        return INSTANCE;
    }

    /** No regular file has the setuid or setgid bit, except the {@code allowed} paths. */
    public void assertHasNoSetuidOrSetgidFiles(AssertionInfo info, LoadedImage image, String... allowed) {
        objects.assertNotNull(info, image);
        Set<String> allow = Arrays.stream(allowed).map(ImagePaths::normalize).collect(Collectors.toSet());
        List<FileEntry> found = HygieneAnalysis.setuidOrSetgidFiles(image).stream().filter(e -> !allow.contains(e.path())).toList();
        if (!found.isEmpty()) {
            throw failures.failure(info, shouldHaveNoSetuidFiles(image, List.of(allowed), shown(image, found), found.size()));
        }
    }

    /** Nothing anyone may write, except sticky directories such as {@code /tmp} and what lies directly in them. */
    public void assertHasNoWorldWritableFiles(AssertionInfo info, LoadedImage image) {
        objects.assertNotNull(info, image);
        List<FileEntry> found = HygieneAnalysis.worldWritable(image);
        if (!found.isEmpty()) {
            throw failures.failure(info, shouldHaveNoWorldWritableFiles(image, shown(image, found), found.size()));
        }
    }

    public void assertHasNoPackageManagerCaches(AssertionInfo info, LoadedImage image) {
        objects.assertNotNull(info, image);
        List<PackageCache> caches = HygieneAnalysis.packageManagerCaches(image);
        if (!caches.isEmpty()) {
            throw failures.failure(info, shouldHaveNoPackageCaches(image, caches));
        }
    }

    /** No shell on the PATH: for distroless and scratch images. */
    public void assertHasNoShell(AssertionInfo info, LoadedImage image) {
        objects.assertNotNull(info, image);
        List<Resolution> found = HygieneAnalysis.SHELLS.stream()
                .flatMap(name -> ImageFacts.findExecutable(image, name).stream()).toList();
        if (!found.isEmpty()) {
            throw failures.failure(info, shouldHaveNoShell(image, found));
        }
    }

    /** None of the usual build tools (compilers, linkers, make, javac, mvn, go, cargo...) on the PATH. */
    public void assertHasNoBuildTools(AssertionInfo info, LoadedImage image) {
        contents.assertDoesNotContainExecutables(info, image, HygieneAnalysis.BUILD_TOOLS);
    }

    private static List<Resolution> shown(LoadedImage image, List<FileEntry> found) {
        return found.stream().limit(SHOWN).map(e -> image.filesystem().lookup(e.path(), false)).toList();
    }
}

package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveExecutable.shouldHaveExecutable;
import static io.github.imageassert.internal.assertions.error.ShouldHaveFile.shouldHaveFile;
import static io.github.imageassert.internal.assertions.error.ShouldHaveFileMatching.shouldHaveFileMatching;
import static io.github.imageassert.internal.assertions.error.ShouldHaveNoFileMatching.shouldHaveNoFileMatching;
import static io.github.imageassert.internal.assertions.error.ShouldNotContainExecutable.shouldNotContainExecutable;
import static io.github.imageassert.internal.assertions.error.ShouldNotHaveDanglingLink.shouldNotHaveDanglingLink;
import static io.github.imageassert.internal.assertions.error.ShouldNotHaveFile.shouldNotHaveFile;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.ImageFilesystem;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/**
 * Assertions on what an image's merged filesystem holds: paths, globs, and programs on its PATH. Each failure names
 * the layer that added (or removed) what it found.
 */
public final class ImageContents {

    private static final int SHOWN = 10;
    private static final ImageContents INSTANCE = new ImageContents();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private ImageContents() {
    }

    public static ImageContents instance() {
        return INSTANCE;
    }

    /** The path exists, symlinks followed. */
    public void assertHasFile(AssertionInfo info, LoadedImage image, String path) {
        objects.assertNotNull(info, image);
        Resolution lookup = image.lookup(path);
        if (!lookup.exists()) {
            throw failures.failure(info, shouldHaveFile(image, path, lookup, ImageFacts.removal(image, lookup)));
        }
    }

    /** The path exists neither as itself nor through a symlink; a dangling link at the path fails too. */
    public void assertDoesNotHaveFile(AssertionInfo info, LoadedImage image, String path) {
        objects.assertNotNull(info, image);
        Resolution followed = image.lookup(path);
        if (followed.exists()) {
            throw failures.failure(info, shouldNotHaveFile(image, path, followed));
        }
        ImageFilesystem fs = image.filesystem();
        if (fs.entry(path).isPresent()) {
            throw failures.failure(info, shouldNotHaveDanglingLink(image, path, fs.lookup(path, false)));
        }
    }

    public void assertHasFileMatching(AssertionInfo info, LoadedImage image, String glob) {
        objects.assertNotNull(info, image);
        if (image.filesystem().glob(glob).findAny().isEmpty()) {
            throw failures.failure(info, shouldHaveFileMatching(image, glob));
        }
    }

    public void assertHasNoFileMatching(AssertionInfo info, LoadedImage image, String glob) {
        objects.assertNotNull(info, image);
        ImageFilesystem fs = image.filesystem();
        List<FileEntry> matches = fs.glob(glob).toList();
        if (!matches.isEmpty()) {
            List<Resolution> shown = matches.stream().limit(SHOWN).map(e -> fs.lookup(e.path(), false)).toList();
            throw failures.failure(info, shouldHaveNoFileMatching(image, glob, shown, matches.size()));
        }
    }

    /** An executable regular file of that name is on the image's PATH (links followed), or at that path. */
    public void assertHasExecutable(AssertionInfo info, LoadedImage image, String name) {
        objects.assertNotNull(info, image);
        if (ImageFacts.findExecutable(image, name).isEmpty()) {
            List<String> dirs = ImageFacts.pathDirs(image);
            throw failures.failure(info, shouldHaveExecutable(image, name, dirs, firstOnPath(image, dirs, name)));
        }
    }

    /** No executable of any of these names is on the PATH; the failure lists every one found. */
    public void assertDoesNotContainExecutables(AssertionInfo info, LoadedImage image, List<String> names) {
        objects.assertNotNull(info, image);
        List<Resolution> found = names.stream().flatMap(name -> ImageFacts.findExecutable(image, name).stream()).toList();
        if (!found.isEmpty()) {
            throw failures.failure(info, shouldNotContainExecutable(image, names, found));
        }
    }

    /** What the PATH has under that name though it is no executable regular file, as evidence. */
    private static Optional<Resolution> firstOnPath(LoadedImage image, List<String> dirs, String name) {
        return dirs.stream().map(dir -> image.filesystem().lookup(dir + "/" + name, true)).filter(Resolution::exists).findFirst();
    }
}

package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldNotRemoveFiles.shouldNotRemoveFiles;
import static io.github.imageassert.internal.assertions.error.ShouldOnlyChangeFilesUnder.shouldOnlyChangeFilesUnder;

import io.github.imageassert.analysis.ImageDiff;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.index.ImagePaths;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/** Assertions on how an image differs from another: which paths it may touch, and that it removes none. */
public final class ImageComparisons {

    private static final int SHOWN = 20;
    private static final ImageComparisons INSTANCE = new ImageComparisons();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private ImageComparisons() {
    }

    public static ImageComparisons instance() {
        return INSTANCE;
    }

    /**
     * Every added or changed path lies under one of {@code dirs}, or is one of them, or is a directory above one
     * of them (making {@code /opt} for {@code /opt/app} is part of adding {@code /opt/app}).
     */
    public void assertAddsOnlyFilesUnder(AssertionInfo info, LoadedImage base, LoadedImage image, ImageDiff diff,
                                         String... dirs) {
        objects.assertNotNull(info, diff);
        List<String> roots = Arrays.stream(dirs).map(ImagePaths::normalize).toList();
        List<Resolution> added = diff.added().stream().filter(e -> !allowed(e, roots))
                .map(e -> image.filesystem().lookup(e.path(), false)).toList();
        List<ImageDiff.Change> changed = diff.changed().stream().filter(c -> !allowed(c.after(), roots)).toList();
        if (!added.isEmpty() || !changed.isEmpty()) {
            throw failures.failure(info, shouldOnlyChangeFilesUnder(image, base, roots, added, changed));
        }
    }

    /** Every path of {@code base} is still there. */
    public void assertRemovesNoFiles(AssertionInfo info, LoadedImage base, LoadedImage image, ImageDiff diff) {
        objects.assertNotNull(info, diff);
        if (!diff.removed().isEmpty()) {
            List<Resolution> shown = diff.removed().stream().limit(SHOWN)
                    .map(e -> base.filesystem().lookup(e.path(), false)).toList();
            throw failures.failure(info, shouldNotRemoveFiles(image, base, shown, diff.removed().size()));
        }
    }

    private static boolean allowed(FileEntry entry, List<String> roots) {
        String path = entry.path();
        for (String root : roots) {
            if (path.equals(root) || root.equals("/") || path.startsWith(root + "/")
                    || (entry.isDirectory() && root.startsWith(path + "/"))) {
                return true;
            }
        }
        return false;
    }
}

package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveSizeRelativeTo.shouldHaveSizeRelativeTo;
import static io.github.imageassert.internal.assertions.error.ShouldNotRemoveFiles.shouldNotRemoveFiles;
import static io.github.imageassert.internal.assertions.error.ShouldOnlyChangeFilesUnder.shouldOnlyChangeFilesUnder;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.analysis.ImageDiff;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.internal.index.ImagePaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Comparisons of two images as failures: sizes, and the paths that differ with the layer that made each. */
public final class DiffChecks {

    private static final int SHOWN = 20;

    private DiffChecks() {
    }

    public static Optional<ErrorMessageFactory> sizeAtMostPercentOf(LoadedImage image, LoadedImage other, double percent) {
        long size = image.size();
        long otherSize = other.size();
        if (size * 100.0 <= percent * otherSize) {
            return Optional.empty();
        }
        String measured = otherSize == 0 ? "larger than an empty image"
                : String.format(Locale.ROOT, "%.1f %%", 100.0 * size / otherSize);
        return Optional.of(shouldHaveSizeRelativeTo(image, String.format(Locale.ROOT, "%.1f %%", percent), other, measured,
                DataSize.human(size) + " against " + DataSize.human(otherSize)));
    }

    /**
     * Every added or changed path lies under one of {@code dirs}, or is one of them, or is a directory above one
     * of them (making {@code /opt} for {@code /opt/app} is part of adding {@code /opt/app}).
     */
    public static Optional<ErrorMessageFactory> onlyUnder(LoadedImage base, LoadedImage image, ImageDiff diff, String... dirs) {
        List<String> roots = Arrays.stream(dirs).map(ImagePaths::normalize).toList();
        List<String> outside = new ArrayList<>();
        for (FileEntry added : diff.added()) {
            if (!allowed(added, roots)) {
                outside.add("+ " + ImageFacts.describe(image, image.filesystem().lookup(added.path(), false)));
            }
        }
        for (ImageDiff.Change change : diff.changed()) {
            if (!allowed(change.after(), roots)) {
                outside.add("~ " + change.after().path() + ": " + change.what() + ", by "
                        + ImageFacts.layer(image, change.after().layer()));
            }
        }
        return outside.isEmpty() ? Optional.empty() : Optional.of(shouldOnlyChangeFilesUnder(image,
                roots.toString(), base, outside.stream().limit(SHOWN).toList(), outside.size()));
    }

    public static Optional<ErrorMessageFactory> removesNothing(LoadedImage base, LoadedImage image, ImageDiff diff) {
        if (diff.removed().isEmpty()) {
            return Optional.empty();
        }
        List<String> gone = diff.removed().stream().limit(SHOWN)
                .map(e -> "- " + ImageFacts.describe(base, base.filesystem().lookup(e.path(), false))).toList();
        return Optional.of(shouldNotRemoveFiles(image, base, gone, diff.removed().size()));
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

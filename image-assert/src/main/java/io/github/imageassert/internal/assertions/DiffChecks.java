package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveSizeRelativeTo.shouldHaveSizeRelativeTo;

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
}

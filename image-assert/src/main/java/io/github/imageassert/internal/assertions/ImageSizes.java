package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveAtMostLayers.shouldHaveAtMostLayers;
import static io.github.imageassert.internal.assertions.error.ShouldHaveCompressedSizeLessThan.shouldHaveCompressedSizeLessThan;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLayerCount.shouldHaveLayerCount;
import static io.github.imageassert.internal.assertions.error.ShouldHaveSizeAtMost.shouldHaveSizeAtMost;
import static io.github.imageassert.internal.assertions.error.ShouldHaveSizeLessThan.shouldHaveSizeLessThan;
import static io.github.imageassert.internal.assertions.error.ShouldHaveSizeRelativeTo.shouldHaveSizeRelativeTo;
import static io.github.imageassert.internal.assertions.error.ShouldKnowCompressedSize.shouldKnowCompressedSize;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/**
 * Assertions on how big an image is: its size (the sum of uncompressed layer sizes, as {@code docker images} shows),
 * its stored size, its layers, and its size next to another image's.
 */
public final class ImageSizes {

    private static final ImageSizes INSTANCE = new ImageSizes();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();
    private final ImageLayers layers = ImageLayers.instance();

    private ImageSizes() {
    }

    public static ImageSizes instance() {
        return INSTANCE;
    }

    public void assertHasSizeLessThan(AssertionInfo info, LoadedImage image, DataSize budget) {
        objects.assertNotNull(info, image);
        long size = image.size();
        if (size >= budget.bytes()) {
            throw failures.failure(info, shouldHaveSizeLessThan(image, budget, size));
        }
    }

    public void assertHasSizeAtMost(AssertionInfo info, LoadedImage image, DataSize max) {
        objects.assertNotNull(info, image);
        long size = image.size();
        if (size > max.bytes()) {
            throw failures.failure(info, shouldHaveSizeAtMost(image, max, size));
        }
    }

    /** The stored (compressed) size, which only some sources record: failing when it is unknown. */
    public void assertHasCompressedSizeLessThan(AssertionInfo info, LoadedImage image, DataSize budget) {
        objects.assertNotNull(info, image);
        Optional<Long> compressed = image.metadata().compressedSize();
        if (compressed.isEmpty()) {
            throw failures.failure(info, shouldKnowCompressedSize(image, budget));
        }
        if (compressed.get() >= budget.bytes()) {
            throw failures.failure(info, shouldHaveCompressedSizeLessThan(image, budget, compressed.get()));
        }
    }

    public void assertHasLayerCount(AssertionInfo info, LoadedImage image, int expected) {
        objects.assertNotNull(info, image);
        List<Layer> all = image.layers();
        if (all.size() != expected) {
            throw failures.failure(info, shouldHaveLayerCount(image, expected, all));
        }
    }

    public void assertHasAtMostLayers(AssertionInfo info, LoadedImage image, int max) {
        objects.assertNotNull(info, image);
        List<Layer> all = image.layers();
        if (all.size() > max) {
            throw failures.failure(info, shouldHaveAtMostLayers(image, max, all));
        }
    }

    /** Fails on the first layer over {@code max}, from the base up. */
    public void assertHasEveryLayerAtMost(AssertionInfo info, LoadedImage image, DataSize max) {
        objects.assertNotNull(info, image);
        image.layers().forEach(layer -> layers.assertHasSizeAtMost(info, image, layer, max));
    }

    /** At most {@code percent} % of {@code other}'s size. */
    public void assertHasSizeAtMostPercentOf(AssertionInfo info, LoadedImage image, LoadedImage other, double percent) {
        objects.assertNotNull(info, image);
        long size = image.size();
        long otherSize = other.size();
        if (size * 100.0 > percent * otherSize) {
            throw failures.failure(info, shouldHaveSizeRelativeTo(image, percent, other, size, otherSize));
        }
    }
}

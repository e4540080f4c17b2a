package io.github.imageassert.analysis;

import io.github.imageassert.fs.RemovedEntry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes an image ships but no container can see: every copy of a file that a later layer overwrote or deleted.
 * The copy a container does see is never counted (dive counts it too, see dive issue #684), so an image whose
 * files are each written once has no waste, and a file written twice wastes exactly its first copy.
 *
 * <pre>
 * wasted bytes      = sum of the sizes of the regular files in {@link io.github.imageassert.fs.ImageFilesystem#removed()}
 * efficiency        = 1 - wasted bytes / image size
 * user wasted share = wasted bytes / (image size - size of layer 0)
 * </pre>
 *
 * These are dive's three CI rules ({@code lowestEfficiency}, {@code highestWastedBytes},
 * {@code highestUserWastedPercent}); like dive, the share counts layer 0 as the base image and every later layer as
 * the user's, and, like dive's, it is a fraction despite the rule's name.
 *
 * @param wastedBytes the sum above
 * @param imageSize   the image's size, as {@code ContainerImage.size()} counts it
 * @param userSize    the size of every layer but the first
 * @param byPath      wasted bytes per path, largest first
 * @param copies      every hidden copy, largest first
 */
public record Waste(long wastedBytes, long imageSize, long userSize, Map<String, Long> byPath, List<RemovedEntry> copies) {

    public Waste {
        byPath = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPath));
        copies = List.copyOf(copies);
    }

    /** Share of the image's bytes a container can see; 1.0 for an image without waste. */
    public double efficiency() {
        return imageSize == 0 ? 1.0 : 1.0 - (double) wastedBytes / imageSize;
    }

    /** Wasted bytes over the bytes the user's layers (all but the first) add; 0 for a single-layer image. */
    public double userWastedShare() {
        return userSize == 0 ? 0.0 : (double) wastedBytes / userSize;
    }
}

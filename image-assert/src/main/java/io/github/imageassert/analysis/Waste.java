package io.github.imageassert.analysis;

import io.github.imageassert.ContainerImage;
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
 * wasted bytes = sum of the sizes of the regular files in {@link io.github.imageassert.fs.MergedFilesystem#removed()}
 * efficiency   = 1 - wasted bytes / image size
 * </pre>
 *
 * @param wastedBytes the sum above
 * @param imageSize   the image's size, as {@link ContainerImage#size()} counts it
 * @param byPath      wasted bytes per path, largest first
 * @param copies      every hidden copy, largest first
 */
public record Waste(long wastedBytes, long imageSize, Map<String, Long> byPath, List<RemovedEntry> copies) {

    public static Waste of(ContainerImage image) {
        List<RemovedEntry> copies = image.filesystem().removed().stream()
                .filter(r -> r.entry().isRegularFile() && r.entry().size() > 0)
                .sorted(Comparator.comparingLong((RemovedEntry r) -> r.entry().size()).reversed())
                .toList();
        Map<String, Long> byPath = new LinkedHashMap<>();
        copies.forEach(r -> byPath.merge(r.entry().path(), r.entry().size(), Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        byPath.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Waste(copies.stream().mapToLong(r -> r.entry().size()).sum(), image.size(), sorted, copies);
    }

    /** Share of the image's bytes a container can see; 1.0 for an image without waste. */
    public double efficiency() {
        return imageSize == 0 ? 1.0 : 1.0 - (double) wastedBytes / imageSize;
    }
}

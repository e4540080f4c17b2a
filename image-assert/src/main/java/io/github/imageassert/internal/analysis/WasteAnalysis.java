package io.github.imageassert.internal.analysis;

import io.github.imageassert.analysis.Waste;
import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link Waste} from an image's index: every hidden copy of a regular file, nothing read. */
public final class WasteAnalysis {

    private WasteAnalysis() {
    }

    public static Waste of(LoadedImage image) {
        List<RemovedEntry> copies = image.filesystem().removed().stream()
                .filter(r -> r.entry().isRegularFile() && r.entry().size() > 0)
                .sorted(Comparator.comparingLong((RemovedEntry r) -> r.entry().size()).reversed())
                .toList();
        Map<String, Long> byPath = new LinkedHashMap<>();
        copies.forEach(r -> byPath.merge(r.entry().path(), r.entry().size(), Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        byPath.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        long userSize = image.layers().stream().skip(1).mapToLong(Layer::size).sum();
        return image.remember("waste", new Waste(copies.stream().mapToLong(r -> r.entry().size()).sum(), image.size(), userSize,
                sorted, copies));
    }

}

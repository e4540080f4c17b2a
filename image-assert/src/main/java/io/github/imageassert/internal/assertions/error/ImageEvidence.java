package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.report.AssertionLog;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the messages speak of what they found in an image: an entry with the layer that added it, a layer with the
 * instruction that made it. One place, so that every message describes a file or a layer the same way.
 */
final class ImageEvidence {

    private ImageEvidence() {
    }

    /** {@code 1 file}, {@code 3 files}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * {@code layer 3 (RUN apt-get install -y gcc)}, with the Dockerfile line when the image knows its Dockerfile. The
     * run's report learns from it which layers a failure names, the first one the layer at fault.
     */
    static String layer(LoadedImage image, int index) {
        AssertionLog.mentionLayer(index);
        return image.describeLayer(index);
    }

    /** {@code /usr/bin/gcc (via /usr/bin/gcc -> gcc-12) = /usr/bin/gcc-12: regular file, 1.2 MB, -rwxr-xr-x 0:0, added by layer 3 (RUN ...)}. */
    static String entry(LoadedImage image, Resolution resolution) {
        FileEntry e = resolution.entry();
        String kind = switch (e.type()) {
            case DIRECTORY -> "directory";
            case SYMLINK -> "symlink to " + e.linkTarget();
            case HARDLINK -> "hard link to " + e.linkTarget();
            case REGULAR -> "regular file";
            default -> e.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        String where = resolution.links().isEmpty() ? e.path() : resolution.describeChain() + " = " + e.path();
        String size = e.isRegularFile() ? ", " + DataSize.human(e.size()) : "";
        return where + ": " + kind + size + ", " + e.modeString() + " " + e.uid() + ":" + e.gid()
                + ", added by " + layer(image, e.layer());
    }

    /**
     * Why a path is missing: the links followed, where the lookup stopped, and the layer that removed it when one
     * did, e.g. {@code it does not exist; it was added by layer 3 (RUN ...) and removed by layer 4 (RUN rm ...)}.
     */
    static String missing(LoadedImage image, String path, Resolution resolution, Optional<RemovedEntry> removal) {
        String text = (resolution.links().isEmpty() ? "it does not exist"
                : "it does not exist (via " + String.join(", ", resolution.links()) + ")")
                + (resolution.resolvedPath().equals(path) ? "" : "; the lookup stopped at " + resolution.resolvedPath());
        return removal.map(gone -> text + "; it was added by " + layer(image, gone.entry().layer())
                + " and removed by " + layer(image, gone.removedBy())).orElse(text);
    }

    /** Each layer on its own line with the instruction that made it: {@code 0: ADD rootfs.tar /}. */
    static String layerList(List<Layer> layers) {
        return layers.stream().map(l -> String.format("%n    %d: %s", l.index(),
                l.history() == null ? "(no history)" : l.history().instruction(100))).collect(Collectors.joining());
    }

    /** {@code 121 B (121 bytes, 21 B over)}: a size against its budget, in the budget's unit. */
    static String overBudget(DataSize budget, long bytes) {
        return budget.format(bytes) + " (" + bytes + " bytes, " + budget.format(bytes - budget.bytes()) + " over)";
    }

    /** The three largest layers, one indented line each: {@code 80.1 MB  layer 2 (RUN ...)}, sizes in {@code unit}. */
    static String largestLayers(LoadedImage image, DataSize unit) {
        StringBuilder out = new StringBuilder();
        image.layers().stream().sorted(Comparator.comparingLong(Layer::size).reversed()).limit(3).forEach(l ->
                out.append(String.format("%n    ")).append(unit.format(l.size())).append("  ").append(layer(image, l.index())));
        return out.toString();
    }

    /** Mode bits as four octal digits: {@code 0755}, {@code 4755}. */
    static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    /** {@code 97.9 %}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    /** A size in the budget's unit with its exact byte count: {@code 6 B (6 bytes)}. */
    static String size(DataSize unit, long bytes) {
        return unit.format(bytes) + " (" + bytes + " bytes)";
    }
}

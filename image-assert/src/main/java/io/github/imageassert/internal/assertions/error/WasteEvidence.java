package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.analysis.Waste;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.function.LongFunction;

/** How the waste messages show what an image wastes: the total, and the largest hidden copies with their layers. */
final class WasteEvidence {

    private static final int SHOWN = 10;

    private WasteEvidence() {
    }

    /** {@code 197 B (197 bytes)}. */
    static String wasted(Waste waste) {
        return DataSize.human(waste.wastedBytes()) + " (" + waste.wastedBytes() + " bytes)";
    }

    /** One indented line per hidden copy, largest first: its size, path, the layer that added it and the one that hid it. */
    static String hiddenCopies(LoadedImage image, Waste waste, LongFunction<String> format) {
        StringBuilder out = new StringBuilder();
        waste.copies().stream().limit(SHOWN).forEach(r -> out.append(String.format("%n    "))
                .append(format.apply(r.entry().size())).append("  ").append(r.entry().path()).append(", added by ")
                .append(ImageEvidence.layer(image, r.entry().layer())).append(", hidden by ")
                .append(ImageEvidence.layer(image, r.removedBy())));
        if (waste.copies().size() > SHOWN) {
            out.append(String.format("%n    ... and %d more", waste.copies().size() - SHOWN));
        }
        return out.toString();
    }
}

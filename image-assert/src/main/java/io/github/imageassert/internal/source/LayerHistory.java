package io.github.imageassert.internal.source;

import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.Layer;
import java.util.ArrayList;
import java.util.List;

/** Pairs layers with the history steps that made them: steps flagged {@code empty_layer} made none. */
public final class LayerHistory {

    private LayerHistory() {
    }

    /** @param layers layers without history, in order; returned with the matching step, when the counts agree */
    public static List<Layer> attach(List<Layer> layers, List<HistoryEntry> history) {
        List<HistoryEntry> makers = history.stream().filter(h -> !h.emptyLayer()).toList();
        if (makers.size() != layers.size()) {
            return layers; // a rewritten or squashed history cannot be trusted to line up
        }
        List<Layer> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            out.add(new Layer(l.index(), l.diffId(), l.digest(), l.size(), l.compressedSize(), l.mediaType(), makers.get(i)));
        }
        return out;
    }
}

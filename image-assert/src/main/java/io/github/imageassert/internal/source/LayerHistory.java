package io.github.imageassert.internal.source;

import io.github.imageassert.image.HistoryEntry;
import java.util.ArrayList;
import java.util.List;

/** Pairs layers with the history steps that made them: steps flagged {@code empty_layer} made none. */
public final class LayerHistory {

    private LayerHistory() {
    }

    /** True when the steps that made a layer are exactly as many as the layers, so that they pair up in order. */
    public static boolean linesUp(List<HistoryEntry> history, int layers) {
        return history.stream().filter(h -> !h.emptyLayer()).count() == layers;
    }

    /** {@code layers} with the step that made each, when the counts agree; else as they are. */
    public static List<LayerRef> attach(List<LayerRef> layers, List<HistoryEntry> history) {
        if (!linesUp(history, layers.size())) {
            return layers; // a rewritten or squashed history cannot be trusted to line up
        }
        List<HistoryEntry> makers = history.stream().filter(h -> !h.emptyLayer()).toList();
        List<LayerRef> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            out.add(layers.get(i).withStep(makers.get(i)));
        }
        return out;
    }
}

package io.github.imageassert.source;

import io.github.imageassert.fs.ContentCapture;
import io.github.imageassert.fs.ContentVisitor;
import io.github.imageassert.fs.LayerIndex;
import io.github.imageassert.image.ImageMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an image comes from: an engine, a {@code docker save} archive or an OCI layout. A source answers
 * metadata questions as cheaply as it can and reads layer bytes only when asked to.
 */
public interface ImageSource {

    /** How to name the image in messages, e.g. {@code sample:runtime}. */
    String reference();

    /** Config, layers and history; must not read any layer. */
    ImageMetadata metadata();

    /** Reads every layer once, in one pass where the source allows, and returns them in image order. */
    List<LayerIndex> indexLayers(ContentCapture capture);

    /**
     * Streams the regular files named in {@code wanted} (layer index to absolute paths) to {@code visitor},
     * reading each layer at most once and the whole image in one pass where the source allows. Paths a layer does
     * not hold as regular files are skipped. Needs {@link #indexLayers} to have run.
     */
    void readContents(Map<Integer, Set<String>> wanted, ContentVisitor visitor);
}

package io.github.imageassert.internal.source;

import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.ContentVisitor;
import io.github.imageassert.internal.index.LayerIndex;
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
    public String reference();

    /** Where the image was read from, for messages: {@code the engine}, {@code archive /tmp/app.tar}. */
    public String origin();

    /** The name the engine knows this image by, when it is in an engine: what running a command needs. */
    default java.util.Optional<String> engineReference() {
        return java.util.Optional.empty();
    }

    /** How to put this image into an engine, for messages. */
    default String loadHint() {
        return "Load it into the engine first";
    }

    /** Config, layers and history; must not read any layer. */
    public ImageMetadata metadata();

    /** Reads every layer once, in one pass where the source allows, and returns them in image order. */
    public List<LayerIndex> indexLayers(ContentCapture capture);

    /**
     * Streams the regular files named in {@code wanted} (layer index to absolute paths) to {@code visitor},
     * reading each layer at most once and the whole image in one pass where the source allows. Paths a layer does
     * not hold as regular files are skipped. Needs {@link #indexLayers} to have run.
     */
    public void readContents(Map<Integer, Set<String>> wanted, ContentVisitor visitor);
}

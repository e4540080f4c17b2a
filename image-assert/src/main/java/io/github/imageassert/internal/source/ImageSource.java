package io.github.imageassert.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * Where an image comes from: an engine, a {@code docker save} archive or an OCI layout. A source only delivers:
 * its manifest (config and layer references, without reading a layer) and, when asked, layer blobs. Hashing,
 * indexing, storing and reading contents happen in one place, above the sources.
 */
public sealed interface ImageSource permits EngineSource, ArchiveSource, RegistrySource {

    /** How to name the image in messages, e.g. {@code sample:runtime}. */
    String reference();

    /** Where the image was read from, for messages: {@code the engine}, {@code /tmp/app.tar}. */
    String origin();

    /** The name the engine knows this image by, when it is in an engine: what running a command needs. */
    default Optional<String> engineReference() {
        return Optional.empty();
    }

    /** How to put this image into an engine, for messages. */
    default String loadHint() {
        return "Load it into the engine first";
    }

    /** Config, history and layer references; reads no layer. The same object every time. */
    ImageManifest manifest();

    /**
     * Streams the blobs of the layers whose diff ids are in {@code wanted} to {@code sink}, each once, in one
     * pass where the source allows (an engine's export is one stream). A blob whose layer the source cannot name
     * before it is read (an engine's legacy export names layers by other ids) is handed over with a null ref; the
     * sink finds out which layer it is. May hand over blobs that are not wanted.
     */
    void deliver(Set<String> wanted, LayerSink sink);

    /**
     * A sink that a source may call from several threads at once, and call again for a layer whose previous call
     * failed with the source's transport error (it then starts that layer from scratch). A source may read layers in
     * parallel and retry a broken one only for such a sink.
     */
    @FunctionalInterface
    interface RepeatableLayerSink extends LayerSink {
    }

    /** Receives layer blobs as a source reads them. */
    @FunctionalInterface
    interface LayerSink {
        /**
         * @param ref  the layer this blob is, or null when the source cannot tell before it is read
         * @param name where the blob was found in the source (an entry name), for messages and later reads
         * @param blob the blob as stored (plain, gzip or zstd); valid only during the call. When the source knows
         *             the blob's digest and size, reading it to its end checks them
         */
        void accept(LayerRef ref, String name, InputStream blob) throws IOException;
    }
}

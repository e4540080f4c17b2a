package io.github.imageassert.internal.image;

import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.internal.digest.VerifyingInputStream;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.limits.ImageBudget;
import io.github.imageassert.internal.limits.Limits;
import io.github.imageassert.internal.source.ImageManifest;
import io.github.imageassert.internal.source.ImageSource;
import io.github.imageassert.internal.source.LayerRef;
import io.github.imageassert.internal.store.LayerStore;
import io.github.imageassert.internal.store.StoredLayer;
import io.github.imageassert.internal.tar.Compression;
import io.github.imageassert.internal.tar.LayerIndexer;
import io.github.imageassert.internal.tar.LayerStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path from a source to an index: layers the store holds are loaded from it; the others are delivered by
 * the source (one export for an engine), hashed, indexed and written to the store in the same pass, and checked
 * against the diff ids the config gives before anything is built on them.
 */
final class LayerLoader {

    private static final Logger LOG = LoggerFactory.getLogger(LayerLoader.class);

    private final ImageSource source;
    private final LayerStore store;
    private final ContentCapture capture;

    /** @param store null when the store is off */
    LayerLoader(ImageSource source, LayerStore store, ContentCapture capture) {
        this.source = source;
        this.store = store;
        this.capture = capture;
    }

    /** Every layer of {@code manifest}, in order. */
    List<LoadedLayer> loadAll(ImageManifest manifest) {
        List<LayerRef> refs = manifest.layers();
        Map<String, Read> found = new ConcurrentHashMap<>();
        Set<String> missing = missingFromStore(refs, found);
        if (!missing.isEmpty()) {
            Runnable read = () -> {
                // another JVM may have stored them while this one waited for the lock
                Set<String> stillMissing = missingFromStore(refs, found);
                if (!stillMissing.isEmpty()) {
                    deliver(manifest, stillMissing, found);
                }
            };
            if (store != null) {
                store.exclusively(manifest.id() == null ? manifest.reference() : manifest.id(), () -> {
                    read.run();
                    return null;
                });
            } else {
                read.run();
            }
        }
        List<LoadedLayer> out = new ArrayList<>(refs.size());
        for (LayerRef ref : refs) {
            Read r = found.get(ref.diffId());
            StoredLayer stored = r.stored() == null ? null : r.stored().atLayer(ref.index());
            out.add(new LoadedLayer(ref, view(ref, r.index()), stored, r.sourceName()));
        }
        return out;
    }

    /** Reads one layer again from the source, after its stored copy turned out damaged. */
    LoadedLayer reload(ImageManifest manifest, LayerRef ref) {
        Map<String, Read> found = new ConcurrentHashMap<>();
        deliver(manifest, Set.of(ref.diffId()), found);
        Read r = found.get(ref.diffId());
        return new LoadedLayer(ref, view(ref, r.index()),
                r.stored() == null ? null : r.stored().atLayer(ref.index()), r.sourceName());
    }

    /** The layer as its image sees it: at its place, and for an eStargz layer without its lazy-pull bookkeeping. */
    private static LayerIndex view(LayerRef ref, LayerIndex index) {
        LayerIndex placed = index.atLayer(ref.index());
        return ref.estargz() ? placed.without(LayerIndexer.ESTARGZ_ENTRIES) : placed;
    }

    private record Read(LayerIndex index, StoredLayer stored, String sourceName) {
    }

    private Set<String> missingFromStore(List<LayerRef> refs, Map<String, Read> found) {
        Set<String> missing = new LinkedHashSet<>();
        for (LayerRef ref : refs) {
            if (found.containsKey(ref.diffId())) {
                continue;
            }
            Optional<StoredLayer> stored = store == null ? Optional.empty() : store.find(ref.diffId(), ref.index());
            if (stored.isPresent()) {
                found.put(ref.diffId(), new Read(stored.get().index(), stored.get(), null));
            } else {
                missing.add(ref.diffId());
            }
        }
        return missing;
    }

    private void deliver(ImageManifest manifest, Set<String> wanted, Map<String, Read> found) {
        long start = System.nanoTime();
        LOG.info("Reading {} of {} layers of {} from {}{}", wanted.size(), manifest.layers().size(), manifest.reference(),
                source.origin(), store == null ? "" : " into the layer store at " + store.root());
        Limits limits = Limits.fromEnvironment();
        // the layers the store holds count towards the image's size as well, without being read
        ImageBudget budget = new ImageBudget(limits, found.values().stream().mapToLong(r -> r.index().tarSize()).sum());
        // each call hashes, indexes and stores one layer on its own, so calls may overlap or be repeated
        ImageSource.RepeatableLayerSink sink = (ref, name, blob) -> {
            Read read = read(ref, name, blob, wanted, manifest.reference(), limits,
                    budget.layer(ref != null ? ref.diffId() : name, ref != null ? ref.compressedSize() : -1));
            if (read != null) {
                found.putIfAbsent(read.index().diffId(), read);
            }
        };
        source.deliver(wanted, sink);
        Set<String> notDelivered = wanted.stream().filter(d -> !found.containsKey(d)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!notDelivered.isEmpty()) {
            throw new InvalidImageException(InvalidImageException.Reason.MISSING_BLOB, "The image " + manifest.reference()
                    + " read from " + source.origin() + " lacks the layer(s) " + notDelivered + " that its config lists."
                    + " The source is incomplete; export or copy the image again.");
        }
        long bytes = wanted.stream().mapToLong(d -> found.get(d).index().tarSize()).sum();
        LOG.info("Read {} layers of {} ({}) in {} s", wanted.size(), manifest.reference(), DataSize.human(bytes),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    }

    private static InvalidImageException mismatch(String label, VerifyingInputStream.BlobMismatchException e) {
        return new InvalidImageException(InvalidImageException.Reason.DIGEST_MISMATCH, "Layer " + label + ": "
                + e.getMessage() + ". The image was altered or is corrupt; export or copy it again.", e);
    }

    /** Reads a checked blob to its end after a failure, to tell damaged bytes from a broken stream. */
    private static Optional<VerifyingInputStream.BlobMismatchException> blobMismatch(InputStream blob) {
        if (blob instanceof VerifyingInputStream checked) {
            try {
                checked.verify();
            } catch (VerifyingInputStream.BlobMismatchException m) {
                return Optional.of(m);
            } catch (IOException stillBroken) {
                return Optional.empty(); // the source's own failure, which the original error carries
            }
        }
        return Optional.empty();
    }

    /**
     * Hashes, indexes and (when there is a store) writes one blob in a single pass. Returns null for a blob that
     * turned out not to be wanted.
     */
    private Read read(LayerRef ref, String name, InputStream blob, Set<String> wanted, String image, Limits limits,
                      ImageBudget.Layer budget) throws IOException {
        String label = (ref == null ? name : ref.index() + " (" + ref.diffId() + ")") + " of " + image + " from " + source.origin();
        try (LayerStore.Ingest ingest = store == null ? null : store.ingest(label)) {
            OutputStream sink = ingest == null ? null : ingest.sink();
            LayerIndex index;
            LayerStream layer;
            try {
                layer = new LayerStream(Compression.decompress(blob), sink, budget);
                index = new LayerIndexer(capture, limits).index(layer, ref == null ? 0 : ref.index(), label);
                blob.transferTo(OutputStream.nullOutputStream()); // to its end, where a VerifyingInputStream checks the digest
            } catch (VerifyingInputStream.BlobMismatchException e) {
                throw mismatch(label, e);
            } catch (CorruptLayerException e) {
                // bytes that are not the blob the manifest names (a flipped bit, a truncated copy) usually break
                // the gzip or tar stream first; the digest says which it was
                throw blobMismatch(blob).map(m -> (RuntimeException) mismatch(label, m)).orElse(e);
            } catch (Compression.UnsupportedLayerCompressionException e) {
                throw new CorruptLayerException("Layer " + label + " cannot be read: " + e.getMessage() + ".", e);
            }
            String diffId = index.diffId();
            if (ref != null && !ref.diffId().equals(diffId)) {
                throw new CorruptLayerException("Layer " + label + " has content " + diffId + " but the config says "
                        + ref.diffId() + ". The image was altered or is corrupt; export or copy it again.", null);
            }
            if (!wanted.contains(diffId)) {
                return null;
            }
            StoredLayer stored = ingest == null ? null
                    : ingest.commit(index, layer.sinkFailure(), ref == null ? 0 : ref.index()).orElse(null);
            return new Read(index, stored, name);
        }
    }
}

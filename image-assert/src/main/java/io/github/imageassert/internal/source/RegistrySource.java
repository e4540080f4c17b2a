package io.github.imageassert.internal.source;

import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.Platform;
import io.github.imageassert.image.RegistryException;
import io.github.imageassert.internal.digest.VerifyingInputStream;
import io.github.imageassert.internal.json.Descriptor;
import io.github.imageassert.internal.json.ImageIndexJson;
import io.github.imageassert.internal.json.Json;
import io.github.imageassert.internal.registry.BodyStream;
import io.github.imageassert.internal.registry.RegistryClient;
import io.github.imageassert.internal.registry.RegistryReference;
import io.github.imageassert.internal.registry.RegistrySettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An image in a registry, read over the distribution API without an engine. The manifest and the config are
 * fetched when first needed; layers only when a question needs files, each checked against its digest, and not at
 * all when the layer store holds them.
 */
public final class RegistrySource implements ImageSource {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySource.class);
    /**
     * Layers fetched at once: each is network, gunzip, two digests, indexing and a store write on one thread, so
     * two keep two cores busy; a third overlaps one layer's wait for the registry with the others' work.
     */
    static final int PARALLEL_LAYERS = 3;

    private final RegistryReference reference;
    private final String given;
    private final Platform platform;
    private final RegistrySettings settings;
    private final RegistryClient client;
    private final Once<ImageManifest> manifest = new Once<>(this::readManifest);

    private RegistrySource(RegistryReference reference, String given, Platform platform, RegistrySettings settings) {
        this.reference = reference;
        this.given = given;
        this.platform = platform;
        this.settings = settings;
        this.client = new RegistryClient(reference, settings);
    }

    /** @param platform null for the host's, else linux/amd64, when the reference names an index */
    public static RegistrySource of(String reference, Platform platform) {
        return of(reference, platform, RegistrySettings.fromSystem());
    }

    public static RegistrySource of(String reference, Platform platform, RegistrySettings settings) {
        return new RegistrySource(RegistryReference.parse(reference), reference.strip(), platform, settings);
    }

    /**
     * One source per platform of the index {@code reference} names (attestations skipped), each pinned to the
     * index's digest so that all of them read the same push even if the tag moves meanwhile.
     */
    public static List<RegistrySource> allPlatforms(String reference, RegistrySettings settings) {
        RegistryReference parsed = RegistryReference.parse(reference);
        RegistryClient client = new RegistryClient(parsed, settings);
        RegistryClient.Manifest top = client.manifest(parsed.manifestReference());
        RegistryReference pinned = parsed.pinned(top.digest());
        if (!isIndex(top)) {
            return List.of(new RegistrySource(pinned, reference.strip(), null, settings));
        }
        List<RegistrySource> out = new ArrayList<>();
        Set<Platform> seen = new HashSet<>();
        List<Descriptor> manifests = manifests(client, top, parsed.toString());
        for (Descriptor d : manifests) {
            ManifestSelection.platformOf(d).filter(seen::add).ifPresent(p ->
                    out.add(new RegistrySource(pinned, reference.strip() + " (" + p + ")", p, settings)));
        }
        if (out.isEmpty()) {
            // an empty list would let a loop over the platforms assert nothing
            throw new InvalidImageException(InvalidImageException.Reason.NOT_AN_IMAGE, "The index " + parsed + " names no "
                    + "image with a platform (entries: " + ManifestSelection.platformNames(manifests) + "); read it with "
                    + "ContainerImage.fromRegistry(reference).");
        }
        return out;
    }

    @Override
    public String reference() {
        return given;
    }

    @Override
    public String origin() {
        return "the registry " + client.describe();
    }

    @Override
    public String loadHint() {
        return "Pull it into the engine first: `docker pull " + reference + "`";
    }

    @Override
    public ImageManifest manifest() {
        return manifest.get();
    }

    private ImageManifest readManifest() {
        String where = "the registry image " + reference;
        RegistryClient.Manifest top = client.manifest(reference.manifestReference());
        RegistryClient.Manifest chosen = top;
        if (isIndex(top)) {
            Descriptor d = ManifestSelection.choose(manifests(client, top, where), platform, where,
                    "ContainerImage.fromRegistry(reference, Platform.parse(\"os/arch\"))");
            chosen = manifestFor(client, d, where);
            where = where + " (" + ManifestSelection.platformOf(d).map(Platform::toString).orElse(d.digest()) + ")";
        } else if (platform != null) {
            LOG.debug("{} names a single manifest, not an index; its config says which platform it is", reference);
        }
        if (ManifestSelection.isSchema1(chosen.mediaType(), null)) {
            throw ManifestSelection.schema1(where);
        }
        var parsed = ManifestSelection.readManifest(chosen.bytes(), where + ": manifest " + chosen.digest());
        List<LayerRef> layers = ManifestSelection.layers(parsed, Descriptor::digest, where);
        byte[] config = client.smallBlob(parsed.config().digest(), parsed.config().sizeOr(-1), "the image config");
        ImageManifest result = ImageManifest.fromConfig(given, config, layers, where);
        if (platform != null && !isIndex(top) && !platform.matches(result.platform())) {
            throw new InvalidImageException(InvalidImageException.Reason.NO_MATCHING_PLATFORM, where + " is a single "
                    + result.platform() + " image, not an index with " + platform + " in it.");
        }
        return result;
    }

    private static boolean isIndex(RegistryClient.Manifest m) {
        if (ManifestSelection.isIndex(m.mediaType())) {
            return true;
        }
        // some registries serve every manifest as application/json; the document says what it is
        return (m.mediaType() == null || m.mediaType().equals("application/json"))
                && Json.read(m.bytes(), ImageIndexJson.class, "a manifest").manifests().size() > 0;
    }

    private static List<Descriptor> manifests(RegistryClient client, RegistryClient.Manifest index, String where) {
        try {
            return ManifestSelection.imageManifests(Json.read(index.bytes(), ImageIndexJson.class, where + ": index " + index.digest()),
                    (d, what) -> manifestFor(client, d, where).bytes(), where);
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Reading the index of " + where + ": " + e.getMessage(), e);
        }
    }

    /** A manifest an index points to, by digest, and of the size the index gives. */
    private static RegistryClient.Manifest manifestFor(RegistryClient client, Descriptor d, String where) {
        RegistryClient.Manifest m = client.manifest(d.digest());
        if (d.size() != null && m.bytes().length != d.size()) {
            throw new InvalidImageException(InvalidImageException.Reason.DIGEST_MISMATCH, where + ": the manifest "
                    + d.digest() + " has " + m.bytes().length + " bytes but the index gives " + d.size() + ".");
        }
        return m;
    }

    /**
     * Each wanted layer, streamed and checked against its digest and size. For a {@link RepeatableLayerSink} (the
     * layer store's), layers are fetched {@value #PARALLEL_LAYERS} at a time, and a connection lost or stalled
     * halfway is tried again from the start of that layer, as often as {@code imageassert.registry.retries} allows.
     */
    @Override
    public void deliver(Set<String> wanted, LayerSink sink) {
        Set<String> seen = new HashSet<>();
        List<LayerRef> todo = manifest().layers().stream()
                .filter(ref -> wanted.contains(ref.diffId()) && seen.add(ref.diffId())).toList();
        if (!(sink instanceof RepeatableLayerSink)) {
            todo.forEach(ref -> deliverLayer(ref, sink, 0));
            return;
        }
        int threads = Math.min(todo.size(), PARALLEL_LAYERS);
        if (threads <= 1) {
            todo.forEach(ref -> deliverLayer(ref, sink, settings.retries()));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-assert-registry-" + reference.repository());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (LayerRef ref : todo) {
                running.add(pool.submit(() -> deliverLayer(ref, sink, settings.retries())));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    running.forEach(other -> other.cancel(true));
                    throw e.getCause() instanceof RuntimeException r ? r
                            : new RegistryException(RegistryException.Reason.PROTOCOL, e.getCause().getMessage(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Interrupted while reading " + reference, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void deliverLayer(LayerRef ref, LayerSink sink, int retries) {
        String label = "Layer " + ref.index() + " (" + ref.digest() + ") of " + reference;
        for (int attempt = 0; ; attempt++) {
            try {
                InputStream body;
                try {
                    body = client.blob(ref.digest(), "the layer");
                } catch (InvalidImageException e) {
                    throw ref.nonDistributable() && e.reason() == InvalidImageException.Reason.MISSING_BLOB
                            ? ref.notDistributed(reference.toString()) : e;
                }
                try (InputStream blob = new VerifyingInputStream(body, ref.digest(), ref.compressedSize(), label)) {
                    sink.accept(ref, ref.digest(), blob);
                }
                return;
            } catch (IOException | CorruptLayerException e) {
                BodyStream.TransportException transport = transportFailure(e);
                if (transport == null) {
                    throw e instanceof CorruptLayerException c ? c
                            : new CorruptLayerException(label + " cannot be read: " + e.getMessage(), e);
                }
                if (attempt >= retries) {
                    throw new RegistryException(transport instanceof BodyStream.StalledException
                            ? RegistryException.Reason.TIMEOUT : RegistryException.Reason.UNAVAILABLE,
                            label + " could not be read from " + client.describe() + ": " + transport.getMessage()
                                    + (attempt == 0 ? "" : " (" + (attempt + 1) + " attempts)")
                                    + (transport instanceof BodyStream.StalledException
                                    ? ". Raise " + RegistrySettings.TIMEOUT + " (seconds) for a slow registry." : "."), e);
                }
                LOG.info("{}: {}; reading it again ({} of {})", label, transport.getMessage(), attempt + 1, retries);
            }
        }
    }

    private static BodyStream.TransportException transportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyStream.TransportException transport) {
                return transport;
            }
        }
        return null;
    }
}

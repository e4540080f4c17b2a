package io.github.imageassert.internal.source;

import io.github.imageassert.image.EngineFailureException;
import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.json.EngineHistoryJson;
import io.github.imageassert.internal.json.EngineInspectJson;
import io.github.imageassert.internal.limits.Limits;
import io.github.imageassert.internal.tar.BoundedTarInputStream;
import io.github.imageassert.internal.tar.TarNames;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * An image in a container engine. The manifest comes from the engine's inspect and history answers, without
 * an export; layers come from the engine's export ({@code docker save}), read once as one stream.
 */
public final class EngineSource implements ImageSource {

    private final String reference;
    private final Once<ImageManifest> manifest = new Once<>(this::readManifest);

    public EngineSource(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("An image reference is needed, e.g. \"sample:runtime\" or an image id");
        }
        this.reference = reference;
    }

    @Override
    public String reference() {
        return reference;
    }

    @Override
    public String origin() {
        return "the engine";
    }

    @Override
    public Optional<String> engineReference() {
        return Optional.of(reference);
    }

    @Override
    public ImageManifest manifest() {
        return manifest.get();
    }

    private ImageManifest readManifest() {
        EngineInspectJson inspect = EngineApi.imageJson(reference, "json", EngineInspectJson.class);
        List<EngineHistoryJson> steps = new ArrayList<>(List.of(EngineApi.imageJson(reference, "history",
                EngineHistoryJson[].class)));
        Collections.reverse(steps); // the engine lists newest first
        return fromEngine(inspect, steps);
    }

    private ImageManifest fromEngine(EngineInspectJson inspect, List<EngineHistoryJson> steps) {
        List<String> diffIds = inspect.diffIds();
        // The engine's history does not say which steps made a layer. RUN, COPY, ADD and an import always do;
        // WORKDIR does with BuildKit and not with the legacy builder: count it only when that makes the numbers agree.
        long certain = steps.stream().filter(h -> makesLayer(createdBy(h), size(h))).count();
        boolean withWorkdir = certain != diffIds.size();
        List<HistoryEntry> history = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (EngineHistoryJson h : steps) {
            boolean layer = makesLayer(createdBy(h), size(h)) || withWorkdir && instructionOf(createdBy(h)).startsWith("WORKDIR");
            history.add(new HistoryEntry(h.created() == null ? null : Instant.ofEpochSecond(h.created()),
                    h.createdBy(), h.comment(), !layer));
            if (layer) {
                sizes.add(size(h));
            }
        }
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            if (!Digests.isSha256(diffIds.get(i))) {
                throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, "The engine reports layer " + i
                        + " of " + reference + " as '" + diffIds.get(i) + "', which is not a sha256 digest.");
            }
            layers.add(new LayerRef(i, diffIds.get(i), null, null, null, -1, null));
        }
        boolean aligned = LayerHistory.linesUp(history, layers.size());
        Platform platform = new Platform(nonEmpty(inspect.os(), "linux"), nonEmpty(inspect.architecture(), "amd64"),
                inspect.variant());
        return new ImageManifest(reference, inspect.id(), platform, ConfigReader.config(inspect.config()), history,
                LayerHistory.attach(layers, history), aligned ? sizes : null);
    }

    private static String createdBy(EngineHistoryJson h) {
        return h.createdBy() == null ? "" : h.createdBy();
    }

    private static long size(EngineHistoryJson h) {
        return h.size() == null ? 0 : h.size();
    }

    /** RUN, COPY and ADD (and an import) write a layer; ENV, USER, LABEL and the like only change the config. */
    static boolean makesLayer(String createdBy, long size) {
        if (size > 0 || createdBy.isBlank()) {
            return true; // `docker import` records no instruction
        }
        String instruction = instructionOf(createdBy);
        return instruction.startsWith("RUN") || instruction.startsWith("COPY") || instruction.startsWith("ADD");
    }

    private static String instructionOf(String createdBy) {
        return new HistoryEntry(null, createdBy, null, false).instruction();
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /**
     * One export for all the layers asked about; the engine offers no way to fetch a single layer. Docker 25+
     * names layers by their digest, which for its uncompressed layers is the diff id, so an unwanted one is
     * skipped unread; the legacy layout ({@code <id>/layer.tar}) and Podman's ({@code <digest>.tar}) name them
     * otherwise, so each is handed over and the sink tells which it is. The export stops once every wanted
     * layer went past.
     */
    @Override
    public void deliver(Set<String> wanted, LayerSink sink) {
        EngineSettings settings = EngineSettings.fromEnvironment();
        Set<String> seen = new HashSet<>();
        EngineExport export = EngineApi.export(reference, settings);
        try (export) {
            // the export's own headers are held to the same limit as a layer's
            BoundedTarInputStream tar = BoundedTarInputStream.of(new BufferedInputStream(export, 1 << 20), Limits.fromEnvironment());
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (!e.isFile() || e.isLink() || e.isSymbolicLink()) {
                    continue;
                }
                String name = TarNames.archiveName(e.getName());
                String digest = name.startsWith("blobs/sha256/") ? "sha256:" + name.substring("blobs/sha256/".length()) : null;
                if (digest != null && Digests.isSha256(digest)) {
                    if (wanted.contains(digest) && seen.add(digest)) {
                        sink.accept(layerOf(digest), name, tar);
                    }
                } else if (isLayerCandidate(name)) {
                    sink.accept(null, name, tar);
                }
            }
            if (!tar.endBlocksRead()) {
                throw stopped(export, null); // cut between two entries: the tar reader takes that for its end
            }
        } catch (IOException | RuntimeException e) {
            throw translate(e, export, settings);
        }
    }

    /**
     * What a failure while the export was read means. When the engine stopped sending (no byte for the timeout, a
     * broken connection, or a connection closed before the export's end blocks), whatever the tar and layer readers
     * made of the missing bytes ("truncated tar", a layer that does not match its diff id) is the engine's failure,
     * not the image's, and is reported as such.
     */
    private RuntimeException translate(Exception e, EngineExport export, EngineSettings settings) {
        if (e instanceof EngineFailureException failure) {
            return failure;
        }
        java.util.Optional<EngineExport.EngineStreamException> transport = EngineExport.EngineStreamException.in(e);
        if (transport.isPresent() && transport.get().stalled()) {
            return new EngineFailureException(EngineFailureException.Reason.TIMEOUT, "The engine sent nothing for "
                    + settings.timeout().toSeconds() + " s while it exported " + reference + ", after "
                    + String.format(Locale.ROOT, "%,d", transport.get().received()) + " bytes: it is stopped, hung or "
                    + "overloaded. Layers read whole before that are in the layer store; nothing of the one being read is "
                    + "kept. Check the engine (`docker info`, its log) and run the test again; for an engine that is only "
                    + "slow, raise " + EngineSettings.TIMEOUT + " (seconds; now " + settings.timeout().toSeconds() + ").", e);
        }
        if (transport.isPresent() || export.endedEarly()) {
            return stopped(export, e);
        }
        java.util.Optional<Limits.ExceededIOException> limit = Limits.ExceededIOException.in(e);
        if (limit.isPresent()) {
            return limit.get().toException("The export of " + reference + " from the engine");
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new InvalidImageException(InvalidImageException.Reason.CORRUPT_ARCHIVE, "The export of " + reference
                + " from the engine is not a readable tar (" + e.getMessage() + "). Check the engine (`docker save "
                + reference + " | tar t` lists what it sends).", e);
    }

    private EngineFailureException stopped(EngineExport export, Exception cause) {
        String how = cause == null || EngineExport.EngineStreamException.in(cause).isEmpty()
                ? "the connection closed" : "the connection failed (" + EngineExport.EngineStreamException.in(cause).get().getMessage() + ")";
        return new EngineFailureException(EngineFailureException.Reason.STOPPED, "The engine stopped sending " + reference
                + " after " + String.format(Locale.ROOT, "%,d", export.received()) + " bytes of its export, before the "
                + "export's end: " + how + ", so the engine stopped, crashed or restarted. Layers read whole before "
                + "that are in the layer store; nothing of the one being read is kept. Check the engine (`docker info`, "
                + "its log) and run the test again.", cause);
    }

    private LayerRef layerOf(String diffId) {
        return manifest().layers().stream().filter(l -> l.diffId().equals(diffId)).findFirst().orElseThrow();
    }

    /** Names a layer goes by in the legacy and Podman exports; JSON documents and the repositories file are not layers. */
    private static boolean isLayerCandidate(String name) {
        return name.endsWith("/layer.tar") || name.endsWith(".tar");
    }
}

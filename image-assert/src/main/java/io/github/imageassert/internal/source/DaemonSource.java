package io.github.imageassert.internal.source;

import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.ImageHistory;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.ContentVisitor;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.internal.tar.LayerContents;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.image.HealthCheck;
import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image in a container engine. Metadata comes from the engine's inspect and history answers, without an
 * export; the first file-level question exports the image once ({@code docker save}) and indexes it in one
 * streaming pass, which also yields the exact config and history.
 */
public final class DaemonSource implements ImageSource {

    private final String reference;
    private ImageMetadata metadata;
    private List<String> layerEntryNames;

    public DaemonSource(String reference) {
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
    public java.util.Optional<String> engineReference() {
        return java.util.Optional.of(reference);
    }

    @Override
    public synchronized ImageMetadata metadata() {
        if (metadata == null) {
            DockerClient client = Engine.client();
            InspectImageResponse inspect = inspect(client);
            List<ImageHistory> steps = new ArrayList<>(client.imageHistoryCmd(reference).exec());
            Collections.reverse(steps); // the engine lists newest first
            metadata = fromEngine(inspect, steps);
        }
        return metadata;
    }

    private InspectImageResponse inspect(DockerClient client) {
        try {
            return client.inspectImageCmd(reference).exec();
        } catch (NotFoundException e) {
            throw new ImageNotFoundException("The engine has no image '" + reference + "'. Build or tag it first "
                    + "(docker build -t " + reference + " .), or check the name: `docker images` lists what the engine has.");
        }
    }

    private ImageMetadata fromEngine(InspectImageResponse inspect, List<ImageHistory> steps) {
        List<String> diffIds = inspect.getRootFS() == null || inspect.getRootFS().getLayers() == null
                ? List.of() : inspect.getRootFS().getLayers();
        // The engine's history does not say which steps made a layer. RUN, COPY, ADD and an import always do;
        // WORKDIR does with BuildKit and not with the legacy builder: count it only when that makes the numbers
        // agree. When they still do not, sizes and instructions stay unknown until an export gives the config.
        List<Long> stepSizes = new ArrayList<>();
        List<Boolean> certain = new ArrayList<>();
        List<Boolean> maybe = new ArrayList<>();
        for (ImageHistory h : steps) {
            String createdBy = h.getCreatedBy() == null ? "" : h.getCreatedBy();
            long size = h.getSize() == null ? 0 : h.getSize();
            certain.add(makesLayer(createdBy, size));
            maybe.add(instructionOf(createdBy).startsWith("WORKDIR"));
            stepSizes.add(size);
        }
        long certainCount = certain.stream().filter(b -> b).count();
        boolean withWorkdir = certainCount != diffIds.size();
        List<HistoryEntry> history = new ArrayList<>();
        List<Integer> makers = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ImageHistory h = steps.get(i);
            boolean layer = certain.get(i) || (withWorkdir && maybe.get(i));
            if (layer) {
                makers.add(i);
            }
            history.add(new HistoryEntry(h.getCreated() == null ? null : Instant.ofEpochSecond(h.getCreated()),
                    h.getCreatedBy(), h.getComment(), !layer));
        }
        boolean aligned = makers.size() == diffIds.size();
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            HistoryEntry step = aligned ? history.get(makers.get(i)) : null;
            long size = aligned ? stepSizes.get(makers.get(i)) : -1;
            layers.add(new Layer(i, diffIds.get(i), null, size, -1, null, step));
        }
        if (!aligned && diffIds.size() == 1 && inspect.getSize() != null) {
            layers.set(0, layers.get(0).withSize(inspect.getSize()));
        }
        Map<String, Object> raw = inspect.getRawValues();
        Platform platform = new Platform(nonNull(inspect.getOs(), "linux"), nonNull(inspect.getArch(), "amd64"),
                raw == null ? null : (String) raw.get("Variant"));
        return new ImageMetadata(reference, inspect.getId(), platform, config(inspect.getConfig()), layers, history);
    }

    /** RUN, COPY and ADD (and an import) write a layer; ENV, USER, LABEL and the like only change the config. */
    public static boolean makesLayer(String createdBy, long size) {
        if (size > 0 || createdBy.isBlank()) {
            return true; // `docker import` records no instruction
        }
        String instruction = instructionOf(createdBy);
        return instruction.startsWith("RUN") || instruction.startsWith("COPY") || instruction.startsWith("ADD");
    }

    private static String instructionOf(String createdBy) {
        return new HistoryEntry(null, createdBy, null, false).instruction();
    }

    private static ImageConfig config(ContainerConfig c) {
        if (c == null) {
            return new ImageConfig(null, null, null, null, null, null, null, null, null, null, null);
        }
        Set<String> ports = new LinkedHashSet<>();
        if (c.getExposedPorts() != null) {
            for (ExposedPort p : c.getExposedPorts()) {
                ports.add(p.getPort() + "/" + p.getProtocol().toString());
            }
        }
        Map<String, Object> raw = c.getRawValues() == null ? Map.of() : c.getRawValues();
        Object shell = raw.get("Shell");
        return new ImageConfig(c.getUser(), list(c.getEntrypoint()), list(c.getCmd()), list(c.getEnv()),
                c.getWorkingDir(), ports, c.getVolumes() == null ? null : c.getVolumes().keySet(), c.getLabels(),
                healthCheck(c.getHealthcheck()), (String) raw.get("StopSignal"),
                shell instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null);
    }

    private static HealthCheck healthCheck(com.github.dockerjava.api.model.HealthCheck h) {
        if (h == null || h.getTest() == null) {
            return null;
        }
        return new HealthCheck(h.getTest(), nanos(h.getInterval()), nanos(h.getTimeout()), nanos(h.getStartPeriod()),
                h.getRetries());
    }

    private static Duration nanos(Long value) {
        return value == null ? null : Duration.ofNanos(value);
    }

    private static List<String> list(String[] array) {
        return array == null ? null : Arrays.asList(array);
    }

    private static String nonNull(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    @Override
    public List<LayerIndex> indexLayers(ContentCapture capture) {
        String what = "the export of " + reference;
        SaveStream save;
        try (InputStream in = Engine.client().saveImageCmd(reference).exec()) {
            save = SaveStream.read(in, capture, what);
        } catch (NotFoundException e) {
            throw new ImageNotFoundException("The engine has no image '" + reference + "' to export.");
        } catch (IOException e) {
            throw new UncheckedIOException("Exporting " + reference + " from the engine failed: " + e.getMessage(), e);
        }
        ArchiveLayout.Resolved resolved;
        try {
            resolved = ArchiveLayout.resolve(save.files(what), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] config = save.documents.get(save.resolve(resolved.configName()));
        if (config == null) {
            throw new InvalidImageException(InvalidImageException.Reason.MISSING_BLOB, what + " has no config " + resolved.configName());
        }
        List<LayerIndex> ordered = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (LayerRef ref : resolved.layers()) {
            String name = save.resolve(ref.name());
            LayerIndex index = save.layers.get(name);
            if (index == null) {
                throw new InvalidImageException(InvalidImageException.Reason.MISSING_BLOB, what + " has no layer " + ref.name());
            }
            ordered.add(index);
            names.add(name);
        }
        ImageMetadata exact = MetadataBuilder.build(reference, what, config, resolved.layers(), i -> ordered.get(i).contentSize());
        for (int i = 0; i < ordered.size(); i++) {
            if (!ordered.get(i).diffId().equals(exact.layers().get(i).diffId())) {
                throw new CorruptLayerException("Layer " + i + " of " + what + " has content " + ordered.get(i).diffId()
                        + " but its config says " + exact.layers().get(i).diffId() + ".", null);
            }
        }
        synchronized (this) {
            String id = metadata != null ? metadata.id() : exact.id();
            metadata = new ImageMetadata(reference, id, exact.platform(), exact.config(), exact.layers(), exact.history());
            layerEntryNames = List.copyOf(names);
        }
        return ordered;
    }

    /** One export for all the layers asked about; the engine offers no way to fetch a single layer. */
    @Override
    public void readContents(Map<Integer, Set<String>> wanted, ContentVisitor visitor) {
        List<String> names;
        synchronized (this) {
            names = layerEntryNames;
        }
        if (names == null) {
            throw new IllegalStateException("readContents needs the layers indexed first");
        }
        Map<String, List<Integer>> layersByEntry = new HashMap<>();
        wanted.keySet().forEach(i -> layersByEntry.computeIfAbsent(names.get(i), n -> new ArrayList<>()).add(i));
        try (InputStream in = Engine.client().saveImageCmd(reference).exec()) {
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            TarArchiveEntry e;
            while (!layersByEntry.isEmpty() && (e = tar.getNextEntry()) != null) {
                List<Integer> layers = layersByEntry.remove(ArchiveEntries.name(e.getName()));
                if (layers != null && layers.size() == 1) {
                    LayerContents.visit(tar, layers.get(0), wanted.get(layers.get(0)), visitor);
                } else if (layers != null) {
                    // Identical layers share one entry: buffer it once for each of them.
                    byte[] blob = tar.readAllBytes();
                    for (int layer : layers) {
                        LayerContents.visit(new java.io.ByteArrayInputStream(blob), layer, wanted.get(layer), visitor);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Exporting " + reference + " to read file contents failed: " + e.getMessage(), e);
        }
    }
}

package io.github.imageassert.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Assembles image archives from layers the test wrote: a legacy {@code docker save} tar, a Docker 25+ save
 * tar (OCI layout plus manifest.json), or an OCI layout directory, optionally with an index of platforms.
 */
public final class ImageArchive {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param diffId what the config says the uncompressed tar hashes to */
    public record LayerBlob(byte[] uncompressed, byte[] stored, String mediaType, String createdBy, String diffId) {
        LayerBlob(byte[] uncompressed, byte[] stored, String mediaType, String createdBy) {
            this(uncompressed, stored, mediaType, createdBy, LayerTar.sha256(uncompressed));
        }
    }

    private final List<LayerBlob> layers = new ArrayList<>();
    private final List<String> emptySteps = new ArrayList<>();
    private Consumer<ObjectNode> configCustomizer = c -> { };
    private Consumer<ObjectNode> rootCustomizer = c -> { };
    private String architecture = "amd64";

    public ImageArchive layer(LayerTar tar, String createdBy) {
        byte[] data = tar.bytes();
        layers.add(new LayerBlob(data, data, "application/vnd.oci.image.layer.v1.tar", createdBy));
        return this;
    }

    public ImageArchive gzipLayer(LayerTar tar, String createdBy) {
        byte[] data = tar.bytes();
        layers.add(new LayerBlob(data, LayerTar.gzip(data), "application/vnd.oci.image.layer.v1.tar+gzip", createdBy));
        return this;
    }

    public ImageArchive zstdLayer(LayerTar tar, String createdBy) {
        byte[] data = tar.bytes();
        layers.add(new LayerBlob(data, LayerTar.zstd(data), "application/vnd.oci.image.layer.v1.tar+zstd", createdBy));
        return this;
    }

    /** A layer tar written byte by byte ({@link RawTar}), stored as it is. */
    public ImageArchive rawLayer(byte[] tar, String createdBy) {
        layers.add(new LayerBlob(tar, tar, "application/vnd.oci.image.layer.v1.tar", createdBy));
        return this;
    }

    /**
     * A layer blob as stored ({@code mediaType} says how), whose config entry claims {@code diffId}: for blobs too big
     * to hash in a test, such as decompression bombs. An archive with it can only be an OCI layout or a Docker 25+ save.
     */
    public ImageArchive blobLayer(byte[] stored, String mediaType, String diffId) {
        layers.add(new LayerBlob(null, stored, mediaType, "ADD bomb /", diffId));
        return this;
    }

    /** A history step that made no layer (ENV, USER, ...), placed after the layers added so far. */
    public ImageArchive emptyStep(String createdBy) {
        emptySteps.add(layers.size() + "\u0000" + createdBy);
        return this;
    }

    public ImageArchive config(Consumer<ObjectNode> customizer) {
        this.configCustomizer = customizer;
        return this;
    }

    /** Changes the whole config document (rootfs, history...) after it is built, before it is hashed. */
    public ImageArchive rootConfig(Consumer<ObjectNode> customizer) {
        this.rootCustomizer = customizer;
        return this;
    }

    public ImageArchive architecture(String arch) {
        this.architecture = arch;
        return this;
    }

    public byte[] configJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("architecture", architecture);
        root.put("os", "linux");
        ObjectNode config = root.putObject("config");
        config.putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        configCustomizer.accept(config);
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        ArrayNode history = root.putArray("history");
        for (int i = 0; i <= layers.size(); i++) {
            for (String step : emptySteps) {
                String[] parts = step.split("\u0000", 2);
                if (Integer.parseInt(parts[0]) == i) {
                    history.addObject().put("created_by", parts[1]).put("empty_layer", true);
                }
            }
            if (i < layers.size()) {
                diffIds.add(layers.get(i).diffId());
                history.addObject().put("created_by", layers.get(i).createdBy());
            }
        }
        rootCustomizer.accept(root);
        return bytes(root);
    }

    /** The layout Docker up to 24 (and this machine's 20.10 engine) writes. */
    public Path writeLegacyDockerSave(Path file, String tag) {
        byte[] config = configJson();
        String configName = LayerTar.sha256(config).substring(7) + ".json";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ArrayNode layerNames = JSON.createArrayNode();
        for (int i = 0; i < layers.size(); i++) {
            String dir = String.format("%064x", i + 1);
            entries.put(dir + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
            entries.put(dir + "/layer.tar", layers.get(i).uncompressed());
            layerNames.add(dir + "/layer.tar");
        }
        entries.put(configName, config);
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode m = manifest.addObject();
        m.put("Config", configName);
        m.putArray("RepoTags").add(tag);
        m.set("Layers", layerNames);
        entries.put("manifest.json", bytes(manifest));
        writeTar(file, entries);
        return file;
    }

    /** The layout Docker 25+ writes: an OCI layout with a manifest.json beside it. */
    public Path writeOciDockerSave(Path file, String tag) {
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        String manifestDigest = ociBlobs(blobs);
        Map<String, byte[]> entries = new LinkedHashMap<>(blobs);
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode d = index.putArray("manifests").addObject();
        d.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        d.put("digest", manifestDigest);
        d.put("size", blobs.get(blobName(manifestDigest)).length);
        d.putObject("annotations").put("io.containerd.image.name", tag);
        entries.put("index.json", bytes(index));
        entries.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode m = manifest.addObject();
        m.put("Config", blobName(LayerTar.sha256(configJson())));
        m.putArray("RepoTags").add(tag);
        ArrayNode names = m.putArray("Layers");
        ObjectNode sources = m.putObject("LayerSources");
        for (LayerBlob l : layers) {
            String digest = LayerTar.sha256(l.stored());
            names.add(blobName(digest));
            sources.putObject(digest).put("mediaType", l.mediaType()).put("size", l.stored().length).put("digest", digest);
        }
        entries.put("manifest.json", bytes(manifest));
        writeTar(file, entries);
        return file;
    }

    /** An OCI layout directory; with {@code others}, an index of several platforms. */
    public Path writeOciLayout(Path dir, ImageArchive... others) {
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ArrayNode manifests = index.putArray("manifests");
        List<ImageArchive> all = new ArrayList<>();
        all.add(this);
        all.addAll(List.of(others));
        for (ImageArchive image : all) {
            String digest = image.ociBlobs(blobs);
            ObjectNode d = manifests.addObject();
            d.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            d.put("digest", digest);
            d.put("size", blobs.get(blobName(digest)).length);
            d.putObject("platform").put("os", "linux").put("architecture", image.architecture);
        }
        try {
            for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            Files.write(dir.resolve("index.json"), bytes(index));
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return dir;
    }

    private String ociBlobs(Map<String, byte[]> blobs) {
        byte[] config = configJson();
        blobs.put(blobName(LayerTar.sha256(config)), config);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", LayerTar.sha256(config)).put("size", config.length);
        ArrayNode ls = manifest.putArray("layers");
        for (LayerBlob l : layers) {
            String digest = LayerTar.sha256(l.stored());
            blobs.put(blobName(digest), l.stored());
            ls.addObject().put("mediaType", l.mediaType()).put("digest", digest).put("size", l.stored().length);
        }
        byte[] m = bytes(manifest);
        blobs.put(blobName(LayerTar.sha256(m)), m);
        return LayerTar.sha256(m);
    }

    private static String blobName(String digest) {
        return "blobs/sha256/" + digest.substring(7);
    }

    private static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Writes entries sorted by name, as the engine does. */
    static void writeTar(Path file, Map<String, byte[]> entries) {
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String name : new java.util.TreeSet<>(entries.keySet())) {
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(entries.get(name).length);
                tar.putArchiveEntry(e);
                tar.write(entries.get(name));
                tar.closeArchiveEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

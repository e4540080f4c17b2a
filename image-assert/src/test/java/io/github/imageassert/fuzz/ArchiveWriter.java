package io.github.imageassert.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialises an {@link ArchiveSpec} into a {@link Layout}: layers built, then configs, manifests and indexes, each
 * hashed after its children so every digest is right. A {@link DocEdit} may change a document before it is hashed:
 * a consistent edit, which only meaning can reveal.
 */
final class ArchiveWriter {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

    /** Changes a document before it is hashed. */
    @FunctionalInterface
    interface DocEdit {
        /** @param doc "config", "manifest", "index" (nested), "index.json" or "manifest.json"; image -1 when not one image's */
        void edit(String doc, int image, ObjectNode tree);

        DocEdit NONE = (doc, image, tree) -> { };
    }

    /** The layout, and each image's diff ids as the layers hash. */
    record Written(Layout layout, List<List<String>> diffIds) {
    }

    private final ArchiveSpec spec;
    private final DocEdit edit;
    private final Path work;
    private final Layout layout;

    private ArchiveWriter(ArchiveSpec spec, DocEdit edit, Path work) {
        this.spec = spec;
        this.edit = edit;
        this.work = work;
        this.layout = new Layout(spec.kind, spec.isDirectory());
    }

    static Written write(ArchiveSpec spec, DocEdit edit, Path work) throws IOException {
        return new ArchiveWriter(spec, edit, work).write();
    }

    private Written write() throws IOException {
        List<List<String>> diffIds = new ArrayList<>();
        List<ObjectNode> descriptors = new ArrayList<>();
        List<ObjectNode> dockerEntries = new ArrayList<>();
        for (int i = 0; i < spec.images.size(); i++) {
            ImageSpec image = spec.images.get(i);
            boolean wanted = i == spec.wanted;
            List<LayerBuilder.Built> layers = new ArrayList<>();
            for (LayerSpec l : image.layers) {
                layers.add(LayerBuilder.build(l, work));
            }
            diffIds.add(layers.stream().map(LayerBuilder.Built::diffId).toList());
            ObjectNode config = config(image, layers);
            edit.edit("config", i, config);
            byte[] configBytes = bytes(config);
            String configDigest = LayerBuilder.sha256(configBytes);
            if (spec.kind == ArchiveSpec.Kind.LEGACY_SAVE) {
                dockerEntries.add(legacy(i, wanted, layers, configBytes, configDigest));
                continue;
            }
            Layout.Role role = wanted ? Layout.Role.STRICT : Layout.Role.UNUSED;
            Layout.Role layerRole = wanted && (spec.readsIndex() || spec.kind == ArchiveSpec.Kind.DOCKER25_SAVE)
                    ? Layout.Role.STRICT : Layout.Role.UNUSED;
            blob(configBytes, wanted ? layerRole : role, wanted ? "config" : null);
            for (int l = 0; l < layers.size(); l++) {
                LayerBuilder.Built b = layers.get(l);
                layout.put(blobName(b.digest()), b.blob(), layerRole, b.digest());
                if (wanted) {
                    layout.wantedBlobs.put("layer" + l, blobName(b.digest()));
                }
            }
            ObjectNode manifest = manifest(configDigest, configBytes.length, layers);
            edit.edit("manifest", i, manifest);
            byte[] manifestBytes = bytes(manifest);
            String manifestDigest = blob(manifestBytes, wanted && spec.readsIndex() ? Layout.Role.STRICT : Layout.Role.UNUSED,
                    wanted ? "manifest" : null);
            ObjectNode d = descriptor(OCI_MANIFEST, manifestDigest, manifestBytes.length);
            if (spec.images.size() > 1 || spec.nestedIndex || spec.explicitPlatform) {
                d.set("platform", platform(image.os, image.architecture, image.variant));
            }
            d.putObject("annotations").put("org.opencontainers.image.ref.name", tagOnly());
            descriptors.add(d);
            if (spec.attestations) {
                descriptors.add(attestation(manifestDigest));
            }
            if (spec.kind == ArchiveSpec.Kind.DOCKER25_SAVE && wanted) {
                dockerEntries.add(dockerEntry("blobs/sha256/" + hex(configDigest),
                        layers.stream().map(b -> "blobs/sha256/" + hex(b.digest())).toList()));
            }
        }
        if (spec.kind != ArchiveSpec.Kind.LEGACY_SAVE) {
            writeIndexes(descriptors);
        }
        if (spec.kind == ArchiveSpec.Kind.LEGACY_SAVE || spec.kind == ArchiveSpec.Kind.DOCKER25_SAVE) {
            ArrayNode manifestJson = JSON.createArrayNode();
            dockerEntries.forEach(manifestJson::add);
            ObjectNode holder = JSON.createObjectNode();
            holder.set("list", manifestJson);
            edit.edit("manifest.json", -1, holder);
            layout.put("manifest.json", Blob.of(bytes(holder.get("list"))),
                    spec.readsIndex() ? Layout.Role.UNUSED : Layout.Role.ROOT, null);
        }
        return new Written(layout, diffIds);
    }

    private void writeIndexes(List<ObjectNode> descriptors) throws IOException {
        ObjectNode index = index(descriptors);
        if (spec.nestedIndex) {
            edit.edit("index", -1, index);
            byte[] nested = bytes(index);
            String digest = blob(nested, spec.readsIndex() ? Layout.Role.STRICT : Layout.Role.UNUSED, "index");
            ObjectNode d = descriptor(OCI_INDEX, digest, nested.length);
            d.putObject("annotations").put("org.opencontainers.image.ref.name", tagOnly());
            index = index(List.of(d));
        }
        edit.edit("index.json", -1, index);
        layout.put("index.json", Blob.of(bytes(index)), spec.readsIndex() ? Layout.Role.ROOT : Layout.Role.UNUSED, null);
        layout.put("oci-layout", Blob.of("{\"imageLayoutVersion\":\"1.0.0\"}"), Layout.Role.UNUSED, null);
    }

    private ObjectNode legacy(int i, boolean wanted, List<LayerBuilder.Built> layers, byte[] configBytes, String configDigest) {
        List<String> names = new ArrayList<>();
        String parent = null;
        for (int l = 0; l < layers.size(); l++) {
            LayerBuilder.Built b = layers.get(l);
            String id = hex(LayerBuilder.sha256((parent + b.diffId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Layout.Role role = !wanted ? Layout.Role.UNUSED
                    : b.compression() == LayerSpec.Compression.PLAIN ? Layout.Role.STRICT : Layout.Role.CONTENT;
            layout.put(id + "/VERSION", Blob.of("1.0"), Layout.Role.UNUSED, null);
            layout.put(id + "/json", Blob.of("{\"id\":\"" + id + "\"" + (parent == null ? "" : ",\"parent\":\"" + parent + "\"") + "}"),
                    Layout.Role.UNUSED, null);
            layout.put(id + "/layer.tar", b.blob(), role, null);
            if (wanted) {
                layout.wantedBlobs.put("layer" + l, id + "/layer.tar");
            }
            names.add(id + "/layer.tar");
            parent = id;
        }
        String configName = hex(configDigest) + ".json";
        layout.put(configName, Blob.of(configBytes), wanted ? Layout.Role.STRICT : Layout.Role.UNUSED, configDigest);
        if (wanted) {
            layout.wantedBlobs.put("config", configName);
            layout.put("repositories", Blob.of("{\"" + spec.tag.substring(0, spec.tag.indexOf(':')) + "\":{\"" + tagOnly()
                    + "\":\"" + parent + "\"}}"), Layout.Role.UNUSED, null);
        }
        return dockerEntry(configName, names);
    }

    private ObjectNode dockerEntry(String config, List<String> layers) {
        ObjectNode e = JSON.createObjectNode();
        e.put("Config", config);
        e.putArray("RepoTags").add(spec.tag);
        ArrayNode l = e.putArray("Layers");
        layers.forEach(l::add);
        return e;
    }

    private ObjectNode config(ImageSpec image, List<LayerBuilder.Built> layers) {
        ObjectNode c = JSON.createObjectNode();
        c.put("architecture", image.architecture);
        c.put("os", image.os);
        if (image.variant != null) {
            c.put("variant", image.variant);
        }
        ObjectNode run = c.putObject("config");
        run.put("User", image.user);
        strings(run, "Env", image.env);
        strings(run, "Entrypoint", image.entrypoint);
        strings(run, "Cmd", image.cmd);
        run.put("WorkingDir", "/");
        ObjectNode rootfs = c.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        layers.forEach(b -> ids.add(b.diffId()));
        ArrayNode history = c.putArray("history");
        for (int l = 0; l < layers.size(); l++) {
            history.addObject().put("created", "2024-01-01T00:00:00Z").put("created_by", "RUN step " + l);
        }
        return c;
    }

    private ObjectNode manifest(String configDigest, long configSize, List<LayerBuilder.Built> layers) {
        ObjectNode m = JSON.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", OCI_MANIFEST);
        m.set("config", descriptor(OCI_CONFIG, configDigest, configSize));
        ArrayNode l = m.putArray("layers");
        layers.forEach(b -> l.add(descriptor(b.ociMediaType(), b.digest(), b.blob().size())));
        return m;
    }

    private ObjectNode attestation(String imageDigest) {
        byte[] statement = "{\"_type\":\"statement\",\"predicateType\":\"provenance\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String statementDigest = blob(statement, Layout.Role.UNUSED, null);
        byte[] config = "{\"architecture\":\"unknown\",\"os\":\"unknown\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String configDigest = blob(config, Layout.Role.UNUSED, null);
        ObjectNode m = JSON.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", OCI_MANIFEST);
        m.set("config", descriptor(OCI_CONFIG, configDigest, config.length));
        m.putArray("layers").add(descriptor("application/vnd.in-toto+json", statementDigest, statement.length));
        byte[] bytes = bytes(m);
        String digest = blob(bytes, Layout.Role.UNUSED, null);
        ObjectNode d = descriptor(OCI_MANIFEST, digest, bytes.length);
        d.set("platform", platform("unknown", "unknown", null));
        d.putObject("annotations").put("vnd.docker.reference.type", "attestation-manifest")
                .put("vnd.docker.reference.digest", imageDigest);
        return d;
    }

    private static ObjectNode index(List<ObjectNode> descriptors) {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        ArrayNode list = index.putArray("manifests");
        descriptors.forEach(list::add);
        return index;
    }

    static ObjectNode descriptor(String mediaType, String digest, long size) {
        ObjectNode d = JSON.createObjectNode();
        d.put("mediaType", mediaType);
        d.put("digest", digest);
        d.put("size", size);
        return d;
    }

    private static ObjectNode platform(String os, String arch, String variant) {
        ObjectNode p = JSON.createObjectNode();
        p.put("architecture", arch);
        p.put("os", os);
        if (variant != null) {
            p.put("variant", variant);
        }
        return p;
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        if (values == null) {
            node.putNull(field);
        } else {
            ArrayNode a = node.putArray(field);
            values.forEach(a::add);
        }
    }

    private String blob(byte[] bytes, Layout.Role role, String wantedName) {
        String digest = LayerBuilder.sha256(bytes);
        layout.put(blobName(digest), Blob.of(bytes), role, digest);
        if (wantedName != null) {
            layout.wantedBlobs.put(wantedName, blobName(digest));
        }
        return digest;
    }

    private String tagOnly() {
        return spec.tag.substring(spec.tag.indexOf(':') + 1);
    }

    static String blobName(String digest) {
        return "blobs/sha256/" + hex(digest);
    }

    static String hex(String digest) {
        return digest.substring(digest.indexOf(':') + 1);
    }

    static byte[] bytes(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

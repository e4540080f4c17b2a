package io.github.imageassert.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Mutations of the JSON documents: the config's runtime fields (consistent, the model follows), random field edits
 * before hashing (consistent) or after (raw: a verified document must then be refused), descriptors that lie,
 * platforms, fan-out, self-references and hostile digests.
 */
final class JsonMutations {

    static final List<Supplier<Mutation>> ALL = List.of(JsonMutations::configFields, JsonMutations::consistentEdit,
            JsonMutations::rawEdit, JsonMutations::descriptorLie, JsonMutations::platforms, JsonMutations::fanOut,
            JsonMutations::selfReference, JsonMutations::hostileName, JsonMutations::mediaType);

    /** USER values a runtime reads differently from a naive parser. */
    static final String[] USERS = {"0", "1000", "app", "\u0661\u0660\u0660\u0660", "\u06f1\u06f0\u06f0\u06f0",
            "\uff11\uff10\uff10\uff10", "1000:1000", "nobody:nogroup", " 0 ", "99999999999999999999", "root",
            "-1", "app:0", "0:app", "+1000", "1e3", "ap\u0000p", ":", "1000:", "\u0000"};

    private JsonMutations() {
    }

    static Mutation configFields() {
        return new Mutation("config-fields") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                ImageSpec image = spec.images.get(spec.wanted);
                switch (r.nextInt(4)) {
                    case 0, 1 -> image.user = Seeds.pick(r, USERS);
                    case 2 -> image.env = r.nextBoolean() ? null : new ArrayList<>(List.of("A=1", "A=2", "NUL=\u0000", "=x", "noequals"));
                    default -> {
                        image.entrypoint = r.nextBoolean() ? null : new ArrayList<>(List.of("", "\u0000", "x".repeat(10_000)));
                        image.cmd = r.nextBoolean() ? null : new ArrayList<>();
                    }
                }
                detail = "USER '" + image.user.replace("\0", "\\0") + "', Env " + image.env + ", Entrypoint "
                        + (image.entrypoint == null ? null : image.entrypoint.size() + " args") + ", Cmd " + image.cmd;
            }
        };
    }

    /** Which document of the wanted image a JSON mutation targets, among those the spec has. */
    static String document(ArchiveSpec spec, SplittableRandom r) {
        List<String> docs = new ArrayList<>(List.of("config"));
        if (spec.kind != ArchiveSpec.Kind.LEGACY_SAVE) {
            docs.add("manifest");
            docs.add("index.json");
        }
        if (spec.nestedIndex) {
            docs.add("index");
        }
        if (!spec.readsIndex()) {
            docs.add("manifest.json");
        }
        return docs.get(r.nextInt(docs.size()));
    }

    static Mutation consistentEdit() {
        return new Mutation("consistent-edit") {
            @Override
            ArchiveWriter.DocEdit docEdit(ArchiveSpec spec, SplittableRandom r) {
                String target = document(spec, r);
                long seed = r.nextLong();
                int image = spec.wanted;
                return (doc, i, tree) -> {
                    if (doc.equals(target) && (i == image || i < 0)) {
                        String done = JsonEdits.edit(tree, new SplittableRandom(seed));
                        detail = doc + " (rehashed): " + done;
                        boolean runtime = doc.equals("config") && done.contains(" at /config");
                        then(x -> {
                            Expectation e = x.orTypedError().ofAnyImage().because("a consistent edit of " + doc);
                            return runtime ? e.noConfig() : e;
                        });
                    }
                };
            }
        };
    }

    static Mutation rawEdit() {
        return new Mutation("raw-edit") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) throws IOException {
                List<String> json = layout.files.keySet().stream().filter(n -> isJson(layout, n)).toList();
                String name = json.get(r.nextInt(json.size()));
                Layout.FileRec rec = layout.files.get(name);
                JsonNode tree = ArchiveWriter.JSON.readTree(rec.data().bytes());
                String done = JsonEdits.edit(tree, r);
                byte[] bytes = ArchiveWriter.bytes(tree);
                detail = name + " (" + rec.role() + ", not rehashed): " + done;
                if (!java.util.Arrays.equals(bytes, rec.data().bytes())) {
                    layout.files.put(name, rec.with(Blob.of(bytes)));
                    then(damaged(rec.role(), "a raw edit of " + name));
                }
            }
        };
    }

    static boolean isJson(Layout layout, String name) {
        byte[] b = layout.files.get(name).data().size() < (1 << 20) ? layout.files.get(name).data().bytes() : new byte[0];
        return b.length > 1 && (b[0] == '{' || b[0] == '[');
    }

    static Mutation descriptorLie() {
        return new Mutation("descriptor-lie") {
            @Override
            ArchiveWriter.DocEdit docEdit(ArchiveSpec spec, SplittableRandom r) {
                int how = r.nextInt(3);
                long seed = r.nextLong();
                return (doc, i, tree) -> {
                    if (!doc.equals("manifest") || i != spec.wanted) {
                        return;
                    }
                    SplittableRandom rr = new SplittableRandom(seed);
                    ArrayNode layers = (ArrayNode) tree.get("layers");
                    ObjectNode d = rr.nextBoolean() || layers.isEmpty() ? (ObjectNode) tree.get("config")
                            : (ObjectNode) layers.get(rr.nextInt(layers.size()));
                    if (how == 0) {
                        d.put("size", d.get("size").asLong() + (rr.nextBoolean() ? 1 : -1));
                    } else if (how == 1) {
                        d.put("size", Long.MAX_VALUE);
                    } else {
                        d.put("digest", "sha256:" + "0123456789abcdef".repeat(4));
                    }
                    detail = "manifest (rehashed) descriptor " + d.get("digest").asText().substring(0, 15) + "… "
                            + (how == 2 ? "names a missing blob" : "size " + d.get("size"));
                    then(x -> spec.readsIndex() ? x.refused().because("a descriptor's digest or size is not its blob's")
                            : x);
                };
            }
        };
    }

    static Mutation platforms() {
        return new Mutation("platforms") {
            @Override
            ArchiveWriter.DocEdit docEdit(ArchiveSpec spec, SplittableRandom r) {
                String target = spec.nestedIndex ? "index" : "index.json";
                int how = r.nextInt(4);
                return (doc, i, tree) -> {
                    if (!doc.equals(target)) {
                        return;
                    }
                    List<ObjectNode> images = new ArrayList<>();
                    tree.get("manifests").forEach(m -> {
                        if (m.has("platform") && !"unknown".equals(m.get("platform").path("os").asText())) {
                            images.add((ObjectNode) m);
                        }
                    });
                    if (images.isEmpty()) {
                        return;
                    }
                    ObjectNode m = images.get(0);
                    switch (how) {
                        case 0 -> m.remove("platform");
                        case 1 -> ((ObjectNode) m.get("platform")).put("architecture", "s390x");
                        case 2 -> ((ObjectNode) m.get("platform")).putNull("os");
                        default -> {
                            if (images.size() > 1) {
                                JsonNode p = m.get("platform");
                                m.set("platform", images.get(1).get("platform"));
                                images.get(1).set("platform", p);
                            }
                        }
                    }
                    detail = target + " platform edit " + how;
                    then(x -> x.orTypedError().ofAnyImage().because("the index's platforms changed"));
                };
            }
        };
    }

    static Mutation fanOut() {
        return new Mutation("fan-out") {
            @Override
            ArchiveWriter.DocEdit docEdit(ArchiveSpec spec, SplittableRandom r) {
                int k = 2 + r.nextInt(r.nextBoolean() ? 8 : 200);
                return (doc, i, tree) -> {
                    if (doc.equals("index.json") || doc.equals("index")) {
                        ArrayNode list = (ArrayNode) tree.get("manifests");
                        List<JsonNode> copy = new ArrayList<>();
                        list.forEach(copy::add);
                        for (int n = 1; n < k; n++) {
                            copy.forEach(c -> list.add(c.deepCopy()));
                        }
                        detail = doc + " lists each entry " + k + " times";
                        then(x -> x.orTypedError());
                    }
                };
            }
        };
    }

    static Mutation selfReference() {
        return new Mutation("self-reference") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) throws IOException {
                if (!layout.files.containsKey("index.json")) {
                    return;
                }
                int k = 1 + r.nextInt(r.nextBoolean() ? 4 : 64);
                byte[] index = selfListingIndex(k, r.nextBoolean() ? layout.files.get("index.json").data().bytes() : null);
                String digest = LayerBuilder.sha256(index);
                layout.files.put("index.json", layout.files.get("index.json").with(Blob.of(index)));
                layout.files.put(ArchiveWriter.blobName(digest), new Layout.FileRec(Blob.of(index), Layout.Role.UNUSED, digest));
                detail = "index.json lists " + k + " times a blob holding index.json itself";
                then(x -> spec.readsIndex() ? x.refused().because("an index that lists itself names no image") : x.orTypedError());
            }
        };
    }

    /**
     * An index listing {@code k} times the blob whose name is the digest of index.json's own bytes before this
     * edit; the blob holds the edited index.json, so it can never match its digest. With {@code keep}, its old
     * entries stay too.
     */
    static byte[] selfListingIndex(int k, byte[] keep) throws IOException {
        ObjectNode index = keep == null ? ArchiveWriter.JSON.createObjectNode() : (ObjectNode) ArchiveWriter.JSON.readTree(keep);
        index.put("schemaVersion", 2);
        index.put("mediaType", ArchiveWriter.OCI_INDEX);
        ArrayNode list = index.has("manifests") && keep != null ? (ArrayNode) index.get("manifests") : index.putArray("manifests");
        String self = LayerBuilder.sha256(ArchiveWriter.bytes(index));
        List<JsonNode> selfEntries = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            selfEntries.add(ArchiveWriter.descriptor(ArchiveWriter.OCI_INDEX, self, 100 + i));
        }
        list.removeAll();
        selfEntries.forEach(list::add);
        return ArchiveWriter.bytes(index);
    }

    static Mutation hostileName() {
        return new Mutation("hostile-name") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) throws IOException {
                String root = spec.readsIndex() ? "index.json" : "manifest.json";
                JsonNode tree = ArchiveWriter.JSON.readTree(layout.files.get(root).data().bytes());
                List<ObjectNode> holders = new ArrayList<>();
                List<String> fields = new ArrayList<>();
                tree.findParents("digest").forEach(n -> { holders.add((ObjectNode) n); fields.add("digest"); });
                tree.findParents("Config").forEach(n -> { holders.add((ObjectNode) n); fields.add("Config"); });
                if (holders.isEmpty()) {
                    return;
                }
                int pick = r.nextInt(holders.size());
                String old = holders.get(pick).get(fields.get(pick)).asText();
                String evil = JsonEdits.hostileDigest(r, old);
                holders.get(pick).put(fields.get(pick), evil);
                if (!spec.readsIndex() && r.nextBoolean()) {
                    tree.findParents("Layers").forEach(n -> ((ArrayNode) n.get("Layers")).set(0,
                            com.fasterxml.jackson.databind.node.TextNode.valueOf(evil)));
                }
                layout.files.put(root, layout.files.get(root).with(Blob.of(ArchiveWriter.bytes(tree))));
                byte[] evilConfig = evilConfig(layout);
                layout.outside.put("evil", Blob.of(evilConfig));
                layout.outside.put("evil.json", Blob.of(evilConfig));
                detail = root + " " + fields.get(pick) + " '" + old.substring(0, Math.min(20, old.length())) + "…' -> '"
                        + evil.replace("\0", "\\0").replace("\n", "\\n") + "'";
                then(x -> x.orTypedError().ofAnyImage().because("a name in " + root + " points outside the layout"));
            }
        };
    }

    /** Media types a descriptor may claim, right or wrong for what it names. */
    static final String[] MEDIA_TYPES = {"application/vnd.oci.image.layer.v1.tar", "application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.oci.image.layer.v1.tar+zstd", "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip", "application/vnd.in-toto+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v1+prettyjws", "text/plain", ""};

    static Mutation mediaType() {
        return new Mutation("media-type") {
            @Override
            ArchiveWriter.DocEdit docEdit(ArchiveSpec spec, SplittableRandom r) {
                String target = spec.readsIndex() && r.nextBoolean() ? (spec.nestedIndex ? "index" : "index.json") : "manifest";
                String type = Seeds.pick(r, MEDIA_TYPES);
                long seed = r.nextLong();
                return (doc, i, tree) -> {
                    if (!doc.equals(target) || i >= 0 && i != spec.wanted) {
                        return;
                    }
                    List<JsonNode> descriptors = new ArrayList<>();
                    (doc.equals("manifest") ? tree.get("layers") : tree.get("manifests")).forEach(descriptors::add);
                    if (doc.equals("manifest")) {
                        descriptors.add(tree.get("config"));
                    }
                    ObjectNode d = (ObjectNode) descriptors.get(new SplittableRandom(seed).nextInt(descriptors.size()));
                    String old = d.path("mediaType").asText();
                    d.put("mediaType", type);
                    detail = doc + " (rehashed) descriptor " + old + " -> " + type;
                    // compression is sniffed from the bytes, so a layer type naming another compression may be read right
                    then(x -> x.orTypedError().ofAnyImage().because("a descriptor's media type changed"));
                };
            }
        };
    }

    /** What an attacker places next to a layout: the wanted image's config, running as a user of its own. */
    static byte[] evilConfig(Layout layout) throws IOException {
        ObjectNode config = (ObjectNode) ArchiveWriter.JSON.readTree(layout.files.get(layout.wantedBlobs.get("config")).data().bytes());
        ((ObjectNode) config.get("config")).put("User", "fzx-evil");
        return ArchiveWriter.bytes(config);
    }
}

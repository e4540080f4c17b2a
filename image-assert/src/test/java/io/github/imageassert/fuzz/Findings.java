package io.github.imageassert.fuzz;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The findings of issue 14, each rebuilt as one case of the harness: a seed, a mutation that recreates the finding,
 * and the expectation (RIGHT or TYPED_ERROR within the bound). {@code isolated} findings may hang or exhaust memory:
 * they run in a JVM of their own with a 256 MB heap.
 */
final class Findings {

    record Finding(String name, boolean isolated, Builder builder) {
    }

    @FunctionalInterface
    interface Builder {
        FuzzCase build(Path parent) throws IOException;
    }

    static final long SEED = 14;
    static final Map<String, Finding> ALL = new LinkedHashMap<>();

    private Findings() {
    }

    private static void add(String name, boolean isolated, Builder builder) {
        ALL.put(name, new Finding(name, isolated, builder));
    }

    static Finding get(String name) {
        Finding f = ALL.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no finding named " + name + "; known: " + ALL.keySet());
        }
        return f;
    }

    /** A case from a seed of {@code kind} laid out as {@code layout}, changed by {@code mutation}. */
    private static FuzzCase make(Path parent, Seeds.Kind kind, ArchiveSpec.Kind layout, Consumer<ArchiveSpec> tweak,
                                 Mutation mutation) throws IOException {
        SplittableRandom r = new SplittableRandom(SEED);
        ArchiveSpec spec = Seeds.generate(kind, r.split());
        if (layout != null) {
            spec.kind = layout;
            spec.readAsOciLayout = false;
            if (layout == ArchiveSpec.Kind.LEGACY_SAVE) {
                spec.nestedIndex = false;
                spec.attestations = false;
                spec.images.get(spec.wanted).layers.forEach(l -> l.compression = LayerSpec.Compression.PLAIN);
            }
        }
        tweak.accept(spec);
        return FuzzCase.build(SEED, ALL.size(), kind, spec, mutation, r, parent);
    }

    private static Mutation specMutation(String name, Consumer<ArchiveSpec> change, boolean mayFail) {
        return new Mutation(name) {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                change.accept(spec);
                detail = name;
                if (mayFail) {
                    then(Expectation::orTypedError);
                }
            }
        };
    }

    private static LayerSpec top(ArchiveSpec spec) {
        ImageSpec image = spec.images.get(spec.wanted);
        return image.layers.get(image.layers.size() - 1);
    }

    /** A layer with one file of {@code size} zeros, compressed, its diff id made up (too big to hash here). */
    private static Consumer<ArchiveSpec> bomb(LayerSpec.Compression compression, long size, boolean afterEnd) {
        return spec -> {
            LayerSpec l = top(spec);
            l.compression = compression;
            l.unhashed = true;
            if (afterEnd) {
                l.trailingZeros = size;
            } else {
                TarEntry e = new TarEntry();
                e.name = "bomb/zeros";
                e.data = Blob.repeat((byte) 0, size);
                l.add(e);
            }
        };
    }

    private static Mutation layoutMutation(String name, LayoutChange change) {
        return new Mutation(name) {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) throws IOException {
                change.apply(layout, spec, this);
                detail = name;
            }
        };
    }

    @FunctionalInterface
    interface LayoutChange {
        void apply(Layout layout, ArchiveSpec spec, Mutation m) throws IOException;
    }

    private static void rootDigest(Layout layout, String value) throws IOException {
        ObjectNode index = (ObjectNode) ArchiveWriter.JSON.readTree(layout.files.get("index.json").data().bytes());
        ((ObjectNode) index.get("manifests").get(0)).put("digest", value);
        layout.files.put("index.json", layout.files.get("index.json").with(Blob.of(ArchiveWriter.bytes(index))));
    }

    private static void dockerManifest(Layout layout, Consumer<ObjectNode> change) throws IOException {
        ArrayNode list = (ArrayNode) ArchiveWriter.JSON.readTree(layout.files.get("manifest.json").data().bytes());
        change.accept((ObjectNode) list.get(0));
        layout.files.put("manifest.json", layout.files.get("manifest.json").with(Blob.of(ArchiveWriter.bytes(list))));
    }

    static {
        long tenGiB = 10L << 30;
        add("gzip-bomb-10GiB", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_TAR, s -> { },
                specMutation("a gzip layer expanding to one 10 GiB file", bomb(LayerSpec.Compression.GZIP, tenGiB, false), true)));
        add("zstd-bomb-10GiB", true, p -> make(p, Seeds.Kind.OCI_TAR_ZSTD, ArchiveSpec.Kind.OCI_TAR, s -> { },
                specMutation("a zstd layer expanding to one 10 GiB file", bomb(LayerSpec.Compression.ZSTD, tenGiB, false), true)));
        add("zeros-after-end-10GiB", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("10 GiB of zeros after a layer's end blocks", bomb(LayerSpec.Compression.GZIP, tenGiB, true), true)));
        add("self-listing-index-K64", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                layoutMutation("index.json lists 64 times a blob holding itself", (layout, spec, m) -> {
                    byte[] index = JsonMutations.selfListingIndex(64, null);
                    String digest = LayerBuilder.sha256(index);
                    layout.files.put("index.json", layout.files.get("index.json").with(Blob.of(index)));
                    layout.files.put(ArchiveWriter.blobName(digest), new Layout.FileRec(Blob.of(index), Layout.Role.UNUSED, digest));
                    m.then(x -> x.refused().because("an index listing itself names no image"));
                })));
        add("index-digest-climbs-to-index.json", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                layoutMutation("index.json names sha256:../../index.json", (layout, spec, m) -> {
                    rootDigest(layout, "sha256:../../index.json");
                    m.then(x -> x.refused().because("the digest is no sha256 digest"));
                })));
        add("digest-climbs-to-dev-zero", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                layoutMutation("index.json names sha256:../…/dev/zero", (layout, spec, m) -> {
                    rootDigest(layout, "sha256:" + "../".repeat(16) + "dev/zero");
                    m.then(x -> x.refused().because("the digest is no sha256 digest"));
                })));
        add("config-digest-climbs-outside", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                new Mutation("the manifest (rehashed) names its config sha256:../../../outside/evil") {
                    @Override
                    ArchiveWriter.DocEdit docEdit(ArchiveSpec spec, SplittableRandom r) {
                        return (doc, i, tree) -> {
                            if (doc.equals("manifest") && i == spec.wanted) {
                                ((ObjectNode) tree.get("config")).put("digest", "sha256:../../../outside/evil");
                            }
                        };
                    }

                    @Override
                    void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) throws IOException {
                        layout.outside.put("evil", Blob.of(JsonMutations.evilConfig(layout)));
                        then(x -> x.refused().because("a digest must never name a file outside the layout"));
                    }
                }));
        add("legacy-config-climbs-outside", false, p -> make(p, Seeds.Kind.LEGACY_SAVE, ArchiveSpec.Kind.LEGACY_SAVE,
                s -> s.asDirectory = true, layoutMutation(
                "an extracted docker save whose Config is ../outside/evil.json", (layout, spec, m) -> {
                    layout.outside.put("evil.json", Blob.of(JsonMutations.evilConfig(layout)));
                    dockerManifest(layout, e -> e.put("Config", "../outside/evil.json"));
                    m.then(x -> x.refused().because("Config names a file outside the archive"));
                })));
        add("legacy-config-absolute", false, p -> make(p, Seeds.Kind.LEGACY_SAVE, ArchiveSpec.Kind.LEGACY_SAVE,
                s -> s.asDirectory = true, layoutMutation(
                "an extracted docker save whose Config is the absolute path of a file outside it", (layout, spec, m) -> {
                    layout.outside.put("evil.json", Blob.of(JsonMutations.evilConfig(layout)));
                    dockerManifest(layout, e -> e.put("Config", Materializer.OUTSIDE + "/evil.json"));
                    m.then(x -> x.refused().because("Config names a file outside the archive"));
                })));
        add("manifest.json-400MiB", true, p -> make(p, Seeds.Kind.LEGACY_SAVE, ArchiveSpec.Kind.LEGACY_SAVE, s -> { },
                layoutMutation("manifest.json preceded by 400 MiB of spaces", (layout, spec, m) -> {
                    Layout.FileRec rec = layout.files.get("manifest.json");
                    layout.files.put("manifest.json", rec.with(Blob.concat(Blob.repeat((byte) ' ', 400L << 20), rec.data())));
                    m.then(Expectation::orTypedError);
                })));
        add("config-blob-400MiB", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                layoutMutation("the config blob is 400 MiB", (layout, spec, m) -> {
                    String name = layout.wantedBlobs.get("config");
                    Layout.FileRec rec = layout.files.get(name);
                    layout.files.put(name, rec.with(Blob.concat(Blob.repeat((byte) ' ', 400L << 20), rec.data())));
                    m.then(x -> x.refused().because("the config blob no longer matches its digest"));
                })));
        add("pax-record-300MiB-in-layer", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("a layer member behind a 300 MiB PAX record", spec -> {
                    TarEntry e = TarEntry.file("pax/big", "x".getBytes(StandardCharsets.UTF_8));
                    e.paxBody = TarWriter.hugePaxRecord("comment", 300L << 20);
                    top(spec).compression = LayerSpec.Compression.GZIP;
                    top(spec).add(e);
                }, true)));
        add("pax-record-300MiB-in-archive", true, p -> make(p, Seeds.Kind.OCI_TAR_ZSTD, ArchiveSpec.Kind.OCI_TAR, s -> { },
                layoutMutation("the archive has a member behind a 300 MiB PAX record", (layout, spec, m) -> {
                    TarEntry e = new TarEntry();
                    e.name = "extra";
                    e.paxBody = TarWriter.hugePaxRecord("comment", 300L << 20);
                    layout.extraMembers.add(e);
                    m.then(Expectation::orTypedError);
                })));
        add("path-20000-deep", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("a file 20,000 directories deep", spec -> {
                    TarEntry e = TarEntry.file("deep/" + "d/".repeat(20_000) + "f", "bottom".getBytes(StandardCharsets.UTF_8));
                    e.style = TarEntry.NameStyle.PAX;
                    top(spec).compression = LayerSpec.Compression.GZIP;
                    top(spec).add(e);
                }, true)));
        add("hard-link-to-lower-layer", false, p -> make(p, Seeds.Kind.LINKS, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("/hl is a hard link to the base layer's bin/busybox", spec ->
                        top(spec).add(TarEntry.hardlink("hl", "bin/busybox")), false)));
        add("hard-link-chain", false, p -> make(p, Seeds.Kind.LINKS, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("/hl -> bin/ls -> bin/busybox, bin/ls a hard link of the base layer", spec -> {
                    spec.images.get(spec.wanted).layers.get(0).add(TarEntry.hardlink("bin/ls", "bin/busybox"));
                    top(spec).add(TarEntry.hardlink("hl", "bin/ls"));
                }, false)));
        add("hard-links-to-missing-dir-symlink-cycle", false, p -> make(p, Seeds.Kind.LINKS, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("hard links to a missing path, a directory, a symlink and each other", spec -> {
                    LayerSpec l = top(spec);
                    l.add(TarEntry.dir("bad"));
                    l.add(TarEntry.hardlink("bad/missing", "no/such/file"));
                    l.add(TarEntry.hardlink("bad/dir", "etc"));
                    l.add(TarEntry.hardlink("bad/symlink", "bin/sh"));
                    l.add(TarEntry.hardlink("bad/a", "bad/b"));
                    l.add(TarEntry.hardlink("bad/b", "bad/a"));
                }, true)));
        add("hard-link-to-300MiB-file", true, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("readContents(maxBytes 1 MiB) of a hard link to a 300 MiB file", spec -> {
                    LayerSpec l = top(spec);
                    l.compression = LayerSpec.Compression.GZIP;
                    TarEntry big = new TarEntry();
                    big.name = "big/zeros";
                    big.data = Blob.repeat((byte) 0, 300L << 20);
                    l.add(big);
                    l.add(TarEntry.hardlink("big/link", "big/zeros"));
                }, false)));
        add("garbage-sparse-map", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("a GNU sparse member of size 5 whose map holds no data", spec -> {
                    TarEntry e = TarEntry.file("sparse/garbage", new byte[0]);
                    e.sparse = new long[][] {{0, 0}, {99_999, 0}};
                    e.sparseRealSize = 5;
                    top(spec).add(e);
                }, true)));
        add("user-in-non-ascii-digits", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("USER \u0661\u0660\u0660\u0660 (Arabic-Indic digits)",
                        spec -> spec.images.get(spec.wanted).user = "\u0661\u0660\u0660\u0660", true)));
        add("nul-in-digest", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                layoutMutation("index.json names sha256:<hex>\\0", (layout, spec, m) -> {
                    String digest = layout.wantedBlobs.get("manifest").substring("blobs/sha256/".length());
                    rootDigest(layout, "sha256:" + digest + "\u0000");
                    m.then(x -> x.refused().because("a digest with a NUL is no digest"));
                })));
        add("nul-in-layer-name", false, p -> make(p, Seeds.Kind.LEGACY_SAVE, ArchiveSpec.Kind.LEGACY_SAVE,
                s -> s.asDirectory = true, layoutMutation("manifest.json names a layer <id>/layer.tar\\0",
                (layout, spec, m) -> {
                    dockerManifest(layout, e -> ((ArrayNode) e.get("Layers")).set(0, TextNode.valueOf(
                            e.get("Layers").get(0).asText() + "\u0000")));
                    m.then(x -> x.refused().because("no layer has that name"));
                })));
        add("config-name-is-a-directory", false, p -> make(p, Seeds.Kind.LEGACY_SAVE, ArchiveSpec.Kind.LEGACY_SAVE,
                s -> s.asDirectory = true, layoutMutation("manifest.json's Config names a directory",
                (layout, spec, m) -> {
                    String layer = layout.wantedBlobs.get("layer0");
                    dockerManifest(layout, e -> e.put("Config", layer.substring(0, layer.indexOf('/'))));
                    m.then(x -> x.refused().because("the config is not a file"));
                })));
        add("duplicate-path-in-one-layer", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                specMutation("/dup/file written twice in one layer, 3 then 11 bytes", spec -> {
                    LayerSpec l = top(spec);
                    l.add(TarEntry.file("dup/file", "one".getBytes(StandardCharsets.UTF_8)));
                    l.add(TarEntry.file("etc/filler", new byte[100]));
                    l.add(TarEntry.file("dup/file", "the second!".getBytes(StandardCharsets.UTF_8)));
                }, false)));
        add("layout-config-edited-not-rehashed", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                layoutMutation("the config blob edited to User=0, its digest unchanged", (layout, spec, m) -> {
                    String name = layout.wantedBlobs.get("config");
                    ObjectNode c = (ObjectNode) ArchiveWriter.JSON.readTree(layout.files.get(name).data().bytes());
                    ((ObjectNode) c.get("config")).put("User", "0");
                    layout.files.put(name, layout.files.get(name).with(Blob.of(ArchiveWriter.bytes(c))));
                    m.then(x -> x.refused().because("the config no longer matches its digest"));
                })));
        add("layout-manifest-swapped", false, p -> make(p, Seeds.Kind.TWO_PLATFORMS, ArchiveSpec.Kind.OCI_DIR, s -> { },
                layoutMutation("the wanted manifest's blob holds the other platform's manifest", (layout, spec, m) -> {
                    String wanted = layout.wantedBlobs.get("manifest");
                    String other = layout.files.keySet().stream().filter(n -> n.startsWith("blobs/") && !n.equals(wanted)
                            && isManifest(layout, n)).findFirst().orElseThrow();
                    layout.files.put(wanted, layout.files.get(wanted).with(layout.files.get(other).data()));
                    m.then(x -> x.refused().because("the manifest blob no longer matches its digest"));
                })));
        add("layout-layer-recompressed", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                layoutMutation("a gzip layer recompressed (same tar, other bytes)", (layout, spec, m) -> {
                    String name = layout.wantedBlobs.get("layer0");
                    byte[] gz = layout.files.get(name).data().bytes();
                    byte[] again = gz.clone();
                    again[4] ^= 1; // the gzip header's mtime: same tar inside, another blob
                    layout.files.put(name, layout.files.get(name).with(Blob.of(again)));
                    m.then(x -> x.refused().because("the layer blob no longer matches its digest"));
                })));
    }

    /** Findings of the harness' own campaigns, beyond the list. */
    static {
        add("config-descriptor-size-lies", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR, s -> { },
                new Mutation("the manifest (rehashed) gives its config one byte more than the blob has") {
                    @Override
                    ArchiveWriter.DocEdit docEdit(ArchiveSpec spec, SplittableRandom r) {
                        return (doc, i, tree) -> {
                            if (doc.equals("manifest") && i == spec.wanted) {
                                ObjectNode config = (ObjectNode) tree.get("config");
                                config.put("size", config.get("size").asLong() + 1);
                                then(x -> x.refused().because("the config blob is not the size its descriptor gives"));
                            }
                        };
                    }
                }));
        add("hard-link-to-a-path-rewritten-later", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR,
                s -> { }, specMutation("/rw/link links /rw/file, which the same layer then writes again", spec -> {
                    LayerSpec l = top(spec);
                    l.add(TarEntry.file("rw/file", "first".getBytes(StandardCharsets.UTF_8)));
                    l.add(TarEntry.hardlink("rw/link", "rw/file"));
                    l.add(TarEntry.file("rw/file", "second, longer".getBytes(StandardCharsets.UTF_8)));
                }, true)));
        add("file-member-named-with-a-final-slash", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR,
                s -> { }, specMutation("a regular member 'slash/dir/' whose data is a tar header of 'smuggled'", spec -> {
                    byte[] hidden = innerHeader();
                    TarEntry e = TarEntry.file("slash/dir/", hidden);
                    e.style = TarEntry.NameStyle.TRUNCATED;
                    top(spec).add(e);
                }, true)));
        add("listed-path-below-a-regular-file", false, p -> make(p, Seeds.Kind.OCI_DIR_GZIP, ArchiveSpec.Kind.OCI_DIR,
                s -> { }, specMutation("a member /etc/passwd/x below the regular file /etc/passwd", spec ->
                        top(spec).add(TarEntry.file("etc/passwd/x", "below a file".getBytes(StandardCharsets.UTF_8))), true)));
    }

    /** A tar header (and its data) of a member named {@code smuggled}, as bytes of another member's content. */
    private static byte[] innerHeader() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            new TarWriter(out).add(TarEntry.file("smuggled", "evil".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean isManifest(Layout layout, String name) {
        byte[] b = layout.files.get(name).data().size() < 100_000 ? layout.files.get(name).data().bytes() : new byte[0];
        String s = new String(b, StandardCharsets.UTF_8);
        return s.contains("\"layers\"") && s.contains(ArchiveWriter.OCI_MANIFEST) && !s.contains("in-toto");
    }
}

package io.github.imageassert.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Mutations of whole files after hashing: flipped bytes, truncation, blobs swapped between digests, blobs added or
 * removed, a document grown huge; and of the written tar itself: flips and cuts anywhere, members added after the
 * files (duplicates, links, huge PAX headers). What they allow follows the role of the file they hit.
 */
final class BlobMutations {

    static final List<Supplier<Mutation>> ALL = List.of(BlobMutations::flip, BlobMutations::truncate, BlobMutations::swap,
            BlobMutations::extra, BlobMutations::missing, BlobMutations::hugeDocument, BlobMutations::outerFlip,
            BlobMutations::outerCut, BlobMutations::outerMembers);

    private BlobMutations() {
    }

    static String anyFile(Layout layout, SplittableRandom r) {
        List<String> names = new ArrayList<>(layout.files.keySet());
        return names.get(r.nextInt(names.size()));
    }

    static Mutation flip() {
        return new Mutation("flip") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) {
                String name = anyFile(layout, r);
                Layout.FileRec rec = layout.files.get(name);
                if (rec.data().size() == 0 || rec.data().size() > (16 << 20)) {
                    return;
                }
                byte[] b = rec.data().bytes().clone();
                int flips = 1 + r.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                if (!java.util.Arrays.equals(b, rec.data().bytes())) {
                    layout.files.put(name, rec.with(Blob.of(b)));
                    then(damaged(rec.role(), "flipped bits in " + name));
                }
                detail = flips + " bit flips in " + name + " (" + rec.role() + ")";
            }
        };
    }

    static Mutation truncate() {
        return new Mutation("truncate") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) {
                String name = anyFile(layout, r);
                Layout.FileRec rec = layout.files.get(name);
                if (rec.data().size() == 0 || rec.data().size() > (16 << 20)) {
                    return;
                }
                byte[] b = rec.data().bytes();
                int keep = r.nextInt(b.length);
                layout.files.put(name, rec.with(Blob.of(java.util.Arrays.copyOf(b, keep))));
                detail = name + " (" + rec.role() + ") cut to " + keep + " of " + b.length + " bytes";
                then(damaged(rec.role(), "truncated " + name));
            }
        };
    }

    static Mutation swap() {
        return new Mutation("swap") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) {
                List<String> blobs = layout.files.keySet().stream().filter(n -> n.startsWith("blobs/") || n.endsWith("layer.tar")
                        || n.endsWith(".json") && !n.equals("manifest.json") && !n.equals("index.json")).toList();
                if (blobs.size() < 2) {
                    return;
                }
                String a = blobs.get(r.nextInt(blobs.size()));
                String b = blobs.get(r.nextInt(blobs.size()));
                Layout.FileRec ra = layout.files.get(a);
                Layout.FileRec rb = layout.files.get(b);
                if (a.equals(b) || ra.data().size() == rb.data().size() && java.util.Arrays.equals(bytesOrEmpty(ra), bytesOrEmpty(rb))) {
                    return;
                }
                layout.files.put(a, ra.with(rb.data()));
                layout.files.put(b, rb.with(ra.data()));
                detail = "contents of " + a + " (" + ra.role() + ") and " + b + " (" + rb.role() + ") swapped";
                then(damaged(ra.role().strongest(rb.role()), "swapped blobs"));
            }
        };
    }

    private static byte[] bytesOrEmpty(Layout.FileRec r) {
        return r.data().size() < (16 << 20) ? r.data().bytes() : new byte[0];
    }

    static Mutation extra() {
        return new Mutation("extra-blob") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) {
                byte[] junk = Seeds.content(r, 2000);
                String name = spec.kind == ArchiveSpec.Kind.LEGACY_SAVE && r.nextBoolean() ? "extra/layer.tar"
                        : "blobs/sha256/" + LayerBuilder.sha256(junk).substring(7);
                if (r.nextInt(3) == 0) {
                    name = "blobs/sha256/" + "f".repeat(64);
                }
                layout.files.put(name, new Layout.FileRec(Blob.of(junk), Layout.Role.UNUSED, null));
                detail = "an extra file " + name;
            }
        };
    }

    static Mutation missing() {
        return new Mutation("missing-blob") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) {
                String name = anyFile(layout, r);
                Layout.FileRec rec = layout.files.remove(name);
                detail = name + " (" + rec.role() + ") removed";
                then(damaged(rec.role(), "removed " + name));
            }
        };
    }

    static Mutation hugeDocument() {
        return new Mutation("huge-document") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) {
                List<String> json = layout.files.keySet().stream().filter(n -> JsonMutations.isJson(layout, n)).toList();
                String name = json.get(r.nextInt(json.size()));
                Layout.FileRec rec = layout.files.get(name);
                long pad = (8L + r.nextInt(40)) << 20;
                layout.files.put(name, rec.with(Blob.concat(Blob.repeat((byte) ' ', pad), rec.data())));
                detail = name + " (" + rec.role() + ") preceded by " + (pad >> 20) + " MiB of spaces";
                then(damaged(rec.role(), "a huge " + name));
            }
        };
    }

    static Mutation outerFlip() {
        return new Mutation("outer-flip") {
            @Override
            void written(Materializer.Written w, Layout layout, SplittableRandom r) throws IOException {
                if (w.ranges().isEmpty()) {
                    return;
                }
                try (RandomAccessFile f = new RandomAccessFile(w.input().toFile(), "rw")) {
                    long at = r.nextLong(f.length());
                    f.seek(at);
                    int old = f.read();
                    f.seek(at);
                    f.write(old ^ (1 << r.nextInt(8)));
                    String hit = hit(w.ranges(), at);
                    Layout.Role role = hit == null ? Layout.Role.ROOT : layout.files.get(hit).role();
                    detail = "bit flip at offset " + at + (hit == null ? " (a header or padding)" : " in " + hit + " (" + role + ")");
                    then(damaged(role, "a flip in the archive"));
                }
            }
        };
    }

    static Mutation outerCut() {
        return new Mutation("outer-cut") {
            @Override
            void written(Materializer.Written w, Layout layout, SplittableRandom r) throws IOException {
                if (w.ranges().isEmpty()) {
                    return;
                }
                try (RandomAccessFile f = new RandomAccessFile(w.input().toFile(), "rw")) {
                    long cut = r.nextLong(f.length());
                    f.setLength(cut);
                    // a lost root document may leave another route (a Docker 25+ save without manifest.json is
                    // still an OCI layout), so only a lost blob of the wanted image must make it fail
                    boolean usedLost = w.ranges().entrySet().stream().anyMatch(e -> e.getValue()[1] > cut
                            && layout.files.get(e.getKey()).role().ordinal() <= Layout.Role.CONTENT.ordinal());
                    detail = "archive cut at " + cut + (usedLost ? ", inside or before a file the image needs" : "");
                    then(usedLost ? x -> x.refused().because("the archive lost a file the image needs")
                            : x -> x.orTypedError().ofAnyImage());
                }
            }
        };
    }

    static Mutation outerMembers() {
        return new Mutation("outer-members") {
            @Override
            void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) {
                if (spec.isDirectory()) {
                    return;
                }
                String victim = anyFile(layout, r);
                Layout.FileRec rec = layout.files.get(victim);
                int how = r.nextInt(4);
                TarEntry e = new TarEntry();
                e.name = victim;
                if (how == 0) {
                    e.data = Blob.of(Seeds.content(r, 300));
                    detail = "a second member named " + victim + " (" + rec.role() + ") with other bytes";
                    then(damaged(rec.role(), "a later duplicate of " + victim));
                } else if (how == 1) {
                    String other = anyFile(layout, r);
                    e.type = TarEntry.SYMLINK;
                    e.link = relative(victim, other);
                    detail = "a second member " + victim + " (" + rec.role() + ") linking to " + other;
                    then(damaged(rec.role(), "a later link over " + victim)); // to itself, it leaves no file at all
                } else if (how == 2) {
                    e.name = Seeds.pick(r, new String[] {"../escape", "/abs/file", "blobs/sha256/../../x", "a/" + "b/".repeat(3000) + "c"});
                    e.style = TarEntry.NameStyle.PAX;
                    e.data = Blob.of("junk");
                    detail = "an extra member '" + (e.name.length() > 40 ? e.name.length() + " chars" : e.name) + "'";
                } else {
                    e.name = "fzx-pax-extra";
                    e.paxBody = TarWriter.hugePaxRecord("comment", (1L + r.nextInt(24)) << 20);
                    detail = "an extra member behind a PAX header of " + (e.paxBody.size() >> 20) + " MiB";
                    then(x -> x.orTypedError());
                }
                layout.extraMembers.add(e);
            }
        };
    }

    private static String relative(String from, String to) {
        int depth = (int) from.chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + to;
    }

    private static String hit(Map<String, long[]> ranges, long offset) {
        for (Map.Entry<String, long[]> e : ranges.entrySet()) {
            if (offset >= e.getValue()[0] && offset < e.getValue()[1]) {
                return e.getKey();
            }
        }
        return null;
    }
}

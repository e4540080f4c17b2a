package io.github.imageassert.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of a layer's tar members. Digests stay consistent (the layer is hashed after the change), so only
 * meaning can reveal them: the model follows each change, or leaves the path it cannot vouch for undefined.
 */
final class TarMutations {

    private TarMutations() {
    }

    static final List<java.util.function.Supplier<Mutation>> ALL = List.of(
            TarMutations::duplicatePath, TarMutations::climbingName, TarMutations::absoluteName, TarMutations::longName,
            TarMutations::deepPath, TarMutations::typeFlag, TarMutations::sizeLie, TarMutations::headerOnlySize,
            TarMutations::hardLink,
            TarMutations::symlink, TarMutations::sparse, TarMutations::whiteout, TarMutations::trailing,
            TarMutations::bomb, TarMutations::noEndBlocks, TarMutations::recompress, TarMutations::paxRecords);

    static LayerSpec layer(ArchiveSpec spec, SplittableRandom r) {
        ImageSpec image = spec.images.get(r.nextInt(5) == 0 ? r.nextInt(spec.images.size()) : spec.wanted);
        return image.layers.get(r.nextInt(image.layers.size()));
    }

    static TarEntry regular(LayerSpec l, SplittableRandom r) {
        List<TarEntry> files = l.entries.stream().filter(e -> e.type == TarEntry.REGULAR && e.sparse == null
                && !e.name.contains(".wh.")).toList();
        return files.isEmpty() ? null : files.get(r.nextInt(files.size()));
    }

    static Mutation duplicatePath() {
        return new Mutation("duplicate-path") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                LayerSpec l = layer(spec, r);
                TarEntry e = regular(l, r);
                if (e == null) {
                    return;
                }
                TarEntry again = TarEntry.file(e.name, Seeds.content(r, 400));
                l.entries.add(r.nextInt(l.entries.indexOf(e), l.entries.size()) + 1, again);
                detail = e.name + " written twice in one layer (" + e.data.size() + " then " + again.data.size() + " B)";
            }
        };
    }

    static Mutation climbingName() {
        return new Mutation("climbing-name") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                String name = Seeds.pick(r, new String[] {"../fzx-esc", "fzx/../../fzx-esc", "./../../fzx-esc/x",
                        "fzx/a/../../../etc/fzx-esc"});
                TarEntry e = r.nextBoolean() ? TarEntry.file(name, "escaped".getBytes(StandardCharsets.UTF_8))
                        : TarEntry.symlink(name, "/etc/passwd");
                layer(spec, r).add(e);
                detail = "member named '" + name + "'";
                then(x -> x.orTypedError());
            }
        };
    }

    static Mutation absoluteName() {
        return new Mutation("absolute-name") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                TarEntry e = regular(layer(spec, r), r);
                if (e != null) {
                    e.name = (r.nextBoolean() ? "/" : "//./") + e.name;
                    detail = "member renamed '" + e.name + "'";
                }
            }
        };
    }

    static Mutation longName() {
        return new Mutation("long-name") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                TarEntry e = regular(layer(spec, r), r);
                if (e == null) {
                    return;
                }
                int length = 100 + r.nextInt(r.nextBoolean() ? 200 : 5000);
                String dir = e.name.contains("/") ? e.name.substring(0, e.name.lastIndexOf('/') + 1) : "";
                StringBuilder name = new StringBuilder(dir + "long-" + e.name.substring(dir.length()));
                while (name.length() < length) {
                    boolean longComponent = name.length() - name.lastIndexOf("/") > 200; // NAME_MAX is 255
                    name.append(r.nextBoolean() || longComponent ? "/" : "").append(Seeds.word(r));
                }
                e.name = name.toString();
                e.style = TarEntry.NameStyle.values()[r.nextInt(4)];
                if (e.style == TarEntry.NameStyle.TRUNCATED && !name.chars().allMatch(c -> c < 0x80)) {
                    e.style = TarEntry.NameStyle.PAX; // a cut inside a UTF-8 sequence has no name to compare with
                }
                detail = e.style + " name of " + length + " chars";
                if (e.style == TarEntry.NameStyle.TRUNCATED || length > 4000) {
                    then(x -> x.orTypedError());
                }
                if (e.style == TarEntry.NameStyle.TRUNCATED) {
                    e.name = name.substring(0, 100);
                }
            }
        };
    }

    static Mutation deepPath() {
        return new Mutation("deep-path") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                int depth = 50 + r.nextInt(1500);
                String name = "deep/" + "d/".repeat(depth) + "leaf";
                TarEntry e = TarEntry.file(name, "bottom".getBytes(StandardCharsets.UTF_8));
                e.style = r.nextBoolean() ? TarEntry.NameStyle.PAX : TarEntry.NameStyle.GNU;
                layer(spec, r).add(e);
                detail = "a file " + depth + " directories deep";
                then(x -> x.orTypedError());
            }
        };
    }

    static Mutation typeFlag() {
        return new Mutation("type-flag") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                TarEntry e = regular(layer(spec, r), r);
                if (e == null) {
                    return;
                }
                char[] flags = {'7', '\0', '3', '4', '6', 'X', 'V', 'M', 'g', 'N', 'A', 'K', 'L', 'S', 'x', (char) 0xff};
                char to = flags[r.nextInt(flags.length)];
                detail = e.name + " typeflag " + (int) to;
                e.type = to;
                if (to != '7' && to != '\0' && to != '3' && to != '4' && to != '6') {
                    then(x -> x.orTypedError());
                }
                if ("gxXLKSVMNA".indexOf(to) >= 0 || to == 0xff) { // headers of the next member, or volume/multi-volume bookkeeping
                    then(Expectation::invariantsOnly);
                }
            }
        };
    }

    static Mutation sizeLie() {
        return new Mutation("size-lie") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                TarEntry e = regular(layer(spec, r), r);
                if (e == null) {
                    return;
                }
                int how = r.nextInt(4);
                if (how == 0) {
                    e.rawSizeField = Seeds.pick(r, new String[] {"zzzzzzzzzzz", "-1", "0777777777777", "\u0080\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff", " "});
                    detail = e.name + " size field '" + e.rawSizeField.replace("\0", "\\0") + "'";
                } else {
                    long delta = how == 1 ? 1 + r.nextInt(600) : how == 2 ? -1 - r.nextInt((int) Math.max(1, e.data.size())) : 1L << (20 + r.nextInt(20));
                    e.headerSize = Math.max(0, e.data.size() + delta);
                    detail = e.name + " header size " + e.headerSize + " for " + e.data.size() + " data bytes";
                }
                then(Expectation::invariantsOnly);
            }
        };
    }

    /**
     * A size field on a member that carries no data by its type (link, symlink, device, FIFO, directory): Go's reader,
     * the engine's, ignores it, reading neither data nor padding, so the layer means what it meant.
     */
    static Mutation headerOnlySize() {
        return new Mutation("header-only-size") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                LayerSpec l = layer(spec, r);
                List<TarEntry> headerOnly = l.entries.stream().filter(e -> "123456".indexOf(e.type) >= 0
                        && e.sparse == null).toList();
                TarEntry e;
                if (headerOnly.isEmpty() || r.nextInt(3) == 0) {
                    String name = "fzx-ho/" + r.nextInt(1000);
                    e = switch (r.nextInt(3)) {
                        case 0 -> TarEntry.symlink(name, "/etc/passwd");
                        case 1 -> TarEntry.special(name, TarEntry.FIFO);
                        default -> TarEntry.dir(name);
                    };
                    l.add(e);
                } else {
                    e = headerOnly.get(r.nextInt(headerOnly.size()));
                }
                e.headerSize = 1L + r.nextInt(r.nextBoolean() ? 511 : 4096);
                detail = e.name + " (type " + e.type + ") with a size field of " + e.headerSize;
            }
        };
    }

    static Mutation hardLink() {
        return new Mutation("hard-link") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                ImageSpec image = spec.images.get(spec.wanted);
                LayerSpec l = image.layers.get(image.layers.size() - 1);
                String to = Seeds.pick(r, new String[] {"etc/passwd", "bin/busybox", "nowhere/missing", "etc", "bin/sh",
                        "fzx-hl/self", "fzx-hl/a", "/etc/group", "./etc/os-release", "../etc/passwd"});
                String name = to.equals("fzx-hl/a") ? "fzx-hl/b" : to.equals("fzx-hl/self") ? "fzx-hl/self" : "fzx-hl/to-" + r.nextInt(1000);
                l.add(TarEntry.dir("fzx-hl"));
                if (to.equals("fzx-hl/a")) {
                    l.add(TarEntry.hardlink("fzx-hl/a", "fzx-hl/b"));
                }
                l.add(TarEntry.hardlink(name, to));
                if (r.nextBoolean()) {
                    l.add(TarEntry.hardlink("fzx-hl/chain" + r.nextInt(1000), name));
                }
                detail = "hard link " + name + " -> " + to;
                then(x -> x.orTypedError());
            }
        };
    }

    static Mutation symlink() {
        return new Mutation("symlink") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                String target = Seeds.pick(r, new String[] {"../../../../etc/passwd", "/", "loop", "missing/x",
                        "/etc/passwd/x", "", "a".repeat(5000), "/proc/self/root", "fzx-sl/loop"});
                String name = "fzx-sl/" + (target.equals("fzx-sl/loop") ? "loop" : "l" + r.nextInt(1000));
                LayerSpec l = layer(spec, r);
                l.add(TarEntry.dir("fzx-sl"));
                TarEntry e = TarEntry.symlink(name, target);
                e.style = TarEntry.NameStyle.PAX;
                l.add(e);
                detail = "symlink " + name + " -> '" + (target.length() > 40 ? target.length() + " chars" : target) + "'";
                if (target.isEmpty() || target.length() > 4000) {
                    then(x -> x.orTypedError());
                }
            }
        };
    }

    static Mutation sparse() {
        return new Mutation("sparse") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                TarEntry e = regular(layer(spec, r), r);
                if (e == null) {
                    return;
                }
                long size = e.data.size();
                if (r.nextBoolean() && size > 0) {
                    long gap = r.nextInt(10_000);
                    e.sparse = new long[][] {{gap, size}};
                    e.sparseRealSize = gap + size + r.nextInt(3) * 512;
                    detail = e.name + " valid sparse map {" + gap + "," + size + "} of " + e.sparseRealSize;
                } else {
                    e.sparse = new long[][] {{r.nextInt(100_000), r.nextInt(100_000)}, {0, r.nextInt(1000)}};
                    e.sparseRealSize = r.nextBoolean() ? r.nextInt(10) : 1L << (20 + r.nextInt(30));
                    e.data = Blob.of(new byte[0]);
                    detail = e.name + " garbage sparse map, real size " + e.sparseRealSize;
                }
                // the harness writes GNU old-style maps, chunks back to back; readers differ on that layout, so only
                // the invariants judge (a listed size must be readable), not the model's bytes
                then(Expectation::invariantsOnly);
            }
        };
    }

    static Mutation whiteout() {
        return new Mutation("whiteout") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                ImageSpec image = spec.images.get(spec.wanted);
                LayerSpec top = image.layers.get(image.layers.size() - 1);
                LayerSpec lower = image.layers.get(r.nextInt(image.layers.size() - 1));
                List<TarEntry> candidates = lower.entries.stream().filter(e -> !e.name.contains(".wh.")).toList();
                TarEntry victim = candidates.get(r.nextInt(candidates.size()));
                String path = Model.normalize(victim.name);
                if (path == null || path.equals("/")) {
                    return;
                }
                String parent = Model.parent(path);
                String marker = r.nextInt(3) == 0 && victim.type == TarEntry.DIRECTORY
                        ? path.substring(1) + "/.wh..wh..opq"
                        : (parent.equals("/") ? "" : parent.substring(1) + "/") + ".wh." + path.substring(path.lastIndexOf('/') + 1);
                top.add(TarEntry.file(marker, new byte[0]));
                if (r.nextBoolean()) {
                    top.add(TarEntry.file(path.substring(1) + (marker.endsWith(".opq") ? "/new" : ""), "again".getBytes(StandardCharsets.UTF_8)));
                }
                detail = "top layer adds " + marker;
            }
        };
    }

    static Mutation trailing() {
        return new Mutation("trailing-bytes") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                LayerSpec l = layer(spec, r);
                l.trailingZeros = r.nextBoolean() ? r.nextInt(20_000) : (1L << 20) + r.nextInt(4 << 20);
                detail = l.trailingZeros + " zero bytes after the end blocks";
                then(x -> x.orTypedError());
            }
        };
    }

    static Mutation bomb() {
        return new Mutation("bomb") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                LayerSpec l = layer(spec, r);
                if (spec.kind != ArchiveSpec.Kind.LEGACY_SAVE || r.nextBoolean()) {
                    l.compression = r.nextBoolean() ? LayerSpec.Compression.GZIP : LayerSpec.Compression.ZSTD;
                }
                long size = (16L + r.nextInt(112)) << 20;
                TarEntry e = new TarEntry();
                e.name = "fzx-bomb/zeros";
                e.data = Blob.repeat((byte) 0, size);
                l.add(TarEntry.dir("fzx-bomb"));
                l.add(e);
                detail = l.compression + " layer with a file of " + (size >> 20) + " MiB of zeros";
                then(x -> x.orTypedError());
            }
        };
    }

    static Mutation noEndBlocks() {
        return new Mutation("no-end-blocks") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                layer(spec, r).noEndBlocks = true;
                detail = "a layer tar without its end blocks";
                then(x -> x.orTypedError());
            }
        };
    }

    static Mutation recompress() {
        return new Mutation("recompress") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                LayerSpec l = layer(spec, r);
                l.compression = LayerSpec.Compression.values()[r.nextInt(3)];
                detail = "a layer as " + l.compression;
            }
        };
    }

    static Mutation paxRecords() {
        return new Mutation("pax-records") {
            @Override
            void spec(ArchiveSpec spec, SplittableRandom r) {
                TarEntry e = regular(layer(spec, r), r);
                if (e == null) {
                    return;
                }
                int what = r.nextInt(6);
                switch (what) {
                    case 0 -> e.pax.put("SCHILY.xattr.user.fuzz", "value");
                    case 1 -> e.pax.put("mtime", "1700000000.123456789");
                    case 2 -> e.pax.put("uid", "99999999999999999999");
                    case 3 -> e.pax.put("size", String.valueOf(r.nextInt(100_000)));
                    case 4 -> e.pax.put("GNU.sparse.map", "0,5,99999,7");
                    default -> e.pax.put("path", "fzx-pax/renamed");
                }
                detail = e.name + " with PAX " + e.pax;
                if (what == 1 || what == 0) {
                    return;
                }
                then(x -> x.orTypedError());
                if (what >= 2) {
                    then(Expectation::invariantsOnly);
                }
            }
        };
    }
}

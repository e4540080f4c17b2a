package io.github.imageassert.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed images built by the harness, no engine involved: the eleven kinds of the campaign, each a small but
 * real-looking image (passwd, a busybox, symlinks, a few layers that add, overwrite and delete) in its own layout.
 */
final class Seeds {

    enum Kind {
        LEGACY_SAVE, DOCKER25_SAVE, OCI_DIR_GZIP, OCI_TAR_ZSTD, TWO_PLATFORMS, NESTED_INDEX, WHITEOUTS, LINKS, LONG_NAMES,
        MIXED_COMPRESSION, DUPLICATES
    }

    static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
    static final String GROUP = "root:x:0:\napp:x:1000:\nnogroup:x:65534:\n";
    private static final String[] USERS = {"", "0", "1000", "app", "app:app", "nobody", "0:0", "1000:1000", "root"};

    private Seeds() {
    }

    static ArchiveSpec generate(Kind kind, SplittableRandom r) {
        ArchiveSpec spec = new ArchiveSpec();
        spec.kind = switch (kind) {
            case LEGACY_SAVE -> ArchiveSpec.Kind.LEGACY_SAVE;
            case DOCKER25_SAVE -> ArchiveSpec.Kind.DOCKER25_SAVE;
            case OCI_DIR_GZIP, TWO_PLATFORMS -> ArchiveSpec.Kind.OCI_DIR;
            case OCI_TAR_ZSTD, NESTED_INDEX -> ArchiveSpec.Kind.OCI_TAR;
            default -> ArchiveSpec.Kind.values()[r.nextInt(4)];
        };
        spec.readAsOciLayout = spec.kind == ArchiveSpec.Kind.DOCKER25_SAVE && r.nextBoolean();
        spec.asDirectory = (spec.kind == ArchiveSpec.Kind.LEGACY_SAVE || spec.kind == ArchiveSpec.Kind.DOCKER25_SAVE)
                && r.nextInt(4) == 0;
        LayerSpec.Compression compression = switch (kind) {
            case LEGACY_SAVE, DOCKER25_SAVE -> LayerSpec.Compression.PLAIN;
            case OCI_DIR_GZIP -> LayerSpec.Compression.GZIP;
            case OCI_TAR_ZSTD -> LayerSpec.Compression.ZSTD;
            default -> spec.kind == ArchiveSpec.Kind.LEGACY_SAVE ? LayerSpec.Compression.PLAIN
                    : LayerSpec.Compression.values()[r.nextInt(3)];
        };
        ImageSpec first = image(kind, r, compression);
        spec.images.add(first);
        boolean multi = kind == Kind.TWO_PLATFORMS || kind == Kind.NESTED_INDEX;
        if (multi) {
            ImageSpec second = first.copy();
            second.architecture = "arm64";
            second.layers.remove(second.layers.size() - 1);
            second.layers.add(new Gen(r, compression).upper(1000));
            second.user = pick(r, USERS);
            spec.images.add(second);
            spec.attestations = true;
            spec.nestedIndex = kind == Kind.NESTED_INDEX;
            spec.wanted = r.nextInt(2);
        } else if (spec.readsIndex()) {
            spec.attestations = r.nextInt(4) == 0;
            spec.nestedIndex = r.nextInt(6) == 0;
        }
        spec.explicitPlatform = multi ? spec.wanted == 1 || r.nextBoolean() : r.nextBoolean();
        return spec;
    }

    private static ImageSpec image(Kind kind, SplittableRandom r, LayerSpec.Compression compression) {
        ImageSpec image = new ImageSpec();
        image.user = pick(r, USERS);
        for (int i = 0; i < r.nextInt(3); i++) {
            image.env.add("FUZZ_" + i + "=" + word(r));
        }
        image.entrypoint = r.nextBoolean() ? null : new ArrayList<>(List.of("/bin/sh", "-c"));
        Gen gen = new Gen(r, compression);
        image.layers.add(gen.base());
        int uppers = 1 + r.nextInt(3);
        for (int i = 0; i < uppers; i++) {
            LayerSpec upper = switch (kind) {
                case WHITEOUTS -> gen.whiteouts();
                case LINKS -> gen.links();
                case LONG_NAMES -> gen.longNames();
                case DUPLICATES -> gen.duplicates();
                case MIXED_COMPRESSION -> gen.special();
                default -> gen.upper(i);
            };
            if (kind == Kind.MIXED_COMPRESSION) {
                upper.compression = LayerSpec.Compression.values()[r.nextInt(3)];
            }
            image.layers.add(upper);
        }
        return image;
    }

    static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    static String word(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    static byte[] content(SplittableRandom r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        if (r.nextBoolean()) {
            r.nextBytes(b);
        } else {
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (' ' + r.nextInt(95));
            }
        }
        return b;
    }

    /** Layer generators, keeping track of what exists so that later layers have something to change. */
    static final class Gen {
        private final SplittableRandom r;
        private final LayerSpec.Compression compression;
        final List<String> files = new ArrayList<>();
        final List<String> dirs = new ArrayList<>();
        private int serial;

        Gen(SplittableRandom r, LayerSpec.Compression compression) {
            this.r = r;
            this.compression = compression;
        }

        private LayerSpec layer() {
            LayerSpec l = new LayerSpec();
            l.compression = compression;
            return l;
        }

        LayerSpec base() {
            LayerSpec l = layer();
            for (String d : List.of("bin", "etc", "usr", "usr/bin", "var", "var/lib", "home", "home/app", "tmp")) {
                TarEntry e = TarEntry.dir(d);
                if (d.equals("tmp")) {
                    e.mode = 01777;
                }
                l.add(e);
                dirs.add(d);
            }
            l.add(file("etc/passwd", PASSWD.getBytes(StandardCharsets.UTF_8)));
            l.add(file("etc/group", GROUP.getBytes(StandardCharsets.UTF_8)));
            l.add(file("etc/os-release", "ID=fuzz\nVERSION_ID=1\n".getBytes(StandardCharsets.UTF_8)));
            TarEntry busybox = file("bin/busybox", content(r, 4096));
            busybox.mode = 0755;
            l.add(busybox);
            l.add(TarEntry.symlink("bin/sh", "busybox"));
            l.add(TarEntry.symlink("usr/bin/env", "/bin/busybox"));
            for (int i = 0; i < r.nextInt(6); i++) {
                l.add(file("usr/bin/tool" + i, content(r, 2048)));
            }
            return l;
        }

        LayerSpec upper(int step) {
            LayerSpec l = layer();
            String dir = "app" + step;
            l.add(TarEntry.dir(dir));
            dirs.add(dir);
            for (int i = 0; i < 1 + r.nextInt(5); i++) {
                l.add(file(dir + "/" + word(r) + serial++, content(r, 3000)));
            }
            if (!files.isEmpty() && r.nextBoolean()) {
                String victim = files.get(r.nextInt(files.size()));
                l.add(TarEntry.file(victim, content(r, 500)));
            }
            if (files.size() > 3 && r.nextBoolean()) {
                whiteout(l, files.get(r.nextInt(files.size())));
            }
            return l;
        }

        LayerSpec whiteouts() {
            LayerSpec l = upper(100 + serial++);
            for (int i = 0; i < 1 + r.nextInt(6); i++) {
                int what = r.nextInt(4);
                if (what == 0 && !files.isEmpty()) {
                    whiteout(l, files.get(r.nextInt(files.size())));
                } else if (what == 1 && !dirs.isEmpty()) {
                    String d = dirs.get(r.nextInt(dirs.size()));
                    l.add(TarEntry.dir(d));
                    l.add(TarEntry.file(d + "/.wh..wh..opq", new byte[0]));
                    l.add(file(d + "/after-opaque" + serial++, content(r, 100)));
                } else if (what == 2) {
                    whiteout(l, "etc/never-there" + serial++);
                } else if (!dirs.isEmpty()) {
                    String d = dirs.get(r.nextInt(dirs.size()));
                    whiteout(l, d);
                    l.add(file(d + "/recreated" + serial++, content(r, 64)));
                }
            }
            return l;
        }

        LayerSpec links() {
            LayerSpec l = layer();
            l.add(TarEntry.dir("lnk"));
            String own = "lnk/data" + serial++;
            l.add(file(own, content(r, 800)));
            l.add(TarEntry.hardlink("lnk/same-layer" + serial++, own));
            if (!files.isEmpty()) {
                String lower = files.get(r.nextInt(files.size()));
                String hl = "lnk/lower" + serial++;
                l.add(TarEntry.hardlink(hl, lower));
                l.add(TarEntry.hardlink("lnk/chain" + serial++, hl));
            }
            l.add(TarEntry.symlink("lnk/rel" + serial++, "../bin/busybox"));
            l.add(TarEntry.symlink("lnk/abs" + serial++, "/etc/passwd"));
            l.add(TarEntry.symlink("lnk/dangling" + serial++, "/nowhere/at/all"));
            return l;
        }

        LayerSpec longNames() {
            LayerSpec l = layer();
            for (TarEntry.NameStyle style : TarEntry.NameStyle.values()) {
                if (style == TarEntry.NameStyle.TRUNCATED) {
                    continue;
                }
                StringBuilder name = new StringBuilder("long");
                int length = 101 + r.nextInt(400);
                while (name.length() < length) {
                    name.append('/').append(word(r)).append("-").append(serial++);
                }
                TarEntry e = file(name.toString(), content(r, 300));
                e.style = style;
                l.add(e);
                if (r.nextBoolean()) {
                    TarEntry link = TarEntry.symlink("long-link" + serial++, "/" + name);
                    link.style = style;
                    l.add(link);
                }
            }
            String unicode = "uni/" + "é".repeat(20) + "/ファイル" + serial++;
            l.add(file(unicode, content(r, 50)));
            return l;
        }

        LayerSpec duplicates() {
            LayerSpec l = upper(200 + serial++);
            String path = "dup/file" + serial++;
            l.add(file(path, content(r, 200)));
            l.add(TarEntry.file(path, content(r, 200)));
            return l;
        }

        LayerSpec special() {
            LayerSpec l = upper(300 + serial++);
            l.add(TarEntry.dir("dev"));
            l.add(TarEntry.special("dev/null" + serial++, TarEntry.CHAR_DEVICE));
            l.add(TarEntry.special("dev/sda" + serial++, TarEntry.BLOCK_DEVICE));
            l.add(TarEntry.special("dev/fifo" + serial++, TarEntry.FIFO));
            TarEntry contiguous = file("dev/contiguous" + serial++, content(r, 100));
            contiguous.type = TarEntry.CONTIGUOUS;
            l.add(contiguous);
            return l;
        }

        private TarEntry file(String name, byte[] content) {
            files.add(name);
            TarEntry e = TarEntry.file(name, content);
            e.mode = r.nextInt(5) == 0 ? 0755 : 0644;
            e.uid = r.nextInt(4) == 0 ? 1000 : 0;
            e.gid = e.uid;
            return e;
        }

        private void whiteout(LayerSpec l, String path) {
            String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!parent.isEmpty()) {
                l.add(TarEntry.dir(parent));
            }
            l.add(TarEntry.file((parent.isEmpty() ? "" : parent + "/") + ".wh." + name, new byte[0]));
            files.remove(path);
            dirs.remove(path);
        }
    }
}

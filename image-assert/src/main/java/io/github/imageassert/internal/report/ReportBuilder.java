package io.github.imageassert.internal.report;

import io.github.imageassert.analysis.ImageDiff;
import io.github.imageassert.analysis.PackageCache;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.internal.dockerfile.Dockerfile;
import io.github.imageassert.internal.dockerfile.SourceLocation;
import io.github.imageassert.packages.InstalledPackage;
import io.github.imageassert.secrets.SecretFinding;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what a run recorded into the report's model: per image, the layers, an aggregated tree of the filesystem
 * (never a row per file: the big directories and files, the rest of each directory summed into one node), the
 * largest files per layer, and the findings of the analyses the tests ran.
 */
public final class ReportBuilder {

    /** Files listed per layer: its largest. */
    public static final int FILES_PER_LAYER = 25;
    /** Largest files listed per image. */
    public static final int LARGEST_FILES = 20;
    /** A directory or file smaller than this share of the image is summed into its parent's {@code other} node. */
    static final double TREE_MIN_SHARE = 0.004;
    /** Children kept per directory of the tree; the rest is summed. */
    static final int TREE_MAX_CHILDREN = 12;
    /** Depth of the tree below the root. */
    static final int TREE_MAX_DEPTH = 6;
    /** Findings of one kind listed per image. */
    static final int FINDINGS_PER_KIND = 50;
    /** Packages listed per ecosystem. */
    static final int PACKAGES_PER_KIND = 500;

    private ReportBuilder() {
    }

    public static ReportModel.Run run(List<ImageInput> inputs, String toolVersion) {
        List<ReportModel.Image> images = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            images.add(image("image-" + (i + 1), inputs.get(i)));
        }
        int passed = images.stream().mapToInt(ReportModel.Image::passed).sum();
        int failed = images.stream().mapToInt(ReportModel.Image::failed).sum();
        int findings = images.stream().mapToInt(i -> i.findings().size()).sum();
        return new ReportModel.Run(ReportModel.SCHEMA, ReportModel.VERSION, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                new ReportModel.Tool("image-assert", toolVersion), new ReportModel.Summary(images.size(), passed + failed,
                passed, failed, findings), images);
    }

    public static ReportModel.Image image(String id, ImageInput in) {
        Map<Integer, ReportModel.Location> locations = new HashMap<>();
        in.layers().forEach(l -> {
            if (l.location() != null) {
                locations.put(l.index(), location(l.location()));
            }
        });
        Long size = in.layers().isEmpty() || in.layers().stream().anyMatch(l -> l.size() == null) ? null
                : in.layers().stream().mapToLong(ImageInput.LayerInput::size).sum();
        List<ReportModel.Layer> layers = layers(in, locations);
        List<ReportModel.Assertion> assertions = in.assertions().stream().map(a -> new ReportModel.Assertion(a.sequence(),
                a.test(), a.display(), a.as().isEmpty() ? null : a.as(), a.passed(), a.message(),
                a.layerAtFault() < 0 ? null : a.layerAtFault(), locations.get(a.layerAtFault()),
                a.budget() < 0 ? null : a.budget(), a.nanos() / 1e6)).toList();
        int passed = (int) in.assertions().stream().filter(AssertionRecord::passed).count();
        Map<String, List<ReportModel.Package>> packages = new TreeMap<>();
        List<ReportModel.Finding> findings = new ArrayList<>();
        List<ReportModel.Comparison> comparisons = new ArrayList<>();
        ReportModel.Waste waste = analyses(in, locations, packages, findings, comparisons);
        return new ReportModel.Image(id, in.reference(), in.description(), in.imageId(), in.platform(), dockerfile(in),
                size, in.compressedSize(), budgets(in, size), layers, in.live() != null,
                in.live() == null ? null : in.live().size(), in.live() == null ? null : tree(in.live()),
                in.live() == null ? null : largest(in.live(), LARGEST_FILES, null), packages, waste, findings, comparisons,
                assertions, passed, in.assertions().size() - passed);
    }

    private static ReportModel.Dockerfile dockerfile(ImageInput in) {
        if (in.origin() == null) {
            return null;
        }
        List<String> stages = in.origin().targetStage().map(s -> in.origin().dockerfile().chain(s).stream()
                .map(Dockerfile.Stage::label).toList()).orElse(List.of());
        return new ReportModel.Dockerfile(in.origin().shown(), in.origin().path().toUri().toString(),
                in.origin().target().isEmpty() ? null : in.origin().target(), stages);
    }

    static ReportModel.Location location(SourceLocation l) {
        return new ReportModel.Location(l.file(), l.path().toUri().toString(), l.stage(), l.line(), l.endLine(),
                l.instruction(), l.baseImage());
    }

    private static List<ReportModel.Budget> budgets(ImageInput in, Long size) {
        List<ReportModel.Budget> out = new ArrayList<>();
        for (AssertionRecord a : in.assertions()) {
            if (a.budget() < 0) {
                continue;
            }
            if (a.subject().isEmpty() && (a.name().equals("hasSizeLessThan") || a.name().equals("hasSizeAtMost"))) {
                out.add(new ReportModel.Budget(a.display(), a.budget(), size, null, a.passed()));
            } else if (a.subject().isEmpty() && a.name().equals("hasCompressedSizeLessThan")) {
                out.add(new ReportModel.Budget(a.display(), a.budget(), in.compressedSize(), null, a.passed()));
            } else if (a.subject().isEmpty() && a.name().equals("hasEveryLayerAtMost")) {
                Long largest = in.layers().stream().map(ImageInput.LayerInput::size).filter(java.util.Objects::nonNull)
                        .max(Long::compare).orElse(null);
                out.add(new ReportModel.Budget(a.display(), a.budget(), largest, null, a.passed()));
            } else if (a.subject().startsWith("layer(") && a.name().equals("hasSizeAtMost")) {
                int index = Integer.parseInt(a.subject().substring(6, a.subject().length() - 1));
                int resolved = index < 0 ? in.layers().size() + index : index;
                Long actual = resolved >= 0 && resolved < in.layers().size() ? in.layers().get(resolved).size() : null;
                out.add(new ReportModel.Budget(a.display(), a.budget(), actual, resolved, a.passed()));
            }
        }
        return out;
    }

    private static List<ReportModel.Layer> layers(ImageInput in, Map<Integer, ReportModel.Location> locations) {
        List<ReportModel.Layer> out = new ArrayList<>();
        for (ImageInput.LayerInput l : in.layers()) {
            Integer files = null;
            Long bytes = null;
            List<ReportModel.File> top = null;
            Boolean truncated = null;
            if (in.layerEntries() != null && l.index() < in.layerEntries().size()) {
                List<FileEntry> entries = in.layerEntries().get(l.index());
                int count = 0;
                long sum = 0;
                for (FileEntry e : entries) {
                    if (e.type() == FileType.REGULAR) {
                        count++;
                        sum += e.size();
                    }
                }
                files = count;
                bytes = sum;
                top = largest(entries, FILES_PER_LAYER, in.isLive());
                truncated = count > top.size();
            }
            out.add(new ReportModel.Layer(l.index(), l.size(), l.diffId(), l.instruction(), l.createdBy(),
                    locations.get(l.index()), files, bytes, top, truncated));
        }
        return out;
    }

    /** The {@code n} largest regular files, largest first, in one pass with a bounded heap. */
    static List<ReportModel.File> largest(Collection<FileEntry> entries, int n, java.util.function.Predicate<FileEntry> isLive) {
        PriorityQueue<FileEntry> heap = new PriorityQueue<>(n + 1, Comparator.comparingLong(FileEntry::size));
        for (FileEntry e : entries) {
            if (e.type() != FileType.REGULAR) {
                continue;
            }
            if (heap.size() < n) {
                heap.add(e);
            } else if (e.size() > heap.peek().size()) {
                heap.poll();
                heap.add(e);
            }
        }
        List<FileEntry> sorted = new ArrayList<>(heap);
        sorted.sort(Comparator.comparingLong(FileEntry::size).reversed().thenComparing(FileEntry::path));
        return sorted.stream().map(e -> new ReportModel.File(e.path(), e.size(), e.layer(),
                isLive != null && !isLive.test(e))).toList();
    }

    // ---- the tree -------------------------------------------------------------------------------------------

    private static final class Dir {
        final String path;
        final Map<String, Dir> children = new HashMap<>();
        final List<FileEntry> bigFiles = new ArrayList<>();
        long size;
        int files;

        Dir(String path) {
            this.path = path;
        }
    }

    /**
     * The merged filesystem as a tree of directories with the bytes of the regular files below each, pruned: per
     * directory its biggest children (at least {@link #TREE_MIN_SHARE} of the image, at most
     * {@link #TREE_MAX_CHILDREN}), the rest summed into one {@code other} node.
     */
    static ReportModel.Node tree(Collection<FileEntry> live) {
        Map<String, Dir> dirs = new HashMap<>();
        Dir root = new Dir("/");
        dirs.put("/", root);
        long total = 0;
        for (FileEntry e : live) {
            if (e.type() != FileType.REGULAR) {
                continue;
            }
            Dir parent = dir(dirs, parent(e.path()));
            parent.size += e.size();
            parent.files++;
            total += e.size();
        }
        sum(root);
        long threshold = Math.max(1, (long) (total * TREE_MIN_SHARE));
        for (FileEntry e : live) {
            if (e.type() == FileType.REGULAR && e.size() >= threshold) {
                dirs.get(parent(e.path())).bigFiles.add(e);
            }
        }
        return prune(root, "/", threshold, 0);
    }

    private static Dir dir(Map<String, Dir> dirs, String path) {
        Dir d = dirs.get(path);
        if (d == null) {
            d = new Dir(path);
            dirs.put(path, d);
            Dir parent = dir(dirs, parent(path));
            parent.children.put(path, d);
        }
        return d;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static void sum(Dir d) {
        for (Dir c : d.children.values()) {
            sum(c);
            d.size += c.size;
            d.files += c.files;
        }
    }

    private static ReportModel.Node prune(Dir d, String name, long threshold, int depth) {
        record Item(Dir dir, FileEntry file, long size) {
        }
        List<Item> items = new ArrayList<>();
        d.children.values().forEach(c -> items.add(new Item(c, null, c.size)));
        d.bigFiles.forEach(f -> items.add(new Item(null, f, f.size())));
        items.sort(Comparator.comparingLong(Item::size).reversed());
        List<ReportModel.Node> kept = new ArrayList<>();
        long otherSize = 0;
        int otherFiles = 0;
        int otherEntries = 0;
        long keptFileBytes = 0;
        int keptFiles = 0;
        for (Item item : items) {
            boolean keep = depth < TREE_MAX_DEPTH && kept.size() < TREE_MAX_CHILDREN && item.size() >= threshold;
            if (keep && item.dir() != null) {
                kept.add(prune(item.dir(), item.dir().path.substring(item.dir().path.lastIndexOf('/') + 1), threshold, depth + 1));
            } else if (keep) {
                kept.add(new ReportModel.Node(item.file().name(), item.file().path(), item.size(), 1, "file", null));
                keptFileBytes += item.size();
                keptFiles++;
            } else if (item.dir() != null) {
                otherSize += item.size();
                otherFiles += item.dir().files;
                otherEntries++;
            }
        }
        // the directory's own files that were not kept, with the small subdirectories
        long ownFiles = d.size - d.children.values().stream().mapToLong(c -> c.size).sum() - keptFileBytes;
        int ownCount = d.files - d.children.values().stream().mapToInt(c -> c.files).sum() - keptFiles;
        otherSize += ownFiles;
        otherFiles += ownCount;
        if (!kept.isEmpty() && otherSize > 0) {
            kept.add(new ReportModel.Node("(" + (otherEntries > 0 ? otherEntries + " more directories, " : "") + otherFiles
                    + " files)", d.path, otherSize, otherFiles, "other", null));
        }
        return new ReportModel.Node(name, d.path, d.size, d.files, "directory", kept.isEmpty() ? null : kept);
    }

    // ---- findings, packages, comparisons ----------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static ReportModel.Waste analyses(ImageInput in, Map<Integer, ReportModel.Location> locations,
                                              Map<String, List<ReportModel.Package>> packages,
                                              List<ReportModel.Finding> findings, List<ReportModel.Comparison> comparisons) {
        ReportModel.Waste waste = null;
        Map<String, Object> sorted = new TreeMap<>(in.analyses());
        Set<String> seenSecrets = new java.util.HashSet<>();
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.equals("waste") && value instanceof io.github.imageassert.analysis.Waste w) {
                waste = new ReportModel.Waste(w.wastedBytes(), w.efficiency(), w.userWastedShare(), w.copies().size());
                w.copies().stream().limit(FINDINGS_PER_KIND).forEach(r -> findings.add(new ReportModel.Finding("waste",
                        "wasted-copy", "warning", r.entry().path(), r.entry().layer(), locations.get(r.entry().layer()),
                        r.removedBy(), r.entry().size(), r.entry().path() + " (" + human(r.entry().size()) + ") is added by layer "
                        + r.entry().layer() + " and " + verb(r.how()) + " by layer " + r.removedBy()
                        + ": its bytes still ship. Remove it in the layer that adds it.")));
            } else if (key.startsWith("secrets:")) {
                for (SecretFinding f : (List<SecretFinding>) value) {
                    if (!seenSecrets.add(f.rule().id() + "|" + f.entry().layer() + "|" + f.entry().path())) {
                        continue;
                    }
                    if (findings.stream().filter(x -> x.kind().equals("secret")).count() >= FINDINGS_PER_KIND) {
                        break;
                    }
                    findings.add(new ReportModel.Finding("secret", f.rule().id(), "error", f.entry().path(), f.entry().layer(),
                            locations.get(f.entry().layer()), f.hiddenBy().map(RemovedEntry::removedBy).orElse(null),
                            f.entry().size(), f.rule().description() + (f.evidence().isEmpty() ? "" : " (" + f.evidence() + ")")
                            + " in " + f.entry().path() + ", added by layer " + f.entry().layer()
                            + f.hiddenBy().map(r -> ", " + verb(r.how()) + " by layer " + r.removedBy()
                            + ": still readable in layer " + f.entry().layer()).orElse("")));
                }
            } else if (key.equals("hygiene:setuid") || key.equals("hygiene:world-writable")) {
                boolean setuid = key.equals("hygiene:setuid");
                ((List<FileEntry>) value).stream().limit(FINDINGS_PER_KIND).forEach(f -> findings.add(new ReportModel.Finding(
                        "hygiene", setuid ? "setuid-setgid" : "world-writable", "warning", f.path(), f.layer(),
                        locations.get(f.layer()), null, null, f.path() + " (" + f.modeString() + ")"
                        + (setuid ? " runs with its owner's or group's rights" : " may be written by anyone")
                        + ", added by layer " + f.layer())));
            } else if (key.equals("hygiene:package-caches")) {
                for (PackageCache c : (List<PackageCache>) value) {
                    Integer layer = c.layers().isEmpty() ? null : c.layers().get(0);
                    findings.add(new ReportModel.Finding("hygiene", "package-cache", "warning", c.root(), layer,
                            layer == null ? null : locations.get(layer), null, c.bytes(), c.kind() + " left in " + c.root()
                            + ": " + c.files() + " files, " + human(c.bytes()) + ", written by layers " + c.layers()));
                }
            } else if (key.startsWith("packages:")) {
                List<InstalledPackage> list = (List<InstalledPackage>) value;
                packages.put(key.substring("packages:".length()), list.stream().limit(PACKAGES_PER_KIND)
                        .map(p -> new ReportModel.Package(p.name(), p.version(), p.layer(), p.location())).toList());
            } else if (key.startsWith("diff:") && value instanceof ImageDiff d) {
                comparisons.add(new ReportModel.Comparison(key.substring("diff:".length()), d.baseSize(), d.imageSize(),
                        d.added().size(), d.removed().size(), d.changed().size(), largest(d.added(), LARGEST_FILES, null),
                        d.removed().stream().limit(LARGEST_FILES).map(FileEntry::path).toList(),
                        d.changed().stream().limit(LARGEST_FILES).map(c -> c.after().path() + ": " + c.what()).toList()));
            }
        }
        return waste;
    }

    private static String verb(RemovedEntry.How how) {
        return switch (how) {
            case WHITEOUT -> "deleted";
            case OPAQUE -> "hidden (its directory was replaced)";
            case OVERWRITTEN -> "overwritten";
        };
    }

    static String human(long bytes) {
        return io.github.imageassert.image.DataSize.human(bytes);
    }
}

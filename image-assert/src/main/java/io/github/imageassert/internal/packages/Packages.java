package io.github.imageassert.internal.packages;

import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import io.github.imageassert.packages.UnsupportedPackageDatabaseException;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.internal.index.MergedFilesystem;
import io.github.imageassert.fs.RemovedEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages an image holds, read from the records package managers leave behind, without running the image.
 * Each question reads only the files it needs, in one pass over the layers.
 */
public final class Packages {

    /** Package databases and manifests are small; a bigger file is not one. */
    public static final int MAX_RECORD = 64 << 20;

    private static final List<String> RPM_DATABASES = List.of("/var/lib/rpm/rpmdb.sqlite", "/var/lib/rpm/Packages",
            "/var/lib/rpm/Packages.db", "/usr/lib/sysimage/rpm/rpmdb.sqlite", "/usr/lib/sysimage/rpm/Packages.db");
    private static final Pattern PYTHON_METADATA = Pattern.compile(".*/[^/]+\\.dist-info/METADATA");

    private Packages() {
    }

    public static List<InstalledPackage> of(LoadedImage image, Ecosystem ecosystem) {
        return switch (ecosystem) {
            case DPKG, APK -> os(image).stream().filter(p -> p.ecosystem() == ecosystem).toList();
            case NPM -> npm(image);
            case PYTHON -> python(image);
            case JAVA -> java(image);
        };
    }

    /**
     * dpkg and apk packages in the "installed" state. Each is attributed to the layer that installed it: the lowest
     * layer from which every later copy of the database lists it.
     *
     * @throws UnsupportedPackageDatabaseException when the image keeps its packages in an rpm database only
     */
    public static List<InstalledPackage> os(LoadedImage image) {
        MergedFilesystem fs = image.filesystem();
        List<InstalledPackage> out = new ArrayList<>();
        out.addAll(attributed(image, DpkgDatabase.STATUS, DpkgDatabase::parse));
        List<FileEntry> distroless = fs.under(DpkgDatabase.STATUS_DIR).stream()
                .filter(e -> e.isRegularFile() && !e.name().endsWith(".md5sums") && !e.name().startsWith("."))
                .toList();
        image.readContents(distroless, MAX_RECORD).forEach((entry, bytes) ->
                out.addAll(DpkgDatabase.parse(text(bytes), entry.path(), entry.layer())));
        out.addAll(attributed(image, ApkDatabase.INSTALLED, ApkDatabase::parse));
        if (out.isEmpty()) {
            Optional<String> rpm = RPM_DATABASES.stream().filter(p -> fs.entry(p).isPresent()).findFirst();
            if (rpm.isPresent()) {
                throw new UnsupportedPackageDatabaseException(image.description(), rpm.get());
            }
        }
        out.sort(Comparator.comparing(InstalledPackage::name));
        return image.remember("packages:os", List.copyOf(out));
    }

    /** Every package under a {@code node_modules} directory, nested ones included. */
    public static List<InstalledPackage> npm(LoadedImage image) {
        return image.remember("packages:npm", NpmTree.of(image).packages().stream().map(NpmTree.Node::installed).toList());
    }

    /** Installed Python distributions ({@code *.dist-info/METADATA}: pip, uv, poetry and wheel installs). */
    public static List<InstalledPackage> python(LoadedImage image) {
        List<InstalledPackage> out = new ArrayList<>();
        image.readContents(live(image, PYTHON_METADATA), MAX_RECORD).forEach((entry, bytes) -> {
            Map<String, String> headers = ControlFile.headers(text(bytes));
            if (headers.containsKey("Name")) {
                out.add(new InstalledPackage(Ecosystem.PYTHON, headers.get("Name"), headers.getOrDefault("Version", ""),
                        null, entry.path(), entry.layer()));
            }
        });
        out.sort(Comparator.comparing(InstalledPackage::name).thenComparing(InstalledPackage::location));
        return image.remember("packages:python", List.copyOf(out));
    }

    /** Every {@code .jar} file, and the jars inside one (one level deep), by Maven coordinates where the jar has them. */
    public static List<InstalledPackage> java(LoadedImage image) {
        List<FileEntry> jars = image.filesystem().entries().stream()
                .filter(e -> e.isRegularFile() && e.name().endsWith(".jar")).toList();
        List<InstalledPackage> out = new ArrayList<>();
        image.readContents(jars, (entry, in) -> out.addAll(JarArchives.read(in, entry.path(), entry.layer(), false)));
        out.sort(Comparator.comparing(InstalledPackage::location).thenComparing(InstalledPackage::name));
        return image.remember("packages:java", List.copyOf(out));
    }

    /** Where this image keeps records of that kind: what a message can say was looked at. */
    public static String recordsLookedAt(Ecosystem ecosystem) {
        return switch (ecosystem) {
            case DPKG, APK -> DpkgDatabase.STATUS + ", " + DpkgDatabase.STATUS_DIR + "/* and " + ApkDatabase.INSTALLED;
            case NPM -> "node_modules/**/package.json";
            case PYTHON -> "*.dist-info/METADATA";
            case JAVA -> "*.jar files";
        };
    }

    public static List<FileEntry> live(LoadedImage image, Pattern pathPattern) {
        return image.filesystem().entries().stream()
                .filter(e -> e.isRegularFile() && pathPattern.matcher(e.path()).matches()).toList();
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A parser of one database copy. */
    interface DatabaseParser {
        List<InstalledPackage> parse(String text, String location, int layer);
    }

    /**
     * Reads the live database and every copy a later layer replaced, and gives each live package the lowest layer
     * of the unbroken run of copies, ending at the live one, that lists it with the same version.
     */
    private static List<InstalledPackage> attributed(LoadedImage image, String path, DatabaseParser parser) {
        MergedFilesystem fs = image.filesystem();
        Optional<FileEntry> live = fs.entry(path).filter(FileEntry::isRegularFile);
        if (live.isEmpty()) {
            return List.of();
        }
        List<FileEntry> copies = Stream.concat(
                        fs.removed().stream().map(RemovedEntry::entry).filter(e -> e.path().equals(path) && e.isRegularFile()),
                        Stream.of(live.get()))
                .sorted(Comparator.comparingInt(FileEntry::layer).reversed()).toList();
        Map<FileEntry, byte[]> contents = image.readContents(copies, MAX_RECORD);
        Map<String, InstalledPackage> current = new LinkedHashMap<>();
        for (InstalledPackage p : parser.parse(text(contents.get(live.get())), path, live.get().layer())) {
            current.put(p.name() + " " + p.version(), p);
        }
        Map<String, InstalledPackage> stillListed = new LinkedHashMap<>(current);
        for (FileEntry copy : copies.subList(1, copies.size())) {
            List<String> listed = parser.parse(text(contents.get(copy)), path, copy.layer()).stream()
                    .map(p -> p.name() + " " + p.version()).toList();
            stillListed.keySet().retainAll(listed);
            stillListed.replaceAll((k, p) -> p.inLayer(copy.layer()));
            stillListed.forEach(current::put);
        }
        return new ArrayList<>(current.values());
    }
}

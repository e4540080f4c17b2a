package io.github.imageassert;

import io.github.imageassert.analysis.HygieneReport;
import io.github.imageassert.analysis.ImageDiff;
import io.github.imageassert.analysis.Waste;
import io.github.imageassert.fs.EntryContentVisitor;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.ImageFilesystem;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.analysis.DiffAnalysis;
import io.github.imageassert.internal.analysis.HygieneAnalysis;
import io.github.imageassert.internal.analysis.WasteAnalysis;
import io.github.imageassert.internal.dockerfile.DockerfileOrigin;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.packages.Packages;
import io.github.imageassert.internal.secrets.SecretScanner;
import io.github.imageassert.internal.source.ArchiveSource;
import io.github.imageassert.internal.source.EngineSource;
import io.github.imageassert.internal.source.RegistrySource;
import io.github.imageassert.internal.registry.RegistrySettings;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import io.github.imageassert.secrets.SecretFinding;
import io.github.imageassert.secrets.SecretRules;
import io.github.imageassert.users.ResolvedUser;
import io.github.imageassert.users.UserDatabase;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container image to assert on. Metadata questions (user, entrypoint, env, size) are answered from the
 * config alone; the first question about files reads the layers once and keeps an index of every entry
 * (never the bytes). Safe to share between threads.
 */
public final class ContainerImage {

    private final LoadedImage loaded;

    private ContainerImage(LoadedImage loaded) {
        this.loaded = loaded;
    }

    /** An image the engine has, by tag ({@code sample:runtime}) or id. */
    public static ContainerImage fromDaemon(String reference) {
        return new ContainerImage(LoadedImage.of(new EngineSource(reference)));
    }

    /** A {@code docker save} archive holding one image (either the legacy or the OCI layout). */
    public static ContainerImage fromArchive(Path dockerSaveTar) {
        return new ContainerImage(LoadedImage.of(ArchiveSource.dockerArchive(dockerSaveTar, null)));
    }

    /** A {@code docker save} archive holding several images: read the one tagged {@code tag}. */
    public static ContainerImage fromArchive(Path dockerSaveTar, String tag) {
        return new ContainerImage(LoadedImage.of(ArchiveSource.dockerArchive(dockerSaveTar, tag)));
    }

    /** An OCI image layout (directory or tar); from an index, the host's platform, else linux/amd64. */
    public static ContainerImage fromOciLayout(Path dirOrTar) {
        return new ContainerImage(LoadedImage.of(ArchiveSource.ociLayout(dirOrTar, null)));
    }

    /** An OCI image layout, choosing {@code platform} from its index. */
    public static ContainerImage fromOciLayout(Path dirOrTar, Platform platform) {
        return new ContainerImage(LoadedImage.of(ArchiveSource.ociLayout(dirOrTar, Objects.requireNonNull(platform, "platform"))));
    }

    /**
     * An image in a registry, read over the distribution API without an engine:
     * {@code host[:port]/repository[:tag|@sha256:…]} (the host is required). From an index, the host's platform,
     * else linux/amd64. Config questions fetch the manifest and config only; the first file question reads the
     * layers (once per machine, with the layer store). Credentials come from docker's {@code config.json}; see
     * docs/registry.md for TLS, timeouts and retries.
     */
    public static ContainerImage fromRegistry(String reference) {
        return new ContainerImage(LoadedImage.of(RegistrySource.of(reference, null)));
    }

    /** An image in a registry, choosing {@code platform} from its index. */
    public static ContainerImage fromRegistry(String reference, Platform platform) {
        return new ContainerImage(LoadedImage.of(RegistrySource.of(reference, Objects.requireNonNull(platform, "platform"))));
    }

    /**
     * One image per platform of the index a registry reference names (attestation manifests skipped), all from the
     * same push: for a test that checks every platform a multi-platform build produced. A reference to a single
     * image gives that one image.
     */
    public static List<ContainerImage> allPlatforms(String registryReference) {
        return RegistrySource.allPlatforms(registryReference, RegistrySettings.fromSystem()).stream()
                .map(source -> new ContainerImage(LoadedImage.of(source))).toList();
    }

    /** The image as the library's inside sees it; for the assertions of this package. */
    LoadedImage loaded() {
        return loaded;
    }

    /**
     * The name the engine knows this image by, when it was read from an engine ({@link #fromDaemon(String)}, or
     * {@code @BuildImage}); empty for an archive, a layout or a registry. What a container needs to start from
     * it, e.g. with Testcontainers' {@code GenericContainer}.
     */
    public Optional<String> engineReference() {
        return loaded.source().engineReference();
    }

    /** The same image, named differently in failure messages (e.g. with the Dockerfile target that built it). */
    public ContainerImage describedAs(String newDescription) {
        return new ContainerImage(loaded.describedAs(newDescription));
    }

    /**
     * The same image, knowing the Dockerfile and the target (stage) it was built from: failure messages then name the
     * line of the instruction that made a layer ({@code layer 5 (RUN npm ci) at docker/Dockerfile:14}), and so does
     * the run's report. {@code @BuildImage} does this for every image it builds; call it for an image built
     * elsewhere from a Dockerfile you have. An empty or null target means the last stage. The Dockerfile is read now.
     */
    public ContainerImage builtFrom(Path dockerfile, String target) {
        return new ContainerImage(loaded.builtFrom(DockerfileOrigin.read(Objects.requireNonNull(dockerfile, "dockerfile"), target)));
    }

    /** The name this image was asked for by: a tag, an id, or for an archive its tag or file name. */
    public String reference() {
        return loaded.reference();
    }

    /** How failure messages name this image. */
    public String description() {
        return loaded.description();
    }

    /** Config, history and layer digests: everything the image's config and manifest say, without its files. */
    public ImageMetadata metadata() {
        return loaded.metadata();
    }

    public ImageConfig config() {
        return loaded.config();
    }

    public Platform platform() {
        return loaded.platform();
    }

    /** Layers in order (index 0 is the base), with their sizes as the engine counts them. */
    public List<Layer> layers() {
        return loaded.layers();
    }

    /** Uncompressed size: the sum of the layers, as {@code docker images} shows. */
    public long size() {
        return loaded.size();
    }

    /** The merged filesystem; the first call reads every layer once. */
    public ImageFilesystem filesystem() {
        return loaded.filesystem();
    }

    /** The entry {@code path} leads to, following symlinks. */
    public Optional<FileEntry> file(String path) {
        return loaded.file(path);
    }

    /** How {@code path} resolves: the entry, the links followed, where a missing path stopped. */
    public Resolution lookup(String path) {
        return loaded.lookup(path);
    }

    /**
     * Up to {@code maxBytes} of a regular file's content, following symlinks and hard links; empty when the
     * path is not a regular file.
     */
    public Optional<byte[]> readFile(String path, int maxBytes) {
        return loaded.readFile(path, maxBytes);
    }

    /** A text file's content (UTF-8), at most 1 MiB. */
    public Optional<String> readString(String path) {
        return loaded.readString(path);
    }

    /**
     * Streams the contents of many regular files (live ones, or copies a later layer hid) to {@code visitor},
     * reading each layer at most once: the way to inspect many files without a read per file. Entries that are
     * not regular files are skipped; a hard link is visited with the bytes of the file it links to, under its
     * own entry.
     */
    public void readContents(Collection<FileEntry> entries, EntryContentVisitor visitor) {
        loaded.readContents(entries, visitor);
    }

    /** Up to {@code maxBytes} of each regular file among {@code entries}, read as {@link #readContents} does. */
    public Map<FileEntry, byte[]> readContents(Collection<FileEntry> entries, int maxBytes) {
        return loaded.readContents(entries, maxBytes);
    }

    /** The image's own users and groups, from its {@code /etc/passwd} and {@code /etc/group}. */
    public UserDatabase users() {
        return loaded.users();
    }

    /**
     * Who a container from this image runs as. A numeric USER needs no file access; a name is resolved through
     * the image's {@code /etc/passwd}.
     */
    public ResolvedUser user() {
        return loaded.user();
    }

    /** Bytes shipped that no container can see: copies of files a later layer overwrote or deleted. */
    public Waste waste() {
        return WasteAnalysis.of(loaded);
    }

    /**
     * Installed packages of one kind: dpkg (including distroless {@code status.d}) and apk from their databases,
     * npm packages under every {@code node_modules}, Python distributions, jars.
     *
     * @throws io.github.imageassert.packages.UnsupportedPackageDatabaseException for OS packages kept only in rpm's database
     */
    public List<InstalledPackage> packages(Ecosystem ecosystem) {
        return Packages.of(loaded, Objects.requireNonNull(ecosystem, "ecosystem"));
    }

    /** dpkg and apk packages, each with the layer that installed it. */
    public List<InstalledPackage> osPackages() {
        return Packages.os(loaded);
    }

    /** Secrets in any layer, including files a later layer deleted or overwrote (they still ship). */
    public List<SecretFinding> secrets(SecretRules rules) {
        return SecretScanner.scan(loaded, Objects.requireNonNull(rules, "rules"));
    }

    /** setuid/setgid files, world-writable entries and package-manager caches. */
    public HygieneReport hygiene() {
        return HygieneAnalysis.of(loaded);
    }

    /** How this image's filesystem differs from {@code base}'s, e.g. a runtime stage from the image it is built FROM. */
    public ImageDiff diffFrom(ContainerImage base) {
        return DiffAnalysis.between(Objects.requireNonNull(base, "base").loaded, loaded);
    }

    @Override
    public String toString() {
        return description();
    }
}

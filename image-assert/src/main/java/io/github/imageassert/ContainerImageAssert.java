package io.github.imageassert;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.assertions.DiffChecks;
import io.github.imageassert.internal.assertions.HygieneChecks;
import io.github.imageassert.internal.assertions.ImageFacts;
import io.github.imageassert.internal.assertions.NpmChecks;
import io.github.imageassert.internal.assertions.SecretChecks;
import io.github.imageassert.internal.assertions.WasteChecks;
import static io.github.imageassert.internal.assertions.error.ShouldExposePort.shouldExposePort;
import static io.github.imageassert.internal.assertions.error.ShouldHaveConfigValue.shouldHaveConfigValue;
import static io.github.imageassert.internal.assertions.error.ShouldHaveEnv.shouldHaveEnv;
import static io.github.imageassert.internal.assertions.error.ShouldHaveExecutable.shouldHaveExecutable;
import static io.github.imageassert.internal.assertions.error.ShouldHaveFile.shouldHaveFile;
import static io.github.imageassert.internal.assertions.error.ShouldHaveFileMatching.shouldHaveFileMatching;
import static io.github.imageassert.internal.assertions.error.ShouldHaveHealthcheck.shouldHaveHealthcheck;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLabel.shouldHaveLabel;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLayerCount.shouldHaveLayerCount;
import static io.github.imageassert.internal.assertions.error.ShouldHaveNoFileMatching.shouldHaveNoFileMatching;
import static io.github.imageassert.internal.assertions.error.ShouldHaveSizeLessThan.shouldHaveSizeLessThan;
import static io.github.imageassert.internal.assertions.error.ShouldHaveVolume.shouldHaveVolume;
import static io.github.imageassert.internal.assertions.error.ShouldNotContainExecutable.shouldNotContainExecutable;
import static io.github.imageassert.internal.assertions.error.ShouldNotHaveEnv.shouldNotHaveEnv;
import static io.github.imageassert.internal.assertions.error.ShouldNotHaveFile.shouldNotHaveFile;
import static io.github.imageassert.internal.assertions.error.ShouldRunAsNonRoot.shouldRunAsNonRoot;
import static io.github.imageassert.internal.assertions.error.ShouldRunAsUser.shouldRunAsUser;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.analysis.HygieneAnalysis;
import io.github.imageassert.analysis.ImageDiff;
import io.github.imageassert.analysis.Waste;
import io.github.imageassert.internal.index.ImagePaths;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.internal.packages.NpmManifest;
import io.github.imageassert.secrets.SecretRules;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.HealthCheck;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import io.github.imageassert.users.ResolvedUser;
import io.github.imageassert.users.UserDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions on a {@link ContainerImage}: its user, size, layers, waste, files, executables, packages, secrets,
 * hygiene, config, and how it compares with another image.
 */
public class ContainerImageAssert extends AbstractAssert<ContainerImageAssert, ContainerImage> {

    private static final int EVIDENCE_LIMIT = 10;

    public ContainerImageAssert(ContainerImage actual) {
        super(actual, ContainerImageAssert.class);
    }

    // ---- user ------------------------------------------------------------------------------------------

    /** The effective uid is not 0. USER unset means root; a name is resolved through the image's /etc/passwd. */
    public ContainerImageAssert runsAsNonRoot() {
        isNotNull();
        ResolvedUser user = actual.user();
        if (!user.isResolved() || user.isRoot()) {
            throwAssertionError(shouldRunAsNonRoot(actual.loaded(), user));
        }
        return myself;
    }

    /** Runs as this user, given as a name ({@code "app"}) or a uid ({@code "1000"}). */
    public ContainerImageAssert runsAsUser(String user) {
        isNotNull();
        Objects.requireNonNull(user, "user");
        ResolvedUser resolved = actual.user();
        boolean matches = resolved.isResolved() && (UserDatabase.isNumeric(user)
                ? resolved.uid() == Long.parseLong(user)
                : user.equals(resolved.name()) || actual.users().user(user).map(u -> u.uid() == resolved.uid()).orElse(false));
        if (!matches) {
            throwAssertionError(shouldRunAsUser(actual.loaded(), user, resolved));
        }
        return myself;
    }

    /** The USER value exactly as configured ({@code ""} when unset). */
    public ContainerImageAssert hasUser(String rawUser) {
        return hasConfigValue("USER", rawUser, actual == null ? null : actual.config().user());
    }

    // ---- size and layers -------------------------------------------------------------------------------

    /** Size (the sum of uncompressed layer sizes, as {@code docker images} shows) below {@code budget}, e.g. "150 MB". */
    public ContainerImageAssert hasSizeLessThan(String budget) {
        return hasSizeLessThan(DataSize.parse(budget));
    }

    public ContainerImageAssert hasSizeLessThan(DataSize budget) {
        isNotNull();
        long size = actual.size();
        if (size >= budget.bytes()) {
            throwAssertionError(shouldHaveSizeLessThan(actual.loaded(), "less than", budget, size, ImageFacts.largestLayers(actual.loaded(), budget, 3)));
        }
        return myself;
    }

    public ContainerImageAssert hasSizeAtMost(String budget) {
        isNotNull();
        DataSize max = DataSize.parse(budget);
        long size = actual.size();
        if (size > max.bytes()) {
            throwAssertionError(shouldHaveSizeLessThan(actual.loaded(), "of at most", max, size, ImageFacts.largestLayers(actual.loaded(), max, 3)));
        }
        return myself;
    }

    /** The stored (compressed) size, where the source knows it (OCI layouts, Docker 25+ archives). */
    public ContainerImageAssert hasCompressedSizeLessThan(String budget) {
        isNotNull();
        DataSize max = DataSize.parse(budget);
        Optional<Long> compressed = actual.metadata().compressedSize();
        if (compressed.isEmpty()) {
            failWithMessage("%nExpecting image:%n  %s%nto have a compressed size less than %s%nbut its source records no "
                    + "compressed sizes (an engine and a legacy docker save archive do not); read it from an OCI layout, "
                    + "or assert on hasSizeLessThan", actual.description(), max);
        } else if (compressed.get() >= max.bytes()) {
            throwAssertionError(shouldHaveSizeLessThan(actual.loaded(), "compressed, less than", max, compressed.get(), ""));
        }
        return myself;
    }

    public ContainerImageAssert hasLayerCount(int expected) {
        isNotNull();
        List<Layer> layers = actual.layers();
        if (layers.size() != expected) {
            throwAssertionError(shouldHaveLayerCount(actual.loaded(), expected, layers));
        }
        return myself;
    }

    public ContainerImageAssert hasAtMostLayers(int max) {
        isNotNull();
        List<Layer> layers = actual.layers();
        if (layers.size() > max) {
            throwAssertionError(io.github.imageassert.internal.assertions.error.ShouldHaveAtMostLayers.shouldHaveAtMostLayers(actual.loaded(), max, layers));
        }
        return myself;
    }

    /** Every layer stays within {@code budget}. */
    public ContainerImageAssert hasEveryLayerAtMost(String budget) {
        isNotNull();
        DataSize max = DataSize.parse(budget);
        actual.layers().forEach(l -> io.github.imageassert.internal.assertions.ImageLayers.instance().assertHasSizeAtMost(info, actual.loaded(), l, max));
        return myself;
    }

    /** Navigates to layer {@code index} (0 is the base); a negative index counts from the top (-1 is the last). */
    public LayerAssert layer(int index) {
        isNotNull();
        io.github.imageassert.internal.assertions.ImageLayers.instance().assertHasLayer(info, actual.loaded(), index);
        return new LayerAssert(new ImageLayer(actual, index));
    }

    /**
     * At most {@code budget} of bytes that no container can see: copies of files that a later layer overwrote or
     * deleted (see {@link ContainerImage#waste()}), e.g. a compiler installed in one RUN and purged in the next. dive's
     * {@code highestWastedBytes}, without its miscount of the copy that is kept.
     */
    public ContainerImageAssert hasWastedBytesAtMost(String budget) {
        return check(image -> WasteChecks.wastedBytesAtMost(image, DataSize.parse(budget)));
    }

    /** dive's {@code lowestEfficiency}: 1 - wasted bytes / image size, at least {@code fraction} (0.95 for 95 %). */
    public ContainerImageAssert hasEfficiencyAtLeast(double fraction) {
        return check(image -> WasteChecks.efficiencyAtLeast(image, fraction(fraction)));
    }

    /**
     * dive's {@code highestUserWastedPercent}: wasted bytes over the size of every layer but the first (the base),
     * at most {@code fraction} (0.1 for 10 %). It exceeds 1 when later layers delete more of the base than they add.
     */
    public ContainerImageAssert hasUserWastedShareAtMost(double fraction) {
        if (!(fraction >= 0)) {
            throw new IllegalArgumentException("Give a fraction like dive does: 0.1 for 10 %, not " + fraction);
        }
        return check(image -> WasteChecks.userWastedShareAtMost(image, fraction));
    }

    /** Runs a check that yields a failure message factory when it fails. */
    private ContainerImageAssert check(Function<LoadedImage, Optional<ErrorMessageFactory>> check) {
        isNotNull();
        check.apply(actual.loaded()).ifPresent(this::throwAssertionError);
        return myself;
    }

    private static double fraction(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("Give a fraction between 0 and 1, like dive does: 0.95 for 95 %, not " + value);
        }
        return value;
    }

    // ---- packages ----------------------------------------------------------------------------------------

    /** dpkg (including distroless status.d) and apk packages; rpm databases are refused with an explanation. */
    public PackagesAssert osPackages() {
        isNotNull();
        return new PackagesAssert(new ImagePackages(actual, java.util.EnumSet.of(Ecosystem.DPKG, Ecosystem.APK), actual.osPackages()));
    }

    /** Packages under every {@code node_modules} directory. */
    public PackagesAssert npmPackages() {
        isNotNull();
        return new PackagesAssert(new ImagePackages(actual, java.util.Set.of(Ecosystem.NPM), actual.packages(Ecosystem.NPM)));
    }

    /** Installed Python distributions ({@code *.dist-info}). */
    public PackagesAssert pythonPackages() {
        isNotNull();
        return new PackagesAssert(new ImagePackages(actual, java.util.Set.of(Ecosystem.PYTHON), actual.packages(Ecosystem.PYTHON)));
    }

    /** Jars, by Maven coordinates or file name, including those nested in a Spring Boot or WAR archive. */
    public PackagesAssert javaArchives() {
        isNotNull();
        return new PackagesAssert(new ImagePackages(actual, java.util.Set.of(Ecosystem.JAVA), actual.packages(Ecosystem.JAVA)));
    }

    /**
     * No package under the app's {@code node_modules} is there only for development: every one is needed, directly
     * or through others, by the {@code dependencies} of the app's {@code package.json}, read from the image.
     */
    public ContainerImageAssert doesNotShipNpmDevDependencies(String packageJsonInImage) {
        isNotNull();
        Optional<byte[]> json = actual.readFile(packageJsonInImage, 16 << 20);
        if (json.isEmpty()) {
            Resolution lookup = actual.lookup(packageJsonInImage);
            throwAssertionError(io.github.imageassert.internal.assertions.error.ShouldHavePackageJson.shouldHavePackageJson(
                    actual.loaded(), packageJsonInImage, lookup, ImageFacts.removal(actual.loaded(), lookup)));
        }
        NpmManifest app = NpmManifest.parse(json.get(), packageJsonInImage + " in " + actual.description());
        NpmChecks.noDevDependencies(actual.loaded(), app, packageJsonInImage, ImagePaths.parent(ImagePaths.normalize(packageJsonInImage)))
                .ifPresent(this::throwAssertionError);
        return myself;
    }

    /** Like {@link #doesNotShipNpmDevDependencies(String)}, with the app's package.json read from disk. */
    public ContainerImageAssert doesNotShipNpmDevDependencies(Path packageJsonOnDisk, String appDirInImage) {
        isNotNull();
        byte[] json;
        try {
            json = Files.readAllBytes(packageJsonOnDisk);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + packageJsonOnDisk.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        NpmManifest app = NpmManifest.parse(json, packageJsonOnDisk.toString());
        return check(image -> NpmChecks.noDevDependencies(image, app, packageJsonOnDisk.toString(), appDirInImage));
    }

    // ---- secrets -----------------------------------------------------------------------------------------

    /**
     * No secret in any layer, including files a later layer deleted or overwrote (they still ship), by the default
     * rules: see {@link SecretRules#defaults()}.
     */
    public ContainerImageAssert hasNoLeakedSecrets() {
        return hasNoLeakedSecrets(SecretRules.defaults());
    }

    /** No secret in any layer by these rules, e.g. {@code SecretRules.defaults().with(SecretRule.text("token", value))}. */
    public ContainerImageAssert hasNoLeakedSecrets(SecretRules rules) {
        return check(image -> SecretChecks.noLeaks(image, Objects.requireNonNull(rules, "rules")));
    }

    // ---- hygiene -----------------------------------------------------------------------------------------

    /** No regular file has the setuid or setgid bit, except the paths allowed (e.g. {@code /usr/bin/passwd}). */
    public ContainerImageAssert hasNoSetuidOrSetgidFiles(String... allowed) {
        return check(image -> HygieneChecks.noSetuid(image, allowed));
    }

    /** Nothing anyone may write, except sticky directories such as {@code /tmp} and what lies directly in them. */
    public ContainerImageAssert hasNoWorldWritableFiles() {
        return check(HygieneChecks::noWorldWritable);
    }

    /** No apt lists or archives, apk, npm, yarn, pnpm, pip, Maven, Gradle or Go caches (see {@link Hygiene}). */
    public ContainerImageAssert hasNoPackageManagerCaches() {
        return check(HygieneChecks::noPackageCaches);
    }

    /** No shell on the PATH (sh, bash, dash, ash, zsh, ksh, busybox...): for distroless and scratch images. */
    public ContainerImageAssert hasNoShell() {
        return check(HygieneChecks::noShell);
    }

    /** None of the usual build tools (compilers, linkers, make, javac, mvn, go, cargo...) on the PATH. */
    public ContainerImageAssert doesNotContainBuildTools() {
        return doesNotContainExecutables(HygieneAnalysis.BUILD_TOOLS.toArray(String[]::new));
    }

    // ---- comparing images --------------------------------------------------------------------------------

    /** At most {@code percent} % of the other image's size, e.g. a runtime stage next to its builder. */
    public ContainerImageAssert hasSizeAtMostPercentOf(ContainerImage other, double percent) {
        Objects.requireNonNull(other, "other image");
        return check(image -> DiffChecks.sizeAtMostPercentOf(image, other.loaded(), percent));
    }

    /** Navigates to how this image differs from {@code base} (e.g. the image it is built {@code FROM}). */
    public ImageDiffAssert relativeTo(ContainerImage base) {
        isNotNull();
        Objects.requireNonNull(base, "base image");
        return new ImageDiffAssert(new ImageComparison(base, actual, actual.diffFrom(base)));
    }

    // ---- files -----------------------------------------------------------------------------------------

    /** The path exists in the merged filesystem, following symlinks. */
    public ContainerImageAssert hasFile(String path) {
        isNotNull();
        Resolution r = actual.lookup(path);
        if (!r.exists()) {
            throwAssertionError(shouldHaveFile(actual.loaded(), path, r, ImageFacts.removal(actual.loaded(), r)));
        }
        return myself;
    }

    /** The path does not exist in the merged filesystem (neither as itself nor through a symlink). */
    public ContainerImageAssert doesNotHaveFile(String path) {
        isNotNull();
        Resolution followed = actual.lookup(path);
        Optional<FileEntry> itself = actual.filesystem().entry(path);
        if (followed.exists()) {
            throwAssertionError(shouldNotHaveFile(actual.loaded(), path, ImageFacts.describe(actual.loaded(), followed)));
        } else if (itself.isPresent()) {
            Resolution self = actual.filesystem().lookup(path, false);
            throwAssertionError(shouldNotHaveFile(actual.loaded(), path, ImageFacts.describe(actual.loaded(), self) + " (a dangling link)"));
        }
        return myself;
    }

    /** Navigates to a file for detailed assertions; fails when it does not exist. */
    public FileAssert file(String path) {
        hasFile(path);
        return new FileAssert(new ImageFile(actual, path, actual.lookup(path)));
    }

    public ContainerImageAssert hasFileSatisfying(String path, Consumer<FileAssert> requirements) {
        requirements.accept(file(path));
        return myself;
    }

    /** Some file matches the glob, e.g. {@code /app/**.js}. */
    public ContainerImageAssert hasFileMatching(String glob) {
        isNotNull();
        if (actual.filesystem().glob(glob).findAny().isEmpty()) {
            throwAssertionError(shouldHaveFileMatching(actual.loaded(), glob));
        }
        return myself;
    }

    /** No file matches the glob, e.g. {@code **}{@code /*.test.js}; lists the offenders with the layer that added each. */
    public ContainerImageAssert hasNoFileMatching(String glob) {
        isNotNull();
        List<FileEntry> matches = actual.filesystem().glob(glob).toList();
        if (!matches.isEmpty()) {
            List<String> evidence = matches.stream().limit(EVIDENCE_LIMIT)
                    .map(e -> ImageFacts.describe(actual.loaded(), actual.filesystem().lookup(e.path(), false))).toList();
            throwAssertionError(shouldHaveNoFileMatching(actual.loaded(), glob, evidence, matches.size()));
        }
        return myself;
    }

    // ---- executables -----------------------------------------------------------------------------------

    /** An executable regular file of that name is on the image's PATH (links followed), or at that path. */
    public ContainerImageAssert hasExecutable(String name) {
        isNotNull();
        if (ImageFacts.findExecutable(actual.loaded(), name).isEmpty()) {
            throwAssertionError(shouldHaveExecutable(actual.loaded(), name, String.join(":", ImageFacts.pathDirs(actual.loaded())),
                    nonExecutableEvidence(name)));
        }
        return myself;
    }

    /** No executable of that name is on the image's PATH (links followed, e.g. {@code gcc -> gcc-12}). */
    public ContainerImageAssert doesNotContainExecutable(String name) {
        isNotNull();
        Optional<Resolution> found = ImageFacts.findExecutable(actual.loaded(), name);
        if (found.isPresent()) {
            throwAssertionError(shouldNotContainExecutable(actual.loaded(), name, ImageFacts.describe(actual.loaded(), found.get())));
        }
        return myself;
    }

    /** No executable of any of these names is on the PATH; reports every one found. */
    public ContainerImageAssert doesNotContainExecutables(String... names) {
        isNotNull();
        StringBuilder evidence = new StringBuilder();
        for (String name : names) {
            ImageFacts.findExecutable(actual.loaded(), name).ifPresent(r ->
                    evidence.append(evidence.length() == 0 ? "" : String.format("%n  ")).append(ImageFacts.describe(actual.loaded(), r)));
        }
        if (evidence.length() > 0) {
            throwAssertionError(shouldNotContainExecutable(actual.loaded(), String.join(", ", names), evidence.toString()));
        }
        return myself;
    }

    private String nonExecutableEvidence(String name) {
        for (String dir : ImageFacts.pathDirs(actual.loaded())) {
            Resolution r = actual.filesystem().lookup(dir + "/" + name, true);
            if (r.exists()) {
                return "the only match is not an executable regular file: " + ImageFacts.describe(actual.loaded(), r);
            }
        }
        return "no such file on the PATH";
    }

    // ---- config ----------------------------------------------------------------------------------------

    public ContainerImageAssert hasEntrypoint(String... entrypoint) {
        return hasConfigValue("ENTRYPOINT", Arrays.asList(entrypoint), actual == null ? null : actual.config().entrypoint());
    }

    public ContainerImageAssert hasCmd(String... cmd) {
        return hasConfigValue("CMD", Arrays.asList(cmd), actual == null ? null : actual.config().cmd());
    }

    public ContainerImageAssert hasWorkdir(String workdir) {
        return hasConfigValue("WORKDIR", workdir, actual == null ? null : actual.config().workingDir());
    }

    public ContainerImageAssert hasStopSignal(String signal) {
        return hasConfigValue("STOPSIGNAL", signal, actual == null ? null : actual.config().stopSignal());
    }

    /** {@code linux/amd64}, {@code linux/arm64/v8}. */
    public ContainerImageAssert hasPlatform(String platform) {
        isNotNull();
        Platform expected = Platform.parse(platform);
        if (!expected.matches(actual.platform())) {
            throwAssertionError(shouldHaveConfigValue(actual.loaded(), "platform", expected.toString(), actual.platform().toString()));
        }
        return myself;
    }

    private ContainerImageAssert hasConfigValue(String what, Object expected, Object actualValue) {
        isNotNull();
        if (!Objects.equals(expected, actualValue)) {
            throwAssertionError(shouldHaveConfigValue(actual.loaded(), what, expected, actualValue));
        }
        return myself;
    }

    public ContainerImageAssert hasEnv(String name) {
        isNotNull();
        Map<String, String> env = actual.config().envMap();
        if (!env.containsKey(name)) {
            throwAssertionError(shouldHaveEnv(actual.loaded(), name, null, env));
        }
        return myself;
    }

    public ContainerImageAssert hasEnv(String name, String value) {
        isNotNull();
        Map<String, String> env = actual.config().envMap();
        if (!Objects.equals(env.get(name), value)) {
            throwAssertionError(shouldHaveEnv(actual.loaded(), name, value, env));
        }
        return myself;
    }

    public ContainerImageAssert doesNotHaveEnv(String name) {
        isNotNull();
        Map<String, String> env = actual.config().envMap();
        if (env.containsKey(name)) {
            throwAssertionError(shouldNotHaveEnv(actual.loaded(), name, env.get(name)));
        }
        return myself;
    }

    public ContainerImageAssert hasLabel(String key) {
        isNotNull();
        Map<String, String> labels = actual.config().labels();
        if (!labels.containsKey(key)) {
            throwAssertionError(shouldHaveLabel(actual.loaded(), key, null, labels));
        }
        return myself;
    }

    public ContainerImageAssert hasLabel(String key, String value) {
        isNotNull();
        Map<String, String> labels = actual.config().labels();
        if (!Objects.equals(labels.get(key), value)) {
            throwAssertionError(shouldHaveLabel(actual.loaded(), key, value, labels));
        }
        return myself;
    }

    /** {@code "8080"} means 8080/tcp; {@code "53/udp"} names the protocol. */
    public ContainerImageAssert exposesPort(String port) {
        return exposure(port, true);
    }

    public ContainerImageAssert exposesPort(int port) {
        return exposure(String.valueOf(port), true);
    }

    public ContainerImageAssert doesNotExposePort(String port) {
        return exposure(port, false);
    }

    public ContainerImageAssert doesNotExposePort(int port) {
        return exposure(String.valueOf(port), false);
    }

    private ContainerImageAssert exposure(String port, boolean expected) {
        isNotNull();
        String normalized = port.contains("/") ? port : port + "/tcp";
        if (actual.config().exposedPorts().contains(normalized) != expected) {
            throwAssertionError(shouldExposePort(actual.loaded(), expected, normalized, actual.config().exposedPorts()));
        }
        return myself;
    }

    public ContainerImageAssert hasVolume(String volume) {
        isNotNull();
        if (!actual.config().volumes().contains(volume)) {
            throwAssertionError(shouldHaveVolume(actual.loaded(), volume, actual.config().volumes()));
        }
        return myself;
    }

    /** A HEALTHCHECK is configured and not disabled with {@code HEALTHCHECK NONE}. */
    public ContainerImageAssert hasHealthcheck() {
        isNotNull();
        HealthCheck check = actual.config().healthCheck();
        if (check == null || check.isDisabled()) {
            throwAssertionError(shouldHaveHealthcheck(actual.loaded(), check));
        }
        return myself;
    }

    // ---- running -----------------------------------------------------------------------------------------

    /**
     * Runs {@code command} (after the image's ENTRYPOINT, as {@code docker run IMAGE command} would) in a fresh
     * container and moves on to its result. For other options use {@code assertThat(ContainerRun.of(image)...run(..))}.
     */
    public CommandAssert running(String... command) {
        isNotNull();
        return new CommandAssert(io.github.imageassert.ContainerRun.of(actual).run(command));
    }
}

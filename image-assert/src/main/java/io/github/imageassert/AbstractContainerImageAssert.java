package io.github.imageassert;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.assertions.ImageConfigs;
import io.github.imageassert.internal.assertions.ImageContents;
import io.github.imageassert.internal.assertions.ImageHygiene;
import io.github.imageassert.internal.assertions.ImageLayers;
import io.github.imageassert.internal.assertions.ImageSecrets;
import io.github.imageassert.internal.assertions.ImageSizes;
import io.github.imageassert.internal.assertions.ImageUsers;
import io.github.imageassert.internal.assertions.ImageWaste;
import io.github.imageassert.internal.assertions.NpmDevDependencies;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import io.github.imageassert.run.CommandResult;
import io.github.imageassert.secrets.SecretRules;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ContainerImage}: its user, size, layers, waste, files, executables, packages, secrets,
 * hygiene, config, and how it compares with another image. Extend it to add assertions of your own (see
 * {@code docs/assertions.md}); {@link ContainerImageAssert} is the concrete class.
 *
 * @param <SELF> the concrete assertion class, returned by every assertion so that they chain
 */
public abstract class AbstractContainerImageAssert<SELF extends AbstractContainerImageAssert<SELF>>
        extends AbstractAssert<SELF, ContainerImage> {

    private final ImageUsers users = ImageUsers.instance();
    private final ImageConfigs configs = ImageConfigs.instance();
    private final ImageSizes sizes = ImageSizes.instance();
    private final ImageLayers layers = ImageLayers.instance();
    private final ImageWaste waste = ImageWaste.instance();
    private final ImageContents contents = ImageContents.instance();
    private final ImageHygiene hygiene = ImageHygiene.instance();
    private final ImageSecrets secrets = ImageSecrets.instance();
    private final NpmDevDependencies npm = NpmDevDependencies.instance();

    /** How navigations create the asserts they lead to; {@link ImageSoftAssertions} sets the soft one on its proxies. */
    Navigation navigation = Navigation.PLAIN;

    protected AbstractContainerImageAssert(ContainerImage actual, Class<?> selfType) {
        super(actual, selfType);
    }

    // ---- user ------------------------------------------------------------------------------------------

    /** The effective uid is not 0. USER unset means root; a name is resolved through the image's /etc/passwd. */
    public SELF runsAsNonRoot() {
        return check(image -> users.assertRunsAsNonRoot(info, image));
    }

    /** Runs as this user, given as a name ({@code "app"}) or a uid ({@code "1000"}). */
    public SELF runsAsUser(String user) {
        return check(image -> users.assertRunsAsUser(info, image, user), user);
    }

    /** The USER value exactly as configured ({@code ""} when unset). */
    public SELF hasUser(String rawUser) {
        return check(image -> configs.assertHasUser(info, image, rawUser), rawUser);
    }

    // ---- size and layers -------------------------------------------------------------------------------

    /** Size (the sum of uncompressed layer sizes, as {@code docker images} shows) below {@code budget}, e.g. "150 MB". */
    public SELF hasSizeLessThan(String budget) {
        return hasSizeLessThan(DataSize.parse(budget));
    }

    /** Size (the sum of uncompressed layer sizes, as {@code docker images} shows) below {@code budget}. */
    public SELF hasSizeLessThan(DataSize budget) {
        return check(image -> sizes.assertHasSizeLessThan(info, image, budget), budget);
    }

    /** Size (the sum of uncompressed layer sizes) of at most {@code budget}, e.g. "150 MB". */
    public SELF hasSizeAtMost(String budget) {
        DataSize parsed = DataSize.parse(budget);
        return check(image -> sizes.assertHasSizeAtMost(info, image, parsed), parsed);
    }

    /** The stored (compressed) size, where the source knows it (OCI layouts, Docker 25+ archives). */
    public SELF hasCompressedSizeLessThan(String budget) {
        DataSize parsed = DataSize.parse(budget);
        return check(image -> sizes.assertHasCompressedSizeLessThan(info, image, parsed), parsed);
    }

    /** Exactly {@code expected} layers; the failure lists them with the instruction that made each. */
    public SELF hasLayerCount(int expected) {
        return check(image -> sizes.assertHasLayerCount(info, image, expected), expected);
    }

    /** At most {@code max} layers; the failure lists them with the instruction that made each. */
    public SELF hasAtMostLayers(int max) {
        return check(image -> sizes.assertHasAtMostLayers(info, image, max), max);
    }

    /** Every layer stays within {@code budget}; the first over it fails. */
    public SELF hasEveryLayerAtMost(String budget) {
        DataSize parsed = DataSize.parse(budget);
        return check(image -> sizes.assertHasEveryLayerAtMost(info, image, parsed), parsed);
    }

    /** Navigates to layer {@code index} (0 is the base); a negative index counts from the top (-1 is the last). */
    public LayerAssert layer(int index) {
        navigation.require(() -> check(image -> layers.assertHasLayer(info, image, index), index));
        ImageLayer layer = actual == null ? null : new ImageLayer(actual, index);
        return navigation.to(this, LayerAssert.class, ImageLayer.class, layer, LayerAssert::new);
    }

    /**
     * At most {@code budget} of bytes that no container can see: copies of files that a later layer overwrote or
     * deleted (see {@link ContainerImage#waste()}), e.g. a compiler installed in one RUN and purged in the next. dive's
     * {@code highestWastedBytes}, without its miscount of the copy that is kept.
     */
    public SELF hasWastedBytesAtMost(String budget) {
        DataSize parsed = DataSize.parse(budget);
        return check(image -> waste.assertHasWastedBytesAtMost(info, image, parsed), parsed);
    }

    /** dive's {@code lowestEfficiency}: 1 - wasted bytes / image size, at least {@code fraction} (0.95 for 95 %). */
    public SELF hasEfficiencyAtLeast(double fraction) {
        return check(image -> waste.assertHasEfficiencyAtLeast(info, image, fraction), fraction);
    }

    /**
     * dive's {@code highestUserWastedPercent}: wasted bytes over the size of every layer but the first (the base),
     * at most {@code fraction} (0.1 for 10 %). It exceeds 1 when later layers delete more of the base than they add.
     */
    public SELF hasUserWastedShareAtMost(double fraction) {
        return check(image -> waste.assertHasUserWastedShareAtMost(info, image, fraction), fraction);
    }

    // ---- packages ----------------------------------------------------------------------------------------

    /** dpkg (including distroless status.d) and apk packages; rpm databases are refused with an explanation. */
    public PackagesAssert osPackages() {
        return packages(EnumSet.of(Ecosystem.DPKG, Ecosystem.APK), ContainerImage::osPackages);
    }

    /** Packages under every {@code node_modules} directory. */
    public PackagesAssert npmPackages() {
        return packages(Ecosystem.NPM);
    }

    /** Installed Python distributions ({@code *.dist-info}). */
    public PackagesAssert pythonPackages() {
        return packages(Ecosystem.PYTHON);
    }

    /** Jars, by Maven coordinates or file name, including those nested in a Spring Boot or WAR archive. */
    public PackagesAssert javaArchives() {
        return packages(Ecosystem.JAVA);
    }

    private PackagesAssert packages(Ecosystem ecosystem) {
        return packages(Set.of(ecosystem), image -> image.packages(ecosystem));
    }

    private PackagesAssert packages(Set<Ecosystem> ecosystems, Function<ContainerImage, List<InstalledPackage>> read) {
        navigation.require(() -> objects.assertNotNull(info, actual));
        ImagePackages packages = actual == null ? null : new ImagePackages(actual, ecosystems, read.apply(actual));
        PackagesAssert to = navigation.to(this, PackagesAssert.class, ImagePackages.class, packages, PackagesAssert::new);
        to.navigation = navigation;
        return to;
    }

    /**
     * No package under the app's {@code node_modules} is there only for development: every one is needed, directly
     * or through others, by the {@code dependencies} of the app's {@code package.json}, read from the image.
     */
    public SELF doesNotShipNpmDevDependencies(String packageJsonInImage) {
        return check(image -> npm.assertShipsNoDevDependencies(info, image, packageJsonInImage), packageJsonInImage);
    }

    /** Like {@link #doesNotShipNpmDevDependencies(String)}, with the app's package.json read from disk. */
    public SELF doesNotShipNpmDevDependencies(Path packageJsonOnDisk, String appDirInImage) {
        return check(image -> npm.assertShipsNoDevDependencies(info, image, packageJsonOnDisk, appDirInImage), packageJsonOnDisk, appDirInImage);
    }

    // ---- secrets -----------------------------------------------------------------------------------------

    /**
     * No secret in any layer, including files a later layer deleted or overwrote (they still ship), by the default
     * rules: see {@link SecretRules#defaults()}.
     */
    public SELF hasNoLeakedSecrets() {
        return check(image -> hasNoLeakedSecrets(SecretRules.defaults()));
    }

    /** No secret in any layer by these rules, e.g. {@code SecretRules.defaults().with(SecretRule.text("token", value))}. */
    public SELF hasNoLeakedSecrets(SecretRules rules) {
        return check(image -> secrets.assertHasNoLeakedSecrets(info, image, rules), rules);
    }

    // ---- hygiene -----------------------------------------------------------------------------------------

    /** No regular file has the setuid or setgid bit, except the paths allowed (e.g. {@code /usr/bin/passwd}). */
    public SELF hasNoSetuidOrSetgidFiles(String... allowed) {
        return check(image -> hygiene.assertHasNoSetuidOrSetgidFiles(info, image, allowed), allowed);
    }

    /** Nothing anyone may write, except sticky directories such as {@code /tmp} and what lies directly in them. */
    public SELF hasNoWorldWritableFiles() {
        return check(image -> hygiene.assertHasNoWorldWritableFiles(info, image));
    }

    /** No apt lists or archives, apk, npm, yarn, pnpm, pip, Maven, Gradle or Go caches (see {@link ContainerImage#hygiene()}). */
    public SELF hasNoPackageManagerCaches() {
        return check(image -> hygiene.assertHasNoPackageManagerCaches(info, image));
    }

    /** No shell on the PATH (sh, bash, dash, ash, zsh, ksh, busybox...): for distroless and scratch images. */
    public SELF hasNoShell() {
        return check(image -> hygiene.assertHasNoShell(info, image));
    }

    /** None of the usual build tools (compilers, linkers, make, javac, mvn, go, cargo...) on the PATH. */
    public SELF doesNotContainBuildTools() {
        return check(image -> hygiene.assertHasNoBuildTools(info, image));
    }

    // ---- comparing images --------------------------------------------------------------------------------

    /** At most {@code percent} % of the other image's size, e.g. a runtime stage next to its builder. */
    public SELF hasSizeAtMostPercentOf(ContainerImage other, double percent) {
        Objects.requireNonNull(other, "other image");
        return check(image -> sizes.assertHasSizeAtMostPercentOf(info, image, other.loaded(), percent), other.description(), percent);
    }

    /** Navigates to how this image differs from {@code base} (e.g. the image it is built {@code FROM}). */
    public ImageDiffAssert relativeTo(ContainerImage base) {
        Objects.requireNonNull(base, "base image");
        navigation.require(() -> objects.assertNotNull(info, actual));
        ImageComparison comparison = actual == null ? null : new ImageComparison(base, actual, actual.diffFrom(base));
        return navigation.to(this, ImageDiffAssert.class, ImageComparison.class, comparison, ImageDiffAssert::new);
    }

    // ---- files -----------------------------------------------------------------------------------------

    /** The path exists in the merged filesystem, following symlinks. */
    public SELF hasFile(String path) {
        return check(image -> contents.assertHasFile(info, image, path), path);
    }

    /** The path does not exist in the merged filesystem (neither as itself nor through a symlink). */
    public SELF doesNotHaveFile(String path) {
        return check(image -> contents.assertDoesNotHaveFile(info, image, path), path);
    }

    /**
     * Navigates to a file for detailed assertions; fails when it does not exist (a soft assertion records that and
     * goes on: each assertion on the file then fails the same way).
     */
    public FileAssert file(String path) {
        navigation.require(() -> check(image -> contents.assertHasFile(info, image, path), path));
        ImageFile file = actual == null ? null : new ImageFile(actual, path, actual.lookup(path));
        return navigation.to(this, FileAssert.class, ImageFile.class, file, FileAssert::new);
    }

    /** The file exists and satisfies {@code requirements}, e.g. {@code f -> f.isExecutable().hasOwner(0, 0)}. */
    public SELF hasFileSatisfying(String path, Consumer<FileAssert> requirements) {
        return check(image -> {
            // a missing file fails here, soft assertions included, rather than once per requirement
            contents.assertHasFile(info, image, path);
            requirements.accept(file(path));
        }, path);
    }

    /** Some file matches the glob, e.g. {@code /app/**.js}. */
    public SELF hasFileMatching(String glob) {
        return check(image -> contents.assertHasFileMatching(info, image, glob), glob);
    }

    /** No file matches the glob, e.g. {@code **}{@code /*.test.js}; lists the offenders with the layer that added each. */
    public SELF hasNoFileMatching(String glob) {
        return check(image -> contents.assertHasNoFileMatching(info, image, glob), glob);
    }

    // ---- executables -----------------------------------------------------------------------------------

    /** An executable regular file of that name is on the image's PATH (links followed), or at that path. */
    public SELF hasExecutable(String name) {
        return check(image -> contents.assertHasExecutable(info, image, name), name);
    }

    /** No executable of that name is on the image's PATH (links followed, e.g. {@code gcc -> gcc-12}). */
    public SELF doesNotContainExecutable(String name) {
        return check(image -> contents.assertDoesNotContainExecutables(info, image, List.of(name)), name);
    }

    /** No executable of any of these names is on the PATH; reports every one found. */
    public SELF doesNotContainExecutables(String... names) {
        return check(image -> contents.assertDoesNotContainExecutables(info, image, List.of(names)), names);
    }

    // ---- config ----------------------------------------------------------------------------------------

    /** Exactly this ENTRYPOINT, in exec form. */
    public SELF hasEntrypoint(String... entrypoint) {
        return check(image -> configs.assertHasEntrypoint(info, image, Arrays.asList(entrypoint)), entrypoint);
    }

    /** Exactly this CMD, in exec form; no argument means no CMD. */
    public SELF hasCmd(String... cmd) {
        return check(image -> configs.assertHasCmd(info, image, Arrays.asList(cmd)), cmd);
    }

    /** The WORKDIR ({@code ""} when unset). */
    public SELF hasWorkdir(String workdir) {
        return check(image -> configs.assertHasWorkdir(info, image, workdir), workdir);
    }

    /** The STOPSIGNAL, e.g. {@code "SIGTERM"} ({@code ""} when unset). */
    public SELF hasStopSignal(String signal) {
        return check(image -> configs.assertHasStopSignal(info, image, signal), signal);
    }

    /** {@code linux/amd64}, {@code linux/arm64/v8}. */
    public SELF hasPlatform(String platform) {
        return check(image -> configs.assertHasPlatform(info, image, platform), platform);
    }

    /** The environment variable is set, to any value. */
    public SELF hasEnv(String name) {
        return check(image -> configs.assertHasEnv(info, image, name), name);
    }

    /** The environment variable is set to exactly {@code value}. */
    public SELF hasEnv(String name, String value) {
        return check(image -> configs.assertHasEnv(info, image, name, value), name, value);
    }

    /** The environment variable is not set. */
    public SELF doesNotHaveEnv(String name) {
        return check(image -> configs.assertDoesNotHaveEnv(info, image, name), name);
    }

    /** The label is set, to any value. */
    public SELF hasLabel(String key) {
        return check(image -> configs.assertHasLabel(info, image, key), key);
    }

    /** The label is set to exactly {@code value}. */
    public SELF hasLabel(String key, String value) {
        return check(image -> configs.assertHasLabel(info, image, key, value), key, value);
    }

    /** {@code "8080"} means 8080/tcp; {@code "53/udp"} names the protocol. */
    public SELF exposesPort(String port) {
        return check(image -> configs.assertExposesPort(info, image, port), port);
    }

    /** The tcp port is exposed. */
    public SELF exposesPort(int port) {
        return exposesPort(String.valueOf(port));
    }

    /** The port is not exposed; {@code "8080"} means 8080/tcp. */
    public SELF doesNotExposePort(String port) {
        return check(image -> configs.assertDoesNotExposePort(info, image, port), port);
    }

    /** The tcp port is not exposed. */
    public SELF doesNotExposePort(int port) {
        return doesNotExposePort(String.valueOf(port));
    }

    /** The path is declared a VOLUME. */
    public SELF hasVolume(String volume) {
        return check(image -> configs.assertHasVolume(info, image, volume), volume);
    }

    /** A HEALTHCHECK is configured and not disabled with {@code HEALTHCHECK NONE}. */
    public SELF hasHealthcheck() {
        return check(image -> configs.assertHasHealthcheck(info, image));
    }

    // ---- running -----------------------------------------------------------------------------------------

    /**
     * Runs {@code command} (after the image's ENTRYPOINT, as {@code docker run IMAGE command} would) in a fresh
     * container and moves on to its result. For other options use {@code assertThat(ContainerRun.of(image)...run(..))}.
     */
    public CommandAssert running(String... command) {
        navigation.require(() -> objects.assertNotNull(info, actual));
        CommandResult result = actual == null ? null : ContainerRun.of(actual).run(command);
        CommandAssert to = navigation.to(this, CommandAssert.class, CommandResult.class, result, CommandAssert::new);
        to.ranIn = image();
        return to;
    }

    private LoadedImage image() {
        return actual == null ? null : actual.loaded();
    }

    /** Every assertion runs through here: it is what the run's report records (see {@link Recording}). */
    private SELF check(Consumer<LoadedImage> assertion, Object... arguments) {
        Recording.check(this, image(), "", arguments, assertion);
        return myself;
    }
}

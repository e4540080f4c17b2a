package io.github.imageassert.structure.internal.cli;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.ImageAssertException;
import io.github.imageassert.image.Platform;
import io.github.imageassert.structure.config.StructureTestConfigException;
import io.github.imageassert.structure.internal.check.PlannedTest;
import io.github.imageassert.structure.internal.check.RunSettings;
import io.github.imageassert.structure.internal.check.Suite;
import io.github.imageassert.structure.internal.check.TestKind;
import io.github.imageassert.structure.internal.check.TestResult;
import io.github.imageassert.structure.internal.config.ConfigLoader;
import io.github.imageassert.structure.internal.config.LoadedConfig;
import io.github.imageassert.structure.internal.report.JsonReport;
import io.github.imageassert.structure.internal.report.JunitReport;
import io.github.imageassert.structure.internal.report.Summary;
import io.github.imageassert.structure.internal.report.TextReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Runs the tests of container-structure-test configs against an image.",
                "Exit code 0 when every test passed, 1 otherwise, as container-structure-test."})
final class TestCommand implements Callable<Integer> {

    enum Driver { docker, tar, oci, registry }

    enum Format { text, json, junit }

    @ParentCommand
    RootCommand root;

    @Option(names = {"-i", "--image"}, paramLabel = "REF",
            description = "The image: an engine reference (docker), a docker save archive (tar), an OCI layout "
                    + "folder or tar (oci), or host[:port]/repository[:tag|@digest] (registry).")
    String image;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
            description = "A test config (.yaml, .yml or .json); repeat for more.")
    List<Path> configs = new ArrayList<>();

    @Option(names = {"-d", "--driver"}, paramLabel = "DRIVER", defaultValue = "docker",
            description = "Where the image is read from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "Command tests need the image in the engine (docker).")
    Driver driver;

    @Option(names = "--image-from-oci-layout", paramLabel = "PATH",
            description = "An OCI layout to test: the same as --driver oci --image PATH.")
    Path ociLayout;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "The platform to choose from a multi-platform OCI layout or registry index (default: this "
                    + "machine's, else linux/amd64).")
    String platform;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format output;

    @Option(names = {"-j", "--json"}, hidden = true, description = "Deprecated by CST: --output json.")
    boolean json;

    @Option(names = "--test-report", paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output (json, or junit with --output "
                    + "junit; text becomes json, as CST does).")
    Path testReport;

    @Option(names = "--junit-suite-name", paramLabel = "NAME",
            description = "The JUnit report's testsuite name (default: " + JunitReport.DEFAULT_SUITE + ").")
    String junitSuiteName;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on standard output.")
    boolean quiet;

    @Option(names = "--no-color", description = "Accepted for CST's sake: this output has no colours.")
    boolean noColor;

    @Option(names = "--command-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5m",
            description = "How long one command may run (90s, 10m, 1h; default: ${DEFAULT-VALUE}). CST has no limit.")
    Duration commandTimeout;

    @Option(names = "--default-image-tag", hidden = true, description = "Accepted; no effect: layouts are read directly.")
    String defaultImageTag;

    @Option(names = "--ignore-ref-annotation", hidden = true, description = "Accepted; no effect.")
    boolean ignoreRefAnnotation;

    @Option(names = "--save", hidden = true, description = "Accepted; no effect: containers are always removed.")
    boolean save;

    @Option(names = "--pull", hidden = true)
    boolean pull;

    @Option(names = "--runtime", hidden = true)
    String runtime;

    @Option(names = "--metadata", hidden = true)
    String metadata;

    @Option(names = {"-f", "--force"}, hidden = true)
    boolean force;

    @Override
    public Integer call() {
        PrintStream err = root.err;
        String refused = refused();
        if (refused != null) {
            err.println("Error: " + refused);
            return 1;
        }
        if (json) {
            output = Format.json;
        }
        if (ociLayout != null) {
            driver = Driver.oci;
            image = ociLayout.toString();
        }
        if (image == null || image.isBlank()) {
            err.println("Error: Please supply path to image or oci image layout to test against (--image)");
            return 1;
        }
        Format format = output;
        if (testReport != null && format == Format.text) {
            err.println("Warning: raw text format unsupported for writing output file, defaulting to JSON");
            format = Format.json;
        }
        PrintStream progress = quiet || testReport != null ? new PrintStream(OutputStream.nullOutputStream()) : root.out;

        ContainerImage target;
        try {
            target = open();
            target.metadata();
        } catch (ImageAssertException | IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }

        RunSettings settings = RunSettings.defaults().withCommandTimeout(commandTimeout);
        TextReport text = new TextReport();
        List<Summary.FileResults> files = new ArrayList<>();
        for (Path config : configs) {
            if (format == Format.text) {
                text.banner(progress, config.toString());
            }
            List<TestResult> results = new ArrayList<>();
            try {
                LoadedConfig loaded = ConfigLoader.load(config);
                for (PlannedTest test : Suite.plan(loaded, target, settings)) {
                    TestResult r = test.run();
                    results.add(r);
                    if (format == Format.text) {
                        text.result(progress, r);
                    }
                }
            } catch (StructureTestConfigException e) {
                TestResult r = new TestResult(TestKind.CONFIG, config.getFileName().toString(), false,
                        List.of("error parsing config file: " + e.getMessage()), List.of(), "", "", Duration.ZERO);
                results.add(r);
                if (format == Format.text) {
                    text.result(progress, r);
                }
            }
            files.add(new Summary.FileResults(config.toString(), results));
        }
        Summary summary = new Summary(files);
        String report = switch (format) {
            case text -> null;
            case json -> JsonReport.of(summary) + "\n";
            case junit -> JunitReport.of(summary, junitSuiteName);
        };
        if (format == Format.text) {
            text.totals(progress, summary);
        } else if (testReport != null) {
            try {
                Files.writeString(testReport, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("Error: cannot write the test report " + testReport + ": " + e.getMessage());
                return 1;
            }
            err.println(summary.passed() + " passed, " + summary.failed() + " failed (report: " + testReport + ")");
        } else {
            progress.print(report);
        }
        progress.flush();
        return summary.pass() ? 0 : 1;
    }

    private ContainerImage open() {
        Platform chosen = platform == null ? null : Platform.parse(platform);
        return switch (driver) {
            case docker -> ContainerImage.fromDaemon(image);
            case tar -> {
                Path file = Path.of(image);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("--driver tar reads a `docker save` archive, and there is no file "
                            + file.toAbsolutePath().normalize() + " (for an image in the engine, use --driver docker)");
                }
                yield ContainerImage.fromArchive(file);
            }
            case oci -> chosen == null ? ContainerImage.fromOciLayout(Path.of(image))
                    : ContainerImage.fromOciLayout(Path.of(image), chosen);
            case registry -> chosen == null ? ContainerImage.fromRegistry(image) : ContainerImage.fromRegistry(image, chosen);
        };
    }

    /** CST options with no equivalent here: refused with the reason, rather than silently ignored. */
    private String refused() {
        if (pull) {
            return "--pull is not supported: pull the image first (docker pull), or read it from the registry "
                    + "with --driver registry";
        }
        if (runtime != null) {
            return "--runtime is not supported: command tests run with the engine's default runtime";
        }
        if (metadata != null || force) {
            return "the host driver (--metadata, --force) is not supported: test an image";
        }
        return null;
    }

    static final class DurationConverter implements ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long n = Long.parseLong(v.replaceAll("[smh]$", ""));
                Duration d = v.endsWith("h") ? Duration.ofHours(n) : v.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
                if (d.isZero() || d.isNegative()) {
                    throw new IllegalArgumentException("must be positive");
                }
                return d;
            } catch (RuntimeException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a duration such as 90s, "
                        + "10m or 1h");
            }
        }
    }
}

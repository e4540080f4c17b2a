package io.github.imageassert.structure.internal.check;

import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.structure.internal.config.EnvVar;
import io.github.imageassert.structure.internal.config.MetadataTest;
import java.util.List;
import java.util.Map;

/**
 * The metadata test, from the image config alone. As in CST: {@code env} and {@code labels} must be set and equal
 * (or, with {@code isRegex}, contain a match); {@code entrypoint} and {@code cmd} are compared whole when given
 * ({@code []} means none); {@code workdir} and {@code user} when not empty; ports are compared by number only,
 * since CST drops the protocol the config records ({@code 8080/tcp} is exposed port {@code 8080}).
 */
final class MetadataCheck {

    private MetadataCheck() {
    }

    static TestResult run(ImageConfig config, Map<String, String> configEnv, MetadataTest test) {
        Findings f = new Findings(TestKind.METADATA, "");
        for (EnvVar v : test.env()) {
            if (v.key().isEmpty()) {
                f.error("Environment variable key cannot be empty");
            }
        }
        for (EnvVar l : test.labels()) {
            if (l.key().isEmpty()) {
                f.error("Label key cannot be empty");
            }
        }
        for (String port : test.exposedPorts()) {
            if (port.isEmpty()) {
                f.error("Port cannot be empty");
            }
        }
        for (String volume : test.volumes()) {
            if (volume.isEmpty()) {
                f.error("Volume cannot be empty");
            }
        }
        if (f.failed()) {
            return f.result();
        }
        for (EnvVar pair : test.env()) {
            String value = configEnv.get(pair.key());
            if (value == null) {
                f.error("variable " + pair.key() + " not found in image env");
            } else if (!matches(f, pair, value)) {
                f.error("env var " + pair.key() + " value " + value + " does not match expected value: " + pair.value());
            }
        }
        for (EnvVar pair : test.unboundEnv()) {
            if (configEnv.containsKey(pair.key())) {
                f.error("env variable " + pair.key() + " should not be present in image metadata");
            }
        }
        for (EnvVar pair : test.labels()) {
            String value = config.labels().get(pair.key());
            if (value == null) {
                f.error("label " + pair.key() + " not found in image metadata");
            } else if (!matches(f, pair, value)) {
                f.error("label " + pair.key() + " value " + value + " does not match expected value: " + pair.value());
            }
        }
        if (test.cmd() != null && !test.cmd().equals(config.cmd())) {
            f.error("Image Cmd " + go(config.cmd()) + " does not match expected Cmd: " + go(test.cmd()));
        }
        if (test.entrypoint() != null && !test.entrypoint().equals(config.entrypoint())) {
            f.error("Image entrypoint " + go(config.entrypoint()) + " does not match expected entrypoint: "
                    + go(test.entrypoint()));
        }
        if (!test.workdir().isEmpty() && !test.workdir().equals(config.workingDir())) {
            f.error("Image workdir " + config.workingDir() + " does not match config workdir: " + test.workdir());
        }
        if (!test.user().isEmpty() && !test.user().equals(config.user())) {
            f.error("Image user " + config.user() + " does not match config user: " + test.user());
        }
        List<String> ports = config.exposedPorts().stream().map(p -> p.split("/", 2)[0]).toList();
        for (String port : test.exposedPorts()) {
            if (!ports.contains(port)) {
                f.error("Port " + port + " not found in config" + (port.contains("/")
                        ? " (CST compares port numbers: the config's " + config.exposedPorts().stream().sorted().toList()
                        + " are " + ports.stream().sorted().toList() + " to it)" : ""));
            }
        }
        for (String port : test.unexposedPorts()) {
            if (ports.contains(port)) {
                f.error("Port " + port + " should not be exposed");
            }
        }
        for (String volume : test.volumes()) {
            if (!config.volumes().contains(volume)) {
                f.error("Volume " + volume + " not found in config");
            }
        }
        for (String volume : test.unmountedVolumes()) {
            if (config.volumes().contains(volume)) {
                f.error("Volume " + volume + " should not be mounted");
            }
        }
        return f.result();
    }

    private static boolean matches(Findings f, EnvVar expected, String actual) {
        if (!expected.isRegex()) {
            return expected.value().equals(actual);
        }
        Boolean found = Checks.find(f, expected.value(), actual);
        return found == null || found; // an invalid regex is already an error of its own
    }

    /** A list as Go's %v prints it: {@code [sh -c echo hi]}. */
    static String go(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }
}

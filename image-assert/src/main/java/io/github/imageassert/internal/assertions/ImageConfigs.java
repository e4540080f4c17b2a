package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldExposePort.shouldExposePort;
import static io.github.imageassert.internal.assertions.error.ShouldHaveConfigValue.shouldHaveConfigValue;
import static io.github.imageassert.internal.assertions.error.ShouldHaveConfigValue.shouldHavePlatform;
import static io.github.imageassert.internal.assertions.error.ShouldHaveEnv.shouldHaveEnv;
import static io.github.imageassert.internal.assertions.error.ShouldHaveEnvValue.shouldHaveEnvValue;
import static io.github.imageassert.internal.assertions.error.ShouldHaveHealthcheck.shouldHaveHealthcheck;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLabel.shouldHaveLabel;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLabelValue.shouldHaveLabelValue;
import static io.github.imageassert.internal.assertions.error.ShouldHaveVolume.shouldHaveVolume;
import static io.github.imageassert.internal.assertions.error.ShouldNotExposePort.shouldNotExposePort;
import static io.github.imageassert.internal.assertions.error.ShouldNotHaveEnv.shouldNotHaveEnv;

import io.github.imageassert.image.HealthCheck;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/** Assertions on an image's config: what a container starts with (entrypoint, env, user...) and what it declares. */
public final class ImageConfigs {

    private static final ImageConfigs INSTANCE = new ImageConfigs();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private ImageConfigs() {
    }

    public static ImageConfigs instance() {
        return INSTANCE;
    }

    public void assertHasEntrypoint(AssertionInfo info, LoadedImage image, List<String> entrypoint) {
        assertHasValue(info, image, "ENTRYPOINT", entrypoint, ImageConfig::entrypoint);
    }

    public void assertHasCmd(AssertionInfo info, LoadedImage image, List<String> cmd) {
        assertHasValue(info, image, "CMD", cmd, ImageConfig::cmd);
    }

    public void assertHasWorkdir(AssertionInfo info, LoadedImage image, String workdir) {
        assertHasValue(info, image, "WORKDIR", workdir, ImageConfig::workingDir);
    }

    public void assertHasStopSignal(AssertionInfo info, LoadedImage image, String signal) {
        assertHasValue(info, image, "STOPSIGNAL", signal, ImageConfig::stopSignal);
    }

    /** The USER value exactly as configured ({@code ""} when unset). */
    public void assertHasUser(AssertionInfo info, LoadedImage image, String user) {
        assertHasValue(info, image, "USER", user, ImageConfig::user);
    }

    /** {@code linux/amd64}, {@code linux/arm64/v8}; a platform without variant matches any variant. */
    public void assertHasPlatform(AssertionInfo info, LoadedImage image, String platform) {
        Platform expected = Platform.parse(platform);
        objects.assertNotNull(info, image);
        if (!expected.matches(image.platform())) {
            throw failures.failure(info, shouldHavePlatform(image, expected, image.platform()));
        }
    }

    public void assertHasEnv(AssertionInfo info, LoadedImage image, String name) {
        Map<String, String> env = config(info, image).envMap();
        if (!env.containsKey(name)) {
            throw failures.failure(info, shouldHaveEnv(image, name, env));
        }
    }

    public void assertHasEnv(AssertionInfo info, LoadedImage image, String name, String value) {
        Map<String, String> env = config(info, image).envMap();
        if (!java.util.Objects.equals(env.get(name), value)) {
            throw failures.failure(info, shouldHaveEnvValue(image, name, value, env));
        }
    }

    public void assertDoesNotHaveEnv(AssertionInfo info, LoadedImage image, String name) {
        Map<String, String> env = config(info, image).envMap();
        if (env.containsKey(name)) {
            throw failures.failure(info, shouldNotHaveEnv(image, name, env.get(name)));
        }
    }

    public void assertHasLabel(AssertionInfo info, LoadedImage image, String key) {
        Map<String, String> labels = config(info, image).labels();
        if (!labels.containsKey(key)) {
            throw failures.failure(info, shouldHaveLabel(image, key, labels));
        }
    }

    public void assertHasLabel(AssertionInfo info, LoadedImage image, String key, String value) {
        Map<String, String> labels = config(info, image).labels();
        if (!java.util.Objects.equals(labels.get(key), value)) {
            throw failures.failure(info, shouldHaveLabelValue(image, key, value, labels));
        }
    }

    /** {@code "8080"} means 8080/tcp; {@code "53/udp"} names the protocol. */
    public void assertExposesPort(AssertionInfo info, LoadedImage image, String port) {
        String normalized = withProtocol(port);
        if (!config(info, image).exposedPorts().contains(normalized)) {
            throw failures.failure(info, shouldExposePort(image, normalized, image.config().exposedPorts()));
        }
    }

    public void assertDoesNotExposePort(AssertionInfo info, LoadedImage image, String port) {
        String normalized = withProtocol(port);
        if (config(info, image).exposedPorts().contains(normalized)) {
            throw failures.failure(info, shouldNotExposePort(image, normalized, image.config().exposedPorts()));
        }
    }

    public void assertHasVolume(AssertionInfo info, LoadedImage image, String volume) {
        if (!config(info, image).volumes().contains(volume)) {
            throw failures.failure(info, shouldHaveVolume(image, volume, image.config().volumes()));
        }
    }

    /** A HEALTHCHECK is configured and not disabled with {@code HEALTHCHECK NONE}. */
    public void assertHasHealthcheck(AssertionInfo info, LoadedImage image) {
        HealthCheck check = config(info, image).healthCheck();
        if (check == null || check.isDisabled()) {
            throw failures.failure(info, shouldHaveHealthcheck(image, check));
        }
    }

    private void assertHasValue(AssertionInfo info, LoadedImage image, String key, Object expected,
                                Function<ImageConfig, Object> value) {
        Object actual = value.apply(config(info, image));
        if (!java.util.Objects.equals(expected, actual)) {
            throw failures.failure(info, shouldHaveConfigValue(image, key, expected, actual));
        }
    }

    private ImageConfig config(AssertionInfo info, LoadedImage image) {
        objects.assertNotNull(info, image);
        return image.config();
    }

    private static String withProtocol(String port) {
        return port.contains("/") ? port : port + "/tcp";
    }
}

package io.github.imageassert.structure;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.structure.internal.check.PlannedTest;
import io.github.imageassert.structure.internal.check.RunSettings;
import io.github.imageassert.structure.internal.check.Suite;
import io.github.imageassert.structure.internal.check.TestResult;
import io.github.imageassert.structure.config.StructureTestConfigException;
import io.github.imageassert.structure.internal.config.ConfigLoader;
import io.github.imageassert.structure.internal.config.LoadedConfig;
import io.github.imageassert.structure.internal.report.FailureMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * container-structure-test configs as JUnit tests: each CST test of the configs becomes one dynamic test, named
 * as in the config, that passes or fails as CST would. Configs are read (and checked) here; the tests run when
 * JUnit runs them.
 * <pre>{@code
 * @BuildImage(dockerfile = "src/test/docker/Dockerfile", target = "runtime")
 * static ContainerImage image;
 *
 * @TestFactory
 * Stream<DynamicTest> structure() {
 *     return StructureTests.from("src/test/cst/runtime.yaml").against(image);
 * }
 * }</pre>
 * File, metadata and license tests read the image's index (no container, any source: engine, archive, OCI layout,
 * registry); command tests start containers, so they need the image in an engine. Immutable.
 */
public final class StructureTests {

    private final List<LoadedConfig> configs;
    private final RunSettings settings;

    private StructureTests(List<LoadedConfig> configs, RunSettings settings) {
        this.configs = configs;
        this.settings = settings;
    }

    /**
     * Reads configs (schema 2.0.0 or 1.0.0, {@code .yaml}, {@code .yml} or {@code .json}), each a file relative to
     * the working directory (as CST reads them) or, failing that, a resource on the class path.
     *
     * @throws StructureTestConfigException a config that is missing or not valid, naming the file, line and key
     */
    public static StructureTests from(String... configs) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClassLoader classLoader = loader != null ? loader : StructureTests.class.getClassLoader();
        return new StructureTests(Arrays.stream(configs)
                .map(c -> ConfigLoader.load(Objects.requireNonNull(c, "config"), classLoader)).toList(), RunSettings.defaults());
    }

    /**
     * Reads config files.
     *
     * @throws StructureTestConfigException a config that is missing or not valid, naming the file, line and key
     */
    public static StructureTests from(Path... configs) {
        return new StructureTests(Arrays.stream(configs).map(ConfigLoader::load).toList(),
                RunSettings.defaults());
    }

    /** How long one command (and one setup step) may run before its test fails; default 5 minutes (CST has none). */
    public StructureTests withCommandTimeout(Duration timeout) {
        return new StructureTests(configs, settings.withCommandTimeout(timeout));
    }

    /** One dynamic test per CST test of the configs, in CST's order, named as in the config. */
    public Stream<DynamicTest> against(ContainerImage image) {
        Objects.requireNonNull(image, "image");
        return configs.stream().flatMap(config -> Suite.plan(config, image, settings).stream()
                .map(test -> DynamicTest.dynamicTest(test.displayName(), test.source(), () -> {
                    TestResult result = test.run();
                    if (!result.pass()) {
                        throw new AssertionError(FailureMessage.of(result, where(config, test), image.description()));
                    }
                })));
    }

    private static String where(LoadedConfig config, PlannedTest test) {
        String query = test.source() == null ? null : test.source().getQuery();
        return config.name() + (query != null && query.startsWith("line=") ? ":" + query.substring(5) : "");
    }
}

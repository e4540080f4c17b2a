package io.github.imageassert.junit.scenarios;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A build, run by {@link #main} in a JVM whose class path has no SLF4J provider, as in a project that never set
 * up logging: its progress must still reach the console.
 */
public class ProgressScenario {

    @BuildImage(dockerfile = "src/test/docker/written/bom/Dockerfile", target = "runtime")
    static ContainerImage image;

    @Test
    void built() {
    }

    public static void main(String[] args) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(ProgressScenario.class));
        Map.of("imageassert.store", System.getProperty("imageassert.store", "off")).forEach(kit::configurationParameter);
        EngineExecutionResults results = kit.execute();
        long succeeded = results.testEvents().succeeded().count();
        System.out.println("succeeded: " + succeeded);
        System.exit(succeeded == 1 ? 0 : 1);
    }
}

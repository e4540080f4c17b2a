package io.github.imageassert.junit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs scenario classes through the Jupiter engine, the way a user's build would run them. */
final class ScenarioKit {

    private ScenarioKit() {
    }

    static EngineExecutionResults run(Map<String, String> config, Class<?>... classes) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            builder.selectors(DiscoverySelectors.selectClass(c));
        }
        config.forEach(builder::configurationParameter);
        // As a launcher does by default: configuration parameters fall back to system properties.
        builder.enableImplicitConfigurationParameters(true);
        return builder.execute();
    }

    /** Messages of everything that failed: containers (classes) and tests. */
    static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("?"))
                .collect(Collectors.toList());
    }

    /** The builds the extension reported, by the "image-assert.build" entry it publishes once per build. */
    static List<String> buildsReported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(kv -> kv.containsKey(key))
                .map(kv -> kv.get(key))
                .collect(Collectors.toList());
    }
}

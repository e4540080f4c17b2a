package io.github.imageassert.junit.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs scenario classes in this JVM and prints their outcome: lets a test run scenarios in a JVM set up
 * differently. Arguments: class names, then {@code key=value} configuration parameters. Prints one line per test
 * or class that did not succeed ({@code FAILED name: message}, {@code ABORTED name: message},
 * {@code SKIPPED name: reason}), one per test that did ({@code SUCCESSFUL name}), one per report entry value
 * ({@code REPORT key=value}), then the counts.
 */
public final class RunScenario {

    public static void main(String[] args) throws Exception {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter");
        List<String> config = new ArrayList<>();
        for (String arg : args) {
            if (arg.contains("=")) {
                config.add(arg);
            } else {
                builder.selectors(DiscoverySelectors.selectClass(Class.forName(arg)));
            }
        }
        for (String kv : config) {
            String[] parts = kv.split("=", 2);
            builder.configurationParameter(parts[0], parts[1]);
        }
        Events events = builder.execute().allEvents();
        events.stream().forEach(RunScenario::print);
        System.out.println("RESULT failed=" + events.failed().count() + " skipped=" + events.skipped().count()
                + " aborted=" + events.aborted().count() + " succeeded=" + events.succeeded().count());
        System.exit(0);
    }

    private static void print(Event event) {
        String name = event.getTestDescriptor().getDisplayName();
        if (event.getType() == EventType.REPORTING_ENTRY_PUBLISHED) {
            event.getPayload(ReportEntry.class).ifPresent(entry -> entry.getKeyValuePairs()
                    .forEach((key, value) -> System.out.println("REPORT " + key + "=" + value)));
        }
        if (event.getType() == EventType.SKIPPED) {
            System.out.println("SKIPPED " + name + ": " + event.getPayload(String.class).orElse(""));
        } else if (event.getType() == EventType.FINISHED) {
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            String thrown = result.getThrowable().map(t -> ": " + t.getClass().getName() + ": " + t.getMessage()).orElse("");
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL || event.getTestDescriptor().isTest()) {
                System.out.println(result.getStatus() + " " + name + thrown);
            }
        }
    }
}

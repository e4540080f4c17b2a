package io.github.imageassert.junit.scenarios;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs one scenario in this JVM and prints its outcome: lets a test run a scenario in a JVM set up differently. */
public final class RunScenario {

    public static void main(String[] args) throws Exception {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").selectors(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(Class.forName(args[0])));
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            builder.configurationParameter(kv[0], kv[1]);
        }
        Events events = builder.execute().allEvents();
        events.stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .ifPresent(t -> System.out.println("THROWN " + t.getClass().getName() + ": " + t.getMessage())));
        System.out.println("RESULT failed=" + events.failed().count() + " skipped=" + events.skipped().count()
                + " aborted=" + events.aborted().count() + " succeeded=" + events.succeeded().count());
        System.exit(0);
    }
}

package io.github.imageassert.junit.internal;

import io.github.imageassert.internal.report.AssertionLog;
import io.github.imageassert.internal.report.ReportWriter;
import io.github.imageassert.internal.report.RunCollector;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run's report when a test plan has run: the JUnit Platform launcher finds it through
 * {@code META-INF/services}, so every runner (Surefire, Gradle, an IDE) gets the report without configuration. It
 * records from the plan's start, tells the record which test each assertion ran in, and when the plan ends writes
 * {@code index.html}, {@code report.json} and {@code report.sarif} into {@code imageassert.report.dir} (nothing when
 * no assertion ran on an image). A report that cannot be written is a warning, never a failed run.
 * <p>
 * Internal: public only because the launcher instantiates it.
 */
public class ReportListener implements TestExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReportListener.class);

    private final ThreadLocal<Deque<String>> running = ThreadLocal.withInitial(ArrayDeque::new);
    private volatile RunCollector collector;
    private volatile Path dir;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Optional<Path> reportDir = ReportSettings.dir(testPlan.getConfigurationParameters()::get);
        if (reportDir.isPresent()) {
            dir = reportDir.get();
            collector = AssertionLog.open();
        }
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (collector == null) {
            return;
        }
        String name = name(identifier.getSource().orElse(null), identifier.getDisplayName());
        if (name != null) {
            running.get().push(name);
            AssertionLog.currentTest(name);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, org.junit.platform.engine.TestExecutionResult result) {
        if (collector == null || name(identifier.getSource().orElse(null), identifier.getDisplayName()) == null) {
            return;
        }
        Deque<String> stack = running.get();
        stack.poll();
        AssertionLog.currentTest(stack.peek());
        if (stack.isEmpty()) {
            running.remove();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        RunCollector run = collector;
        collector = null;
        if (run == null) {
            return;
        }
        try (run) {
            if (run.isEmpty()) {
                return;
            }
            ReportWriter.Written written = ReportWriter.write(dir, run);
            LOG.info("image-assert report of {} image(s) in {} ms ({} ms of CPU; reading and aggregating {} ms, writing {} ms): {}",
                    written.images(), Math.round(written.millis()), Math.round(written.cpuMillis()),
                    Math.round(written.modelMillis()), Math.round(written.writeMillis()), written.html().toUri());
        } catch (RuntimeException e) {
            LOG.warn("The image-assert report could not be written into {}: {}", dir, e.toString());
        }
    }

    /** {@code RuntimeImageTest.runtimeIsLean} for a test method, {@code RuntimeImageTest} for a class. */
    private static String name(TestSource source, String displayName) {
        if (source instanceof MethodSource m) {
            String className = m.getClassName();
            return className.substring(className.lastIndexOf('.') + 1) + "." + m.getMethodName();
        }
        if (source instanceof ClassSource c) {
            String className = c.getClassName();
            return className.substring(className.lastIndexOf('.') + 1);
        }
        return null;
    }
}

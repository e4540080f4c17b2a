package io.github.imageassert.structure.internal.check;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One CST test of a config, ready to run against one image: its kind, its name in the config, where it is in the
 * config (for IDEs and reports), and the check itself. Running never throws: whatever goes wrong (no engine, a
 * broken image) is an error of the test, as CST reports it.
 */
public final class PlannedTest {

    private final TestKind kind;
    private final String name;
    private final int index;
    private final String config;
    private final URI source;
    private final Supplier<TestResult> check;

    PlannedTest(TestKind kind, String name, int index, String config, URI source, Supplier<TestResult> check) {
        this.kind = kind;
        this.name = name;
        this.index = index;
        this.config = config;
        this.source = source;
        this.check = check;
    }

    public TestKind kind() {
        return kind;
    }

    /**
     * The name in the config; the kind's label for the metadata and license tests (which have none), and e.g.
     * {@code Command Test #3 (no name)} for a test whose name is missing (which fails, as in CST).
     */
    public String displayName() {
        if (!name.isBlank()) {
            return name;
        }
        return kind == TestKind.METADATA || kind == TestKind.LICENSE && index == 0 ? kind.label()
                : kind == TestKind.LICENSE ? kind.label() + " #" + (index + 1) : kind.label() + " #" + (index + 1) + " (no name)";
    }

    /** The config file's name as given. */
    public String config() {
        return config;
    }

    /** {@code file:/.../cst.yaml?line=12}, or null for a config that is not a file. */
    public URI source() {
        return source;
    }

    public TestResult run() {
        long start = System.nanoTime();
        TestResult result;
        try {
            result = check.get();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            result = new TestResult(kind, name, false, List.of(message), List.of(), "", "", Duration.ZERO);
        }
        return result.withDuration(Duration.ofNanos(System.nanoTime() - start));
    }
}

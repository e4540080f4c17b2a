package io.github.imageassert.structure.internal.check;

import java.time.Duration;
import java.util.List;

/**
 * What one CST test found, in CST's terms: pass or fail, the errors (each a sentence CST would print), a command's
 * output, and notes that explain a verdict without changing it (e.g. a setup step that failed, which CST ignores).
 *
 * @param name the test's name in the config ("" for the metadata and license tests)
 */
public record TestResult(TestKind kind, String name, boolean pass, List<String> errors, List<String> notes,
                         String stdout, String stderr, Duration duration) {

    public TestResult {
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /** {@code Command Test: say hello}, as CST's reports name it. */
    public String reportName() {
        return kind.reportName(name);
    }

    public TestResult withDuration(Duration d) {
        return new TestResult(kind, name, pass, errors, notes, stdout, stderr, d);
    }
}

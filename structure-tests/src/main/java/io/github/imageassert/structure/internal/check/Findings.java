package io.github.imageassert.structure.internal.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects what one test finds, the way CST's TestResult does: any error fails it. */
final class Findings {

    private final TestKind kind;
    private final String name;
    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String stdout = "";
    private String stderr = "";

    Findings(TestKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    void error(String message) {
        errors.add(message);
    }

    void note(String message) {
        notes.add(message);
    }

    void output(String out, String err) {
        stdout = out;
        stderr = err;
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    TestResult result() {
        return new TestResult(kind, name, errors.isEmpty(), errors, notes, stdout, stderr, Duration.ZERO);
    }
}

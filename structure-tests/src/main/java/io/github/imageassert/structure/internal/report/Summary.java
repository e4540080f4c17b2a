package io.github.imageassert.structure.internal.report;

import io.github.imageassert.structure.internal.check.TestResult;
import java.time.Duration;
import java.util.List;

/** The results of a run, per config file in run order. */
public record Summary(List<FileResults> files) {

    public record FileResults(String config, List<TestResult> results) {

        public FileResults {
            results = List.copyOf(results);
        }
    }

    public Summary {
        files = List.copyOf(files);
    }

    public List<TestResult> results() {
        return files.stream().flatMap(f -> f.results().stream()).toList();
    }

    public long passed() {
        return results().stream().filter(TestResult::pass).count();
    }

    public long failed() {
        return results().size() - passed();
    }

    public int total() {
        return results().size();
    }

    public Duration duration() {
        return results().stream().map(TestResult::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** CST's verdict: at least one test, and none failed. */
    public boolean pass() {
        return total() > 0 && failed() == 0;
    }
}

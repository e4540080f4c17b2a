package io.github.imageassert.junit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A build's output: reported as it comes so a long build is not silent ({@link BuildProgress}: SLF4J, or standard
 * error when SLF4J has no provider), and its tail kept for failure messages.
 */
final class BuildLog {

    static final int TAIL = 30;

    private final String name;
    private final BuildProgress progress;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> steps = new ArrayList<>();

    BuildLog(String name) {
        this(name, BuildProgress.detect());
    }

    BuildLog(String name, BuildProgress progress) {
        this.name = name;
        this.progress = progress;
    }

    synchronized void line(String line) {
        progress.info("[" + name + "] " + line);
        tail.addLast(line);
        if (tail.size() > 400) {
            tail.removeFirst();
        }
        String step = BuildSteps.stepOf(line);
        if (step != null && (steps.isEmpty() || !steps.get(steps.size() - 1).equals(step))) {
            steps.add(step);
        }
    }

    synchronized List<String> lastLines(int n) {
        List<String> all = new ArrayList<>(tail);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    synchronized List<String> allKept() {
        return new ArrayList<>(tail);
    }

    synchronized List<String> steps() {
        return List.copyOf(steps);
    }

    /** The step that failed, as the builder named it, or the last step started. */
    String failingStep() {
        return BuildSteps.failingStep(allKept(), steps());
    }

    /** {@code Last 27 lines of the build log:} and those lines, indented: the end of a failure message. */
    String tailForMessage() {
        List<String> last = lastLines(TAIL);
        String lines = last.size() == 1 ? "The build log's only line:" : "Last " + last.size() + " lines of the build log:";
        return lines + "\n  " + String.join("\n  ", last);
    }
}

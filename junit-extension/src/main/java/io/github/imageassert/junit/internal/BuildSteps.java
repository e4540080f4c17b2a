package io.github.imageassert.junit.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads build steps and the failing one out of BuildKit's plain progress and the legacy builder's output. */
final class BuildSteps {

    /** BuildKit: {@code #7 [builder 2/4] RUN make}; legacy: {@code Step 3/7 : RUN make}. */
    private static final Pattern BUILDKIT_STEP = Pattern.compile("^#\\d+ (\\[[^\\]]+\\] .+)$");
    private static final Pattern LEGACY_STEP = Pattern.compile("^(Step \\d+/\\d+ : .+)$");
    /** BuildKit's summary of a failure: {@code > [builder 2/4] RUN make:}. */
    private static final Pattern BUILDKIT_FAILED = Pattern.compile("^\\s*> (\\[[^\\]]+\\] .+?):?\\s*$");

    private BuildSteps() {
    }

    static String stepOf(String line) {
        Matcher m = BUILDKIT_STEP.matcher(line);
        if (m.matches() && !m.group(1).contains("internal]")) {
            return m.group(1);
        }
        m = LEGACY_STEP.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    /** The step that failed, as the builder named it, or the last step started. */
    static String failingStep(List<String> lines, List<String> steps) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = BUILDKIT_FAILED.matcher(lines.get(i));
            if (m.matches()) {
                return m.group(1);
            }
        }
        return steps.isEmpty() ? "(before the first step)" : steps.get(steps.size() - 1);
    }
}

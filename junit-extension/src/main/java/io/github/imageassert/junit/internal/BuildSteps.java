package io.github.imageassert.junit.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads build steps and the failing one out of BuildKit's plain progress, the legacy builder's output and
 * Buildah's (Podman's builder, also behind its Docker-compatible build API).
 */
final class BuildSteps {

    /** BuildKit: {@code #7 [builder 2/4] RUN make}; legacy: {@code Step 3/7 : RUN make}. */
    private static final Pattern BUILDKIT_STEP = Pattern.compile("^#\\d+ (\\[[^\\]]+\\] .+)$");
    private static final Pattern LEGACY_STEP = Pattern.compile("^(Step \\d+/\\d+ : .+)$");
    /**
     * Buildah: {@code STEP 7/12: RUN make}, prefixed in a multi-stage build by the stage's number among the stages
     * built, {@code [2/3] STEP 4/6: RUN make}.
     */
    private static final Pattern BUILDAH_STEP = Pattern.compile("^((?:\\[\\d+/\\d+\\] )?STEP \\d+/\\d+: .+)$");
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
        if (m.matches()) {
            return m.group(1);
        }
        m = BUILDAH_STEP.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The step that failed, as the builder named it, or the last step started: the legacy builder and Buildah run
     * one step at a time, so the last one they started is the one that failed.
     */
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

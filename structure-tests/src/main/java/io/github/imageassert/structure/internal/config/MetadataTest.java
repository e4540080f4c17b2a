package io.github.imageassert.structure.internal.config;

import java.util.List;

/**
 * The one {@code metadataTest}. {@code entrypoint} and {@code cmd} stay null when absent (unchecked), and are an
 * empty list for {@code []} (the image must have none), as CST tells them apart.
 */
public record MetadataTest(List<EnvVar> env, List<EnvVar> unboundEnv, List<String> exposedPorts,
                           List<String> unexposedPorts, List<String> entrypoint, List<String> cmd, String workdir,
                           List<String> volumes, List<String> unmountedVolumes, List<EnvVar> labels, String user) {

    public static final MetadataTest NONE = new MetadataTest(null, null, null, null, null, null, null, null, null, null, null);

    public MetadataTest {
        env = Lists.of(env);
        unboundEnv = Lists.of(unboundEnv);
        exposedPorts = Lists.strings(exposedPorts);
        unexposedPorts = Lists.strings(unexposedPorts);
        entrypoint = entrypoint == null ? null : Lists.strings(entrypoint);
        cmd = cmd == null ? null : Lists.strings(cmd);
        workdir = Lists.text(workdir);
        volumes = Lists.strings(volumes);
        unmountedVolumes = Lists.strings(unmountedVolumes);
        labels = Lists.of(labels);
        user = Lists.text(user);
    }

    /** CST runs no metadata test when nothing is asked of it. */
    public boolean isEmpty() {
        return env.isEmpty() && unboundEnv.isEmpty() && exposedPorts.isEmpty() && unexposedPorts.isEmpty()
                && entrypoint == null && cmd == null && workdir.isEmpty() && user.isEmpty() && volumes.isEmpty()
                && unmountedVolumes.isEmpty() && labels.isEmpty();
    }
}

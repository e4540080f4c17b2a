package io.github.imageassert.structure.internal.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * The one {@code metadataTest}. {@code entrypoint} and {@code cmd} stay null when absent (unchecked), and are an
 * empty list for {@code []} (the image must have none), as CST tells them apart. The variables are read from
 * {@code envVars} and {@code unboundEnvVars}, CST's keys since 1.14, or from {@code env} and {@code unboundEnv},
 * its keys before, so that a config written for either runs unchanged ({@link ConfigLoader} refuses both at once).
 */
public record MetadataTest(@JsonAlias("envVars") List<EnvVar> env,
                           @JsonAlias("unboundEnvVars") List<EnvVar> unboundEnv, List<String> exposedPorts,
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

package io.github.imageassert.structure.internal.config;

import java.util.List;

/**
 * {@code containerRunOptions}: how the containers of command tests start. {@code envVars} names variables to copy
 * from the environment of the process running the tests; {@code envFile} is read relative to its working
 * directory, as CST does.
 */
public record ContainerRunOptions(String user, boolean privileged, boolean allocateTty, List<String> envVars,
                                  String envFile, List<String> capabilities, List<String> bindMounts) {

    public static final ContainerRunOptions NONE = new ContainerRunOptions(null, false, false, null, null, null, null);

    public ContainerRunOptions {
        user = Lists.text(user);
        envVars = Lists.strings(envVars);
        envFile = Lists.text(envFile);
        capabilities = Lists.strings(capabilities);
        bindMounts = Lists.strings(bindMounts);
    }
}

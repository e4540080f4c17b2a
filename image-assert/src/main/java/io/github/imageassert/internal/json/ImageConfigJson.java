package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An image config (OCI {@code application/vnd.oci.image.config.v1+json}, Docker's the same): the runtime
 * config, the layers' diff ids and the history. An engine's inspect answer has the same {@code Config} object.
 */
public record ImageConfigJson(@JsonProperty("architecture") String architecture,
                              @JsonProperty("os") String os,
                              @JsonProperty("variant") String variant,
                              @JsonProperty("config") RuntimeConfig config,
                              @JsonProperty("rootfs") RootFs rootfs,
                              @JsonProperty("history") List<History> history) {

    public ImageConfigJson {
        history = history == null ? List.of() : history.stream().filter(java.util.Objects::nonNull).toList();
    }

    public List<String> diffIds() {
        return rootfs == null || rootfs.diffIds() == null ? List.of() : rootfs.diffIds();
    }

    /** What a container started from the image gets. */
    public record RuntimeConfig(@JsonProperty("User") String user,
                                @JsonProperty("Env") List<String> env,
                                @JsonProperty("Entrypoint") List<String> entrypoint,
                                @JsonProperty("Cmd") List<String> cmd,
                                @JsonProperty("WorkingDir") String workingDir,
                                @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
                                @JsonProperty("Volumes") Map<String, Object> volumes,
                                @JsonProperty("Labels") Map<String, String> labels,
                                @JsonProperty("Healthcheck") HealthcheckJson healthcheck,
                                @JsonProperty("StopSignal") String stopSignal,
                                @JsonProperty("Shell") List<String> shell) {
    }

    public record HealthcheckJson(@JsonProperty("Test") List<String> test,
                                  @JsonProperty("Interval") Long interval,
                                  @JsonProperty("Timeout") Long timeout,
                                  @JsonProperty("StartPeriod") Long startPeriod,
                                  @JsonProperty("Retries") Integer retries) {
    }

    public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {
    }

    public record History(@JsonProperty("created") String created,
                          @JsonProperty("created_by") String createdBy,
                          @JsonProperty("comment") String comment,
                          @JsonProperty("empty_layer") Boolean emptyLayer) {
    }
}

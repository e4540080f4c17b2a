package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The engine's answer to {@code GET /images/{name}/json}: its {@code Config} is an image config's runtime config. */
public record EngineInspectJson(@JsonProperty("Id") String id,
                                @JsonProperty("Os") String os,
                                @JsonProperty("Architecture") String architecture,
                                @JsonProperty("Variant") String variant,
                                @JsonProperty("Config") ImageConfigJson.RuntimeConfig config,
                                @JsonProperty("RootFS") RootFs rootFs,
                                @JsonProperty("Size") Long size) {

    public List<String> diffIds() {
        return rootFs == null || rootFs.layers() == null ? List.of() : rootFs.layers();
    }

    public record RootFs(@JsonProperty("Type") String type, @JsonProperty("Layers") List<String> layers) {
    }
}

package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One image of a {@code docker save} archive's {@code manifest.json}. */
public record DockerManifestEntry(@JsonProperty("Config") String config,
                                  @JsonProperty("RepoTags") List<String> repoTags,
                                  @JsonProperty("Layers") List<String> layers,
                                  @JsonProperty("LayerSources") Map<String, Descriptor> layerSources) {

    public DockerManifestEntry {
        repoTags = repoTags == null ? List.of() : repoTags.stream().filter(java.util.Objects::nonNull).toList();
        layers = layers == null ? List.of() : layers;
        layerSources = layerSources == null ? Map.of() : layerSources;
    }
}

package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An OCI image manifest or a Docker schema 2 manifest (the same fields). A Docker schema 1 manifest has
 * {@code schemaVersion} 1 and {@code fsLayers} instead.
 */
public record ManifestJson(@JsonProperty("schemaVersion") Integer schemaVersion,
                           @JsonProperty("mediaType") String mediaType,
                           @JsonProperty("config") Descriptor config,
                           @JsonProperty("layers") List<Descriptor> layers,
                           @JsonProperty("manifests") List<Descriptor> manifests) {

    public ManifestJson {
        layers = layers == null ? List.of() : layers.stream().filter(java.util.Objects::nonNull).toList();
        manifests = manifests == null ? List.of() : manifests;
    }
}

package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An OCI image index or a Docker manifest list; also an OCI layout's {@code index.json}. */
public record ImageIndexJson(@JsonProperty("schemaVersion") Integer schemaVersion,
                             @JsonProperty("mediaType") String mediaType,
                             @JsonProperty("manifests") List<Descriptor> manifests) {

    public ImageIndexJson {
        manifests = manifests == null ? List.of() : manifests.stream().filter(java.util.Objects::nonNull).toList();
    }
}

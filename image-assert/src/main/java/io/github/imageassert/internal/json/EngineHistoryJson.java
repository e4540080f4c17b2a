package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One step of the engine's answer to {@code GET /images/{name}/history} (newest first). */
public record EngineHistoryJson(@JsonProperty("Created") Long created,
                                @JsonProperty("CreatedBy") String createdBy,
                                @JsonProperty("Comment") String comment,
                                @JsonProperty("Size") Long size) {
}

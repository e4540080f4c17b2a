package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** An OCI content descriptor: what a manifest or index says about one blob. */
public record Descriptor(@JsonProperty("mediaType") String mediaType,
                         @JsonProperty("digest") String digest,
                         @JsonProperty("size") Long size,
                         @JsonProperty("platform") PlatformJson platform,
                         @JsonProperty("annotations") Map<String, String> annotations,
                         @JsonProperty("urls") java.util.List<String> urls) {

    public Descriptor {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        urls = urls == null ? java.util.List.of() : java.util.List.copyOf(urls);
    }

    public long sizeOr(long fallback) {
        return size == null ? fallback : size;
    }

    public String annotation(String key) {
        return annotations.get(key);
    }

    /** An OCI/Docker platform object. */
    public record PlatformJson(@JsonProperty("os") String os,
                               @JsonProperty("architecture") String architecture,
                               @JsonProperty("variant") String variant) {
    }
}

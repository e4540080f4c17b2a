package io.github.imageassert.structure.internal.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A {@code key}/{@code value} pair of CST's schema: an environment variable to set, or one (or a label) the
 * metadata test expects. {@code isRegex} is read by the metadata test only, as in CST.
 */
public record EnvVar(String key, String value, @JsonProperty("isRegex") boolean isRegex) {

    public EnvVar {
        key = key == null ? "" : key;
        value = value == null ? "" : value;
    }
}

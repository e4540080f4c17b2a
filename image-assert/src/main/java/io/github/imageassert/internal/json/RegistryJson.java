package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The small documents of the distribution API besides manifests. */
public final class RegistryJson {

    private RegistryJson() {
    }

    /** An error answer: {@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"..."}]}}. */
    public record Errors(@JsonProperty("errors") List<Error> errors) {
        public Errors {
            errors = errors == null ? List.of() : errors.stream().filter(java.util.Objects::nonNull).toList();
        }
    }

    public record Error(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }

    /** A token service's answer; older services say {@code token}, OAuth2-style ones {@code access_token}. */
    public record Token(@JsonProperty("token") String token, @JsonProperty("access_token") String accessToken,
                        @JsonProperty("expires_in") Integer expiresIn) {
        public String value() {
            return token != null && !token.isEmpty() ? token : accessToken;
        }
    }

    public record TagList(@JsonProperty("name") String name, @JsonProperty("tags") List<String> tags) {
        public TagList {
            tags = tags == null ? List.of() : tags;
        }
    }
}

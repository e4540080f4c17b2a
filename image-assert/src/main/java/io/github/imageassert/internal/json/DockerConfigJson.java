package io.github.imageassert.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The parts of {@code ~/.docker/config.json} that say how to log in to registries. */
public record DockerConfigJson(@JsonProperty("auths") Map<String, AuthEntry> auths,
                               @JsonProperty("credsStore") String credsStore,
                               @JsonProperty("credHelpers") Map<String, String> credHelpers) {

    public DockerConfigJson {
        auths = auths == null ? Map.of() : auths;
        credHelpers = credHelpers == null ? Map.of() : credHelpers;
    }

    /** One {@code auths} entry: {@code auth} is base64 of {@code user:password}. */
    public record AuthEntry(@JsonProperty("auth") String auth,
                            @JsonProperty("username") String username,
                            @JsonProperty("password") String password,
                            @JsonProperty("identitytoken") String identityToken) {
    }

    /** What a {@code docker-credential-*} program prints for {@code get}. */
    public record HelperAnswer(@JsonProperty("Username") String username, @JsonProperty("Secret") String secret) {
    }
}

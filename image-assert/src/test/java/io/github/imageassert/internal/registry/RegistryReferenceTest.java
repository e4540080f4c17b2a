package io.github.imageassert.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** References, challenges and which hosts may be spoken to in plain HTTP: the parsing the registry client rests on. */
class RegistryReferenceTest {

    @Test
    void aReferenceIsParsedAsTheDistributionGrammarSays() {
        assertThat(RegistryReference.parse("127.0.0.1:5000/shop/api:1.4.2"))
                .isEqualTo(new RegistryReference("127.0.0.1:5000", "shop/api", "1.4.2", null));
        assertThat(RegistryReference.parse("registry.internal/team/app"))
                .isEqualTo(new RegistryReference("registry.internal", "team/app", "latest", null));
        String digest = "sha256:" + "a".repeat(64);
        assertThat(RegistryReference.parse("localhost:5000/app@" + digest))
                .isEqualTo(new RegistryReference("localhost:5000", "app", null, digest));
        assertThat(RegistryReference.parse("[::1]:5000/app:v1").host()).isEqualTo("[::1]:5000");
        assertThat(RegistryReference.parse("Registry.Internal:443/app:1").host()).isEqualTo("registry.internal:443");
    }

    @Test
    void aReferenceThatBreaksTheGrammarSaysWhy() {
        assertThatThrownBy(() -> RegistryReference.parse("shop/api:1")).hasMessageContaining("it names no registry host");
        assertThatThrownBy(() -> RegistryReference.parse("api:1")).hasMessageContaining("it names no registry host");
        assertThatThrownBy(() -> RegistryReference.parse("127.0.0.1:5000"))
                .hasMessageContaining("it names a host but no repository");
        assertThatThrownBy(() -> RegistryReference.parse("127.0.0.1:99999/app")).hasMessageContaining("is not a valid host[:port]");
        assertThatThrownBy(() -> RegistryReference.parse("127.0.0.1:5000/Shop/app"))
                .hasMessageContaining("'Shop' is not a valid repository path component");
        assertThatThrownBy(() -> RegistryReference.parse("127.0.0.1:5000/app@sha256:abc"))
                .hasMessageContaining("is not a sha256 digest");
        assertThatThrownBy(() -> RegistryReference.parse("127.0.0.1:5000/app:-x")).hasMessageContaining("is not a valid tag");
    }

    @Test
    void challengesAreParsedWithQuotedCommasAndBearerIsPreferred() {
        Challenge bearer = Challenge.choose(List.of("Basic realm=\"r\"",
                "Bearer realm=\"https://auth.test/token\",service=\"reg\", scope = \"repository:a/b:pull,push\",error=insufficient_scope"))
                .orElseThrow();
        assertThat(bearer.bearer()).isTrue();
        assertThat(bearer.param("realm")).isEqualTo("https://auth.test/token");
        assertThat(bearer.param("scope")).isEqualTo("repository:a/b:pull,push");
        assertThat(bearer.param("error")).isEqualTo("insufficient_scope");
        assertThat(Challenge.choose(List.of())).isEmpty();
        assertThat(Challenge.choose(List.of("Basic realm=\"Registry\"")).orElseThrow().basic()).isTrue();
    }

    @Test
    void onlyLoopbackLiteralsAndListedHostsMaySpeakPlainHttp() {
        RegistrySettings settings = new RegistrySettings(Duration.ofSeconds(1), 0, Set.of("mirror.internal:5000"), List.of(),
                Path.of("."), Map.of());
        assertThat(settings.mayUsePlainHttp("127.0.0.1:5000")).isTrue();
        assertThat(settings.mayUsePlainHttp("localhost:5000")).isTrue();
        assertThat(settings.mayUsePlainHttp("[::1]:5000")).isTrue();
        assertThat(settings.mayUsePlainHttp("mirror.internal:5000")).isTrue();
        assertThat(settings.mayUsePlainHttp("127.evil.test")).isFalse();
        assertThat(settings.mayUsePlainHttp("127.0.0.1.evil.test:5000")).isFalse();
        assertThat(settings.mayUsePlainHttp("mirror.internal:6000")).isFalse();
    }
}

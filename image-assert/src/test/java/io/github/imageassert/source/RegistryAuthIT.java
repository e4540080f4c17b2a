package io.github.imageassert.source;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static io.github.imageassert.testing.SystemProperties.with;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.RegistryException;
import io.github.imageassert.internal.registry.RegistrySettings;
import io.github.imageassert.internal.source.RegistrySource;
import io.github.imageassert.testing.DockerBuild;
import io.github.imageassert.testing.registry.Push;
import io.github.imageassert.testing.registry.TestCa;
import io.github.imageassert.testing.registry.TestRegistry;
import io.github.imageassert.testing.registry.TokenService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials as {@code docker login} leaves them, TLS with a private CA, and the bearer-token flow, against real
 * registries: one behind htpasswd and TLS, one behind distribution's token auth with a token service.
 */
class RegistryAuthIT {

    static final String USER = "ci";
    static final String PASSWORD = "s3cret-" + UUID.randomUUID();

    static TestCa ca;
    static TestRegistry basic;
    static TokenService tokens;
    static TestRegistry bearer;
    static String image;

    @BeforeAll
    static void registriesThatWantCredentials() {
        image = DockerBuild.build("image-assert-test/registry-auth:1",
                "FROM busybox:stable\nRUN echo " + UUID.randomUUID() + " > /marker.txt\nUSER 1000\n", Map.of());
        ca = TestCa.create();
        basic = TestRegistry.builder().tls(ca).htpasswd(USER, PASSWORD).start();
        tokens = TokenService.builder().user(USER, PASSWORD).anonymousPull(false).lifetime(Duration.ofSeconds(3)).start();
        bearer = TestRegistry.builder().tokenAuth(tokens).start();
        Push.engineImage(image, basic, "auth/app:1");
        Push.engineImage(image, bearer, "auth/app:1");
        Push.engineImage(image, bearer, "auth/other:1");
    }

    @AfterAll
    static void stop() {
        bearer.close();
        tokens.close();
        basic.close();
        ca.close();
    }

    @Test
    void aRegistryWithAPrivateCaIsRefusedUntilTheCaIsTrusted(@TempDir Path docker) throws IOException {
        dockerConfigWithAuths(docker, basic.host(), USER, PASSWORD);

        assertThatThrownBy(() -> with(Map.of(RegistrySettings.DOCKER_CONFIG, docker.toString()),
                () -> ContainerImage.fromRegistry(basic.host() + "/auth/app:1").config()))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.TLS))
                .hasMessageContaining("TLS with " + basic.host() + " failed")
                .hasMessageContaining("-Dimageassert.registry.ca=/path/ca.pem");

        ContainerImage trusted = with(Map.of(RegistrySettings.DOCKER_CONFIG, docker.toString(),
                RegistrySettings.CA, ca.caPem().toString()), () -> {
            ContainerImage read = ContainerImage.fromRegistry(basic.host() + "/auth/app:1");
            read.filesystem(); // the layers too, with the same settings
            return read;
        });
        assertThat(trusted).hasUser("1000").hasFile("/marker.txt");
    }

    @Test
    void withoutCredentialsTheErrorSaysWhereItLookedAndHowToLogIn(@TempDir Path empty) {
        assertThatThrownBy(() -> with(Map.of(RegistrySettings.DOCKER_CONFIG, empty.toString(), RegistrySettings.CA,
                ca.caPem().toString()), () -> ContainerImage.fromRegistry(basic.host() + "/auth/app:1").config()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED))
                .hasMessage(basic.host() + " answered 401 Unauthorized to the manifest " + basic.host() + "/auth/app:1: "
                        + "it needs credentials and none were found: looked in " + empty.resolve("config.json")
                        + " (it does not exist). Log in with `docker login " + basic.host() + "` (or set DOCKER_CONFIG to "
                        + "the directory whose config.json has them).");
    }

    @Test
    void aWrongPasswordNamesTheCredentialSourceThatWasTried(@TempDir Path docker) throws IOException {
        dockerConfigWithAuths(docker, basic.host(), USER, "wrong");

        assertThatThrownBy(() -> with(Map.of(RegistrySettings.DOCKER_CONFIG, docker.toString(), RegistrySettings.CA,
                ca.caPem().toString()), () -> ContainerImage.fromRegistry(basic.host() + "/auth/app:1").config()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED))
                .hasMessageContaining("it refused the credentials of 'ci' from the auths of " + docker.resolve("config.json"))
                .hasMessageContaining("Log in again with `docker login " + basic.host() + "`");
    }

    @Test
    void theBearerFlowGetsOneTokenPerRepositoryAndUsesItForEveryImageAndLayer(@TempDir Path docker) throws IOException {
        // GIVEN docker login credentials for the token-auth registry
        dockerConfigWithAuths(docker, bearer.host(), USER, PASSWORD);
        String scope = "repository:auth/app:pull";
        int before = tokens.tokensIssued(scope);

        // WHEN two images of the repository are read, config and files
        with(Map.of(RegistrySettings.DOCKER_CONFIG, docker.toString()), () -> {
            assertThat(ContainerImage.fromRegistry(bearer.host() + "/auth/app:1")).hasUser("1000").hasFile("/marker.txt");
            assertThat(ContainerImage.fromRegistry(bearer.host() + "/auth/app:1")).hasFile("/marker.txt");
            return null;
        });

        // THEN one token served them all
        assertThat(tokens.tokensIssued(scope) - before).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsReplaced(@TempDir Path docker) throws Exception {
        dockerConfigWithAuths(docker, bearer.host(), USER, PASSWORD);
        String scope = "repository:auth/other:pull";
        int before = tokens.tokensIssued(scope);

        with(Map.of(RegistrySettings.DOCKER_CONFIG, docker.toString()), () ->
                ContainerImage.fromRegistry(bearer.host() + "/auth/other:1").config());
        Thread.sleep(3_500); // the service's tokens last 3 s
        with(Map.of(RegistrySettings.DOCKER_CONFIG, docker.toString()), () ->
                ContainerImage.fromRegistry(bearer.host() + "/auth/other:1").config());

        assertThat(tokens.tokensIssued(scope) - before).isEqualTo(2);
    }

    @Test
    void anonymousAccessToATokenRegistryThatRequiresLoginIsRefusedClearly(@TempDir Path empty) {
        assertThatThrownBy(() -> with(Map.of(RegistrySettings.DOCKER_CONFIG, empty.toString()),
                () -> ContainerImage.fromRegistry(bearer.host() + "/auth/app:1").config()))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNAUTHORIZED))
                .hasMessageContaining("it needs credentials and none were found: looked in " + empty.resolve("config.json"));
    }

    @Test
    void aCredentialHelperIsRunTheWayTheDockerCliRunsIt(@TempDir Path docker, @TempDir Path bin) throws IOException {
        // GIVEN a config.json naming a credsStore, and that helper program on the PATH: it answers for one host only
        Files.writeString(docker.resolve("config.json"), "{\"credsStore\": \"imageasserttest\"}");
        Path helper = bin.resolve("docker-credential-imageasserttest");
        Files.writeString(helper, """
                #!/bin/sh
                [ "$1" = get ] || exit 1
                read host
                if [ "$host" = "%s" ]; then
                  printf '{"ServerURL":"%%s","Username":"%s","Secret":"%s"}' "$host"
                else
                  echo "credentials not found in native keychain"; exit 1
                fi
                """.formatted(bearer.host(), USER, PASSWORD), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        RegistrySettings settings = new RegistrySettings(Duration.ofSeconds(20), 1, Set.of(), List.of(), docker, env);

        // WHEN the image is read with those settings
        RegistrySource source = RegistrySource.of(bearer.host() + "/auth/app:1", null, settings);

        // THEN the helper's credentials got a token and the manifest
        assertThat(source.manifest().config().user()).isEqualTo("1000");
        assertThat(tokens.tokensIssuedPerScope()).containsKey("repository:auth/app:pull");
    }

    /** A config.json as `docker login HOST -u USER` writes it without a credential store. */
    private static void dockerConfigWithAuths(Path dir, String host, String user, String password) throws IOException {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("config.json"), "{\"auths\": {\"" + host + "\": {\"auth\": \"" + auth + "\"}}}");
    }
}

package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.junit.BuildImage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A build's key decides which injections share one build: everything that changes the image changes it, and
 * nothing else does. No engine needed.
 */
class BuildRequestKeyTest {

    private static final String DOCKERFILE = "FROM busybox:stable AS runtime\nRUN echo hi > /hi\n";
    private static final Path CONTEXT = Path.of("/work/app").toAbsolutePath();

    private static BuildRequest request(Path dockerfile, String text, String target, Map<String, String> args, Map<String, Path> secrets) {
        return new BuildRequest(dockerfile, text, CONTEXT, target, args, secrets);
    }

    private static BuildRequest base() {
        return request(CONTEXT.resolve("Dockerfile"), DOCKERFILE, "runtime", Map.of("GREETING", "hi"),
                Map.of("token", CONTEXT.resolve("token.txt")));
    }

    @Test
    void theSameInputsGiveTheSameKey() {
        assertThat(base().key()).isEqualTo(base().key()).hasSize(16);
    }

    @Test
    void theDockerfilesContentChangesIt() {
        BuildRequest edited = request(CONTEXT.resolve("Dockerfile"), DOCKERFILE + "USER nobody\n", "runtime",
                Map.of("GREETING", "hi"), Map.of("token", CONTEXT.resolve("token.txt")));

        assertThat(edited.key()).isNotEqualTo(base().key());
    }

    @Test
    void theTargetChangesIt() {
        BuildRequest otherTarget = request(CONTEXT.resolve("Dockerfile"), DOCKERFILE, "", Map.of("GREETING", "hi"),
                Map.of("token", CONTEXT.resolve("token.txt")));

        assertThat(otherTarget.key()).isNotEqualTo(base().key());
    }

    @Test
    void aBuildArgsValueChangesIt() {
        BuildRequest otherArg = request(CONTEXT.resolve("Dockerfile"), DOCKERFILE, "runtime", Map.of("GREETING", "bonjour"),
                Map.of("token", CONTEXT.resolve("token.txt")));

        assertThat(otherArg.key()).isNotEqualTo(base().key());
    }

    @Test
    void aSecretsFileChangesIt() {
        BuildRequest otherSecret = request(CONTEXT.resolve("Dockerfile"), DOCKERFILE, "runtime", Map.of("GREETING", "hi"),
                Map.of("token", CONTEXT.resolve("other-token.txt")));

        assertThat(otherSecret.key()).isNotEqualTo(base().key());
    }

    @Test
    void aSecretsIdChangesIt() {
        BuildRequest otherId = request(CONTEXT.resolve("Dockerfile"), DOCKERFILE, "runtime", Map.of("GREETING", "hi"),
                Map.of("api_token", CONTEXT.resolve("token.txt")));

        assertThat(otherId.key()).isNotEqualTo(base().key());
    }

    @Test
    void theDockerfilesPathDoesNotChangeIt() {
        // GIVEN the same Dockerfile text read from another file
        BuildRequest copy = request(CONTEXT.resolve("docker/Dockerfile.copy"), DOCKERFILE, "runtime", Map.of("GREETING", "hi"),
                Map.of("token", CONTEXT.resolve("token.txt")));

        // THEN it is the same build
        assertThat(copy.key()).isEqualTo(base().key());
    }

    // Annotations as users write them, read through BuildRequest.of (the Dockerfile must exist; nothing is built).
    static class Written {
        @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "builder", buildArgs = {"A=1", "B=2"})
        Object argsInOneOrder;
        @BuildImage(dockerfile = "src/test/docker/multistage/Dockerfile", target = "builder", buildArgs = {"B=2", "A=1"})
        Object argsInTheOther;
        @BuildImage(dockerfile = "src/test/docker/../docker/multistage/Dockerfile", target = "builder", buildArgs = {"A=1", "B=2"})
        Object pathSpelledOtherwise;
    }

    private static BuildRequest written(String field) throws NoSuchFieldException {
        return BuildRequest.of(Written.class.getDeclaredField(field).getAnnotation(BuildImage.class));
    }

    @Test
    void theOrderOfBuildArgsDoesNotChangeIt() throws Exception {
        assertThat(written("argsInTheOther").key()).isEqualTo(written("argsInOneOrder").key());
    }

    @Test
    void howThePathIsSpelledDoesNotChangeIt() throws Exception {
        assertThat(written("pathSpelledOtherwise").key()).isEqualTo(written("argsInOneOrder").key());
    }
}

package io.github.imageassert.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** Where the library reaches the engine without starting Testcontainers is where Testcontainers reaches it. */
class EngineLocationIT {

    @Test
    void thePlainCaseAgreesWithTestcontainers() {
        // this machine's engine is on a Unix socket, found by Testcontainers' environment or socket strategy
        Path known = EngineLocation.knownUnixSocket().orElseThrow();
        java.net.URI found = DockerClientFactory.instance().getTransportConfig().getDockerHost();

        assertThat(found.getScheme()).isEqualTo("unix");
        assertThat(known).isEqualTo(Path.of(found.getPath()));
    }
}

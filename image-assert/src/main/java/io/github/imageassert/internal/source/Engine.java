package io.github.imageassert.internal.source;

import io.github.imageassert.image.EngineUnavailableException;
import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

/** The engine, reached the way Testcontainers reaches it (DOCKER_HOST, its properties, Desktop, Colima, Podman). */
public final class Engine {

    private Engine() {
    }

    public static DockerClient client() {
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(rootMessage(e), e);
        }
    }

    /** True when an engine answers; never throws. */
    public static boolean isAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}

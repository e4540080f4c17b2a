package io.github.imageassert.internal.source;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import io.github.imageassert.image.EngineUnavailableException;
import java.util.Locale;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * The engine, found the way Testcontainers finds it (DOCKER_HOST, its properties, Desktop, Colima, Podman).
 * <p>
 * Reading, building and removing images only talk to the engine, so {@link #client()} is the engine Testcontainers
 * found and nothing more: Testcontainers' start-up (its reaper container, whose image it pulls) is not run for them.
 * That start-up made a machine without a registry wait minutes for a pull and then read that no engine answered,
 * while nothing was there for the reaper to remove. Starting a container is another matter: {@link
 * #containerClient} goes through Testcontainers, whose reaper removes the container if this JVM dies first, after
 * checking that the images it needs can be had ({@link TestcontainersImages}).
 */
public final class Engine {

    private static volatile DockerClient client;
    private static volatile Boolean podman;

    private Engine() {
    }

    /** The engine, for images: no container of Testcontainers' is started, no image pulled. */
    public static DockerClient client() {
        DockerClient c = client;
        if (c == null) {
            synchronized (Engine.class) {
                c = client;
                if (c == null) {
                    try {
                        c = DockerClientProviderStrategy.getClientForConfig(DockerClientFactory.instance().getTransportConfig());
                    } catch (RuntimeException e) {
                        throw new EngineUnavailableException(rootMessage(e), e);
                    }
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * The engine, for starting containers: Testcontainers' client, with its reaper unless the user disabled it.
     *
     * @param purpose what the container is for, as messages name it: {@code Running [java, -version] in app:1}
     * @throws io.github.imageassert.image.TestcontainersSetupException when Testcontainers would wait for an image
     *                                                                  it cannot pull
     */
    public static DockerClient containerClient(String purpose) {
        TestcontainersImages.require(client(), purpose);
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(rootMessage(e), e);
        }
    }

    /** True when an engine answers; never throws. */
    public static boolean isAvailable() {
        try {
            client().pingCmd().exec();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * True when the engine answers within {@code timeout}; never throws. Unlike {@link #isAvailable()}, bounded even
     * for an engine that accepts connections and then says nothing (a stopped or hung engine).
     */
    public static boolean answers(java.time.Duration timeout) {
        return EngineApi.ping(timeout);
    }

    /**
     * True when the engine is Podman behind its Docker-compatible API: its {@code /version} names Podman's
     * components ({@code Podman Engine}). Its builder is Buildah, and the docker CLI's buildx cannot use it.
     */
    public static boolean isPodman() {
        Boolean p = podman;
        if (p == null) {
            Version version = client().versionCmd().exec();
            p = version.getComponents() != null && version.getComponents().stream()
                    .anyMatch(c -> c.getName() != null && c.getName().toLowerCase(Locale.ROOT).contains("podman"));
            podman = p;
        }
        return p;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}

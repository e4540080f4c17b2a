package io.github.imageassert.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where Testcontainers would find the engine, when its settings say so plainly: starting Testcontainers costs a
 * JVM about 1.2 s (measured here), which a test that only reads stored layers would otherwise pay for one Unix
 * socket path. Only the plain cases are answered: {@code DOCKER_HOST} (or Testcontainers' {@code docker.host})
 * naming a Unix socket, or nothing configured and {@code /var/run/docker.sock} present, with no strategy other
 * than the environment or that socket chosen. Anything else (Docker Desktop, rootless, TCP, TLS, a cloud host) is
 * left to Testcontainers.
 */
final class EngineLocation {

    private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    private static final Set<String> PLAIN_STRATEGIES = Set.of(
            "org.testcontainers.dockerclient.UnixSocketClientProviderStrategy",
            "org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy");

    private EngineLocation() {
    }

    static Optional<Path> knownUnixSocket() {
        Properties settings = testcontainersSettings();
        if (settings.getProperty("tc.host") != null) {
            return Optional.empty();
        }
        String strategy = firstNonBlank(System.getenv("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY"),
                settings.getProperty("docker.client.strategy"));
        if (strategy != null && !PLAIN_STRATEGIES.contains(strategy.trim())) {
            return Optional.empty();
        }
        String host = firstNonBlank(System.getenv("DOCKER_HOST"), settings.getProperty("docker.host"));
        if (host != null) {
            return host.startsWith("unix://") ? Optional.of(Path.of(host.substring("unix://".length()))) : Optional.empty();
        }
        return Files.exists(DEFAULT_SOCKET) ? Optional.of(DEFAULT_SOCKET) : Optional.empty();
    }

    /** Testcontainers' settings: its classpath file, then the user's, which wins. */
    private static Properties testcontainersSettings() {
        Properties settings = new Properties();
        try (InputStream in = EngineLocation.class.getClassLoader().getResourceAsStream("testcontainers.properties")) {
            if (in != null) {
                settings.load(in);
            }
        } catch (IOException e) {
            // unreadable settings: Testcontainers will say so itself
        }
        Path user = Path.of(System.getProperty("user.home"), ".testcontainers.properties");
        if (Files.isRegularFile(user)) {
            try (Reader in = Files.newBufferedReader(user)) {
                settings.load(in);
            } catch (IOException e) {
                // as above
            }
        }
        return settings;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}

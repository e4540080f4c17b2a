package io.github.imageassert.internal.source;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import io.github.imageassert.image.TestcontainersSetupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Whether Testcontainers can start: before its first container it starts its reaper, pulling the reaper's image
 * when the engine does not have it. Where no registry is reachable, that pull is retried for two minutes, and every
 * later attempt of the JVM waits as long again (414 s measured here for one test class), to end in "no working Docker
 * environment". Here the same pull is tried once, and a failure is reported at once with its real cause.
 * <p>
 * The image is the one the Testcontainers on the class path would pull, after its own image-name substitution
 * ({@code hub.image.name.prefix}, {@code ryuk.container.image}): read from its reaper container's definition, which
 * names the image without pulling it. When that cannot be read (another Testcontainers version), nothing is checked
 * and Testcontainers goes its own way.
 */
final class TestcontainersImages {

    /** How long the engine may take to get any answer from a registry before the pull is taken as hopeless. */
    private static final long ANSWER_SECONDS = 15;
    private static final Pattern IMAGE_NAME = Pattern.compile("imageName=([^,)\\s]+)");
    /** The engine's words for a registry it could not reach (Go's net and TLS errors, as Docker and Podman pass them). */
    private static final List<String> UNREACHABLE = List.of("dial tcp", "no such host", "connection refused", "i/o timeout",
            "network is unreachable", "tls handshake", "client.timeout", "no route to host", "server misbehaving");
    /** Errors only Testcontainers can get past: it reads credentials from ~/.docker/config.json, this check does not. */
    private static final List<String> CREDENTIALS = List.of("unauthorized", "authentication required", "denied", "login");

    private static final Object LOCK = new Object();
    private static volatile boolean checked;
    private static volatile TestcontainersSetupException failure;

    private TestcontainersImages() {
    }

    static void require(DockerClient engine, String purpose) {
        if (!checked) {
            synchronized (LOCK) {
                if (!checked) {
                    failure = check(engine).orElse(null);
                    checked = true;
                }
            }
        }
        TestcontainersSetupException f = failure;
        if (f != null) {
            throw new TestcontainersSetupException(purpose + " starts a container through Testcontainers. " + f.getMessage(),
                    f.image(), f.getCause());
        }
    }

    private static Optional<TestcontainersSetupException> check(DockerClient engine) {
        if (Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return Optional.empty();
        }
        Optional<String> reaper = reaperImage();
        if (reaper.isEmpty() || present(engine, reaper.get())) {
            return Optional.empty();
        }
        return pull(engine, reaper.get()).map(error -> new TestcontainersSetupException(describe(reaper.get(), error),
                reaper.get(), null));
    }

    /** The reaper's image as Testcontainers would pull it; empty when its definition cannot be read. */
    static Optional<String> reaperImage() {
        try {
            Class<?> type = Class.forName("org.testcontainers.utility.RyukContainer");
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object image = ((GenericContainer<?>) constructor.newInstance()).getImage();
            Matcher name = IMAGE_NAME.matcher(String.valueOf(image));
            return name.find() && !name.group(1).startsWith("<") ? Optional.of(name.group(1)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static boolean present(DockerClient engine, String image) {
        try {
            engine.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Pulls {@code image} once; the engine's error when that shows Testcontainers' own pull cannot succeed either. */
    private static Optional<String> pull(DockerClient engine, String image) {
        DockerImageName name = DockerImageName.parse(image);
        AtomicBoolean answered = new AtomicBoolean();
        ResultCallback.Adapter<PullResponseItem> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                answered.set(true);
            }
        };
        try {
            engine.pullImageCmd(name.getUnversionedPart()).withTag(name.getVersionPart()).exec(callback);
            if (callback.awaitCompletion(ANSWER_SECONDS, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
            // A registry that answers but is slow is Testcontainers' to wait for, as it always did.
            return answered.get() ? Optional.empty() : Optional.of("no registry answered within " + ANSWER_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).strip();
            String lower = message.toLowerCase(Locale.ROOT);
            return CREDENTIALS.stream().anyMatch(lower::contains) ? Optional.empty() : Optional.of(message);
        } finally {
            try {
                callback.close();
            } catch (java.io.IOException | RuntimeException e) {
                // the pull's stream is gone either way
            }
        }
    }

    private static String describe(String image, String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        boolean unreachable = error.startsWith("no registry answered") || UNREACHABLE.stream().anyMatch(lower::contains);
        String host = String.valueOf(DockerClientFactory.instance().getTransportConfig().getDockerHost());
        StringBuilder m = new StringBuilder("Testcontainers first starts its reaper (a container that removes containers "
                + "left behind by a JVM that dies) from the image " + image + ". The engine at " + host + " does not have that "
                + "image and could not pull it: " + error + ". ");
        m.append(unreachable ? "The engine reaches no registry the image can come from, so Testcontainers would retry "
                + "that pull for minutes and then report no working Docker environment. "
                : "The registry does not have that image, so Testcontainers' own pull would fail as well. ");
        m.append("Either set TESTCONTAINERS_RYUK_DISABLED=true for the test JVM (image-assert removes each container it "
                + "starts when its command ends; without the reaper, only a JVM killed mid-command leaves one behind), "
                + "or make the image available: through a registry mirror you can reach, set hub.image.name.prefix=<mirror>/ "
                + "in ~/.testcontainers.properties or TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX=<mirror>/ (Testcontainers then "
                + "pulls this image and its others from there), or load the image into the engine (docker save it where a registry is reachable, docker load it here).");
        if (Files.exists(Path.of("/.dockerenv")) && isBlank(System.getenv("TESTCONTAINERS_HOST_OVERRIDE"))) {
            m.append(" This JVM runs in a container (/.dockerenv): with the reaper, also set TESTCONTAINERS_HOST_OVERRIDE to "
                    + "the host where the engine's published ports are reached (localhost when the engine runs in this "
                    + "container), or Testcontainers looks for the reaper at the engine's bridge gateway, or finds that "
                    + "gateway by starting a container of its own.");
        }
        return m.toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

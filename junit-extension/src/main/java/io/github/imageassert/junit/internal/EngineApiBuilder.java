package io.github.imageassert.junit.internal;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.imageassert.internal.source.Engine;
import io.github.imageassert.junit.ImageBuildException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The engine's build API through docker-java, configured the way Testcontainers configures it. Used when no
 * docker CLI with buildx is there. Unlike Testcontainers' {@code ImageFromDockerfile}, it adds no labels and no
 * extra history steps, and it pulls nothing: the image is exactly what the Dockerfile says.
 */
final class EngineApiBuilder implements ImageBuilder {

    /** Podman's builder behind its Docker-compatible API: not the classic builder, and its log is Buildah's. */
    private final boolean buildah;

    EngineApiBuilder(boolean buildah) {
        this.buildah = buildah;
    }

    @Override
    public String name() {
        return buildah ? "engine API (Podman's Buildah)" : "engine API";
    }

    @Override
    public String build(BuildRequest request, String tag, BuildLog log, Duration timeout) {
        if (!request.secrets().isEmpty() && buildah) {
            throw new ImageBuildException("Building " + request.describe() + " needs its secrets " + request.secrets().keySet()
                    + ", and the engine is Podman, whose Docker-compatible build API takes no secrets from the extension. "
                    + "Build the image with `podman build --secret id=<id>,src=<file>` before the tests, and read it with "
                    + "@LoadImage(reference = ...).", null);
        }
        if (!request.secrets().isEmpty()) {
            throw new ImageBuildException("Building " + request.describe() + " needs BuildKit for its secrets "
                    + request.secrets().keySet() + ", which the engine API builder does not support. Install docker buildx, "
                    + "or remove " + Settings.BUILDER + "=engine.", null);
        }
        var cmd = Engine.client().buildImageCmd()
                .withDockerfile(request.dockerfile().toFile())
                .withBaseDirectory(request.context().toFile())
                .withTags(Set.of(tag))
                .withPull(false)
                .withRemove(true)
                .withForcerm(true);
        if (!request.target().isEmpty()) {
            cmd.withTarget(request.target());
        }
        request.buildArgs().forEach(cmd::withBuildArg);
        if (!request.platform().isEmpty()) {
            cmd.withPlatform(request.platform());
        }
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    item.getStream().lines().filter(l -> !l.isBlank()).forEach(log::line);
                }
                if (item.getErrorDetail() != null) {
                    log.line("ERROR: " + item.getErrorDetail().getMessage());
                }
                super.onNext(item);
            }
        };
        try {
            cmd.exec(callback);
        } catch (RuntimeException e) {
            throw failed(request, log, e);
        }
        boolean finished;
        try {
            finished = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            throw failed(request, log, e); // the stream's error, rethrown by the wait: a connection the engine closed
        } catch (InterruptedException e) {
            stop(callback);
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while building " + request.describe() + "; the build was stopped.", e);
        }
        if (!finished) {
            stop(callback);
            throw new ImageBuildException(BuildFailures.timedOut(request, log, timeout), null);
        }
        try {
            return callback.awaitImageId();
        } catch (RuntimeException e) {
            throw failed(request, log, e);
        }
    }

    private ImageBuildException failed(BuildRequest request, BuildLog log, RuntimeException e) {
        log.line("ERROR: " + e.getMessage());
        if (!Engine.answers(BuildxBuilder.ENGINE_CHECK)) {
            return new ImageBuildException(BuildFailures.engineStopped(request, log), e);
        }
        return new ImageBuildException(BuildFailures.message(request, log, new BuildFailures.Builder(!buildah, () -> null)), e);
    }

    /**
     * Closes the build's connection: the engine then cancels the build, stops the step's container and removes it
     * ({@code forcerm}). Waiting for the image id alone would leave the build running in the engine.
     */
    private static void stop(BuildImageResultCallback callback) {
        try {
            callback.close();
        } catch (java.io.IOException e) {
            // the connection is gone either way
        }
    }
}

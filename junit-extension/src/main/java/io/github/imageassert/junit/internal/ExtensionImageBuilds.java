package io.github.imageassert.junit.internal;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildSpec;
import io.github.imageassert.junit.ImageBuilds;
import io.github.imageassert.junit.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ImageBuilds} on the extension's run-wide build store: the same builds {@code @BuildImage} makes. */
final class ExtensionImageBuilds implements ImageBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionImageBuilds.class);

    private final ExtensionContext context;
    private final Settings settings;

    ExtensionImageBuilds(ExtensionContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    @Override
    public ContainerImage build(BuildSpec spec) {
        return ImageExtension.built(context, BuildRequest.of(spec), settings);
    }

    @Override
    public void lint(BuildSpec template, List<Preset> presets) {
        TemplateLintCheck.check(template, presets, buildAll(presets.stream().map(template::with).toList()));
    }

    @Override
    public List<ContainerImage> buildAll(List<BuildSpec> specs) {
        List<BuildRequest> requests = specs.stream().map(BuildRequest::of).toList();
        int threads = Math.max(1, Math.min(settings.parallelBuilds(), requests.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-assert-build");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ContainerImage>> running = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                BuildRequest request = requests.get(i);
                String progress = "build " + (i + 1) + " of " + requests.size() + ": " + request.describe();
                running.add(pool.submit(() -> {
                    LOG.info("Starting {}", progress);
                    return ImageExtension.built(context, request, settings);
                }));
            }
            List<ContainerImage> images = new ArrayList<>();
            RuntimeException first = null;
            for (Future<ContainerImage> f : running) {
                try {
                    images.add(f.get());
                } catch (ExecutionException e) {
                    RuntimeException failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    first = first == null ? failure : first;
                    if (first != failure) {
                        first.addSuppressed(failure);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            return images;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building " + specs, e);
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.github.imageassert.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Counts what the engine did, from its own event stream: the proof that a question exported nothing. */
public final class EngineEvents {

    private EngineEvents() {
    }

    /** A point in time to count from, in the engine's format (seconds with a fraction). */
    public static String now() {
        Instant t = Instant.now();
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }

    /** Exports ({@code docker save}) of {@code image} the engine served since {@code since}. */
    public static long exportsSince(String since, String image) throws IOException, InterruptedException {
        String id = DockerBuild.run(java.util.List.of("docker", "image", "inspect", "--format", "{{.Id}}", image)).strip();
        Process p = new ProcessBuilder("docker", "events", "--since", since, "--until", now(), "--filter", "type=image",
                "--filter", "event=save", "--format", "{{.ID}}").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("docker events failed: " + out);
        }
        return out.lines().filter(l -> !l.isBlank() && (id.equals(l.strip()) || id.endsWith(l.strip()) || l.strip().equals(image))).count();
    }
}

package io.github.imageassert.internal.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import io.github.imageassert.image.ImageNotFoundException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * One container, started for one command and always removed. While it runs, the engine is asked which uid its
 * main process has ({@code docker top}): that is the fact, whatever the image config says.
 */
public final class OneShotContainer {

    /** How often a running command is looked at; each look is one inspect and one {@code ps} on the engine's host. */
    private static final long POLL_MILLIS = 100;

    /** Docker requires a PID column; PPID tells the main process from its children. */
    private static final String PS_ARGS = "-eo pid,ppid,uid,gid";

    public record Outcome(int exitCode, String stdout, String stderr, Long uid, Long gid, Duration duration, boolean timedOut) {
    }

    private record Ids(long uid, long gid) {
    }

    private OneShotContainer() {
    }

    /**
     * How the container is started, beyond its command and environment: what {@code docker run} would get from
     * {@code --user}, {@code --privileged}, {@code --cap-add}, {@code -v} and {@code --tty}.
     *
     * @param user   {@code name}, {@code uid} or {@code uid:gid}; null or "" keeps the image's USER
     * @param capAdd capability names, with or without {@code CAP_}
     * @param binds  {@code host-path:container-path[:options]}, as {@code -v} takes them
     * @param tty    a pseudo-terminal: the engine then logs both streams as one (stdout)
     */
    public record Spec(String user, boolean privileged, List<String> capAdd, List<String> binds, boolean tty) {

        public static final Spec DEFAULT = new Spec(null, false, List.of(), List.of(), false);

        public Spec {
            capAdd = List.copyOf(capAdd);
            binds = List.copyOf(binds);
        }
    }

    /** What a command did, and the image its container was committed to. */
    public record Committed(Outcome outcome, String image) {
    }

    public static Outcome run(DockerClient client, String reference, List<String> command, Map<String, String> env, Duration timeout) {
        return run(client, reference, command, env, timeout, Spec.DEFAULT);
    }

    public static Outcome run(DockerClient client, String reference, List<String> command, Map<String, String> env,
                              Duration timeout, Spec spec) {
        return execute(client, reference, command, env, timeout, spec, false).outcome();
    }

    /**
     * Runs {@code command} like {@link #run}, then commits the container to a new, untagged image (as
     * {@code docker commit} does) before removing it. The caller removes that image when done with it.
     */
    public static Committed runAndCommit(DockerClient client, String reference, List<String> command,
                                         Map<String, String> env, Duration timeout, Spec spec) {
        return execute(client, reference, command, env, timeout, spec, true);
    }

    /** Removes an image this class committed; an image still in use, or already gone, is left alone. */
    public static void removeImage(DockerClient client, String image) {
        try {
            client.removeImageCmd(image).exec();
        } catch (DockerException e) {
            // in use by another container, or removed with its child: nothing to clean up here
        }
    }

    private static Committed execute(DockerClient client, String reference, List<String> command, Map<String, String> env,
                                     Duration timeout, Spec spec, boolean commit) {
        List<String> envList = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        // The whole command goes in as the entrypoint: the engine then adds no CMD of the image's, so what runs
        // is exactly what the caller was told runs. Testcontainers' labels let its reaper remove the container
        // even if this JVM dies before the finally block.
        String id;
        try {
            CreateContainerCmd create = client.createContainerCmd(reference)
                    .withEntrypoint(command)
                    .withEnv(envList)
                    .withLabels(DockerClientFactory.DEFAULT_LABELS);
            if (!Spec.DEFAULT.equals(spec)) {
                apply(create, spec);
            }
            id = create.exec().getId();
        } catch (NotFoundException e) {
            throw new ImageNotFoundException("The engine has no image '" + reference + "' to run (any more); "
                    + "`docker images` lists what it has.");
        }
        RuntimeException failure = null;
        try {
            Outcome outcome = startAndWatch(client, id, timeout);
            String image = commit && !outcome.timedOut() ? client.commitCmd(id).exec() : null;
            return new Committed(outcome, image);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            remove(client, id, failure);
        }
    }

    private static void apply(CreateContainerCmd create, Spec spec) {
        if (spec.user() != null && !spec.user().isEmpty()) {
            create.withUser(spec.user());
        }
        create.withTty(spec.tty());
        HostConfig host = HostConfig.newHostConfig().withPrivileged(spec.privileged());
        if (!spec.capAdd().isEmpty()) {
            host.withCapAdd(spec.capAdd().stream().map(OneShotContainer::capability).toArray(Capability[]::new));
        }
        if (!spec.binds().isEmpty()) {
            host.withBinds(spec.binds().stream().map(Bind::parse).toList());
        }
        create.withHostConfig(host);
    }

    private static Capability capability(String name) {
        String bare = name.toUpperCase(Locale.ROOT);
        bare = bare.startsWith("CAP_") ? bare.substring(4) : bare;
        try {
            return Capability.valueOf(bare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Linux capability '" + name + "' (e.g. NET_BIND_SERVICE, SYS_ADMIN, ALL)", e);
        }
    }

    private static Outcome startAndWatch(DockerClient client, String id, Duration timeout) {
        long started = System.nanoTime();
        client.startContainerCmd(id).exec();
        Ids seen = observe(client, id);
        boolean timedOut = false;
        InspectContainerResponse.ContainerState state = client.inspectContainerCmd(id).exec().getState();
        while (Boolean.TRUE.equals(state.getRunning())) {
            if (System.nanoTime() - started > timeout.toNanos()) {
                timedOut = true;
                break;
            }
            sleep();
            Ids now = observe(client, id);
            seen = now != null ? now : seen; // the latest look wins: an entrypoint may drop privileges and exec
            state = client.inspectContainerCmd(id).exec().getState();
        }
        Duration wallClock = Duration.ofNanos(System.nanoTime() - started);
        String[] output = logs(client, id);
        Long exit = state.getExitCodeLong();
        return new Outcome(exit == null ? -1 : exit.intValue(), output[0], output[1],
                seen == null ? null : seen.uid(), seen == null ? null : seen.gid(),
                timedOut ? wallClock : engineDuration(state, wallClock), timedOut);
    }

    /** The main process's ids, or null when the container is no longer running. */
    private static Ids observe(DockerClient client, String id) {
        TopContainerResponse top;
        try {
            top = client.topContainerCmd(id).withPsArgs(PS_ARGS).exec();
        } catch (DockerException e) {
            return null; // 409 "is not running": the command already ended
        }
        List<String> titles = List.of(top.getTitles());
        int pid = titles.indexOf("PID");
        int ppid = titles.indexOf("PPID");
        int uid = titles.indexOf("UID");
        int gid = titles.indexOf("GID");
        if (top.getProcesses() == null || pid < 0 || ppid < 0 || uid < 0 || gid < 0) {
            return null;
        }
        Set<String> pids = new HashSet<>();
        for (String[] p : top.getProcesses()) {
            pids.add(p[pid]);
        }
        for (String[] p : top.getProcesses()) {
            if (!pids.contains(p[ppid])) { // its parent is outside the container: the runtime's shim
                try {
                    return new Ids(Long.parseLong(p[uid].trim()), Long.parseLong(p[gid].trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** stdout and stderr, kept apart, as the engine logged them. */
    private static String[] logs(DockerClient client, String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            (frame.getStreamType() == com.github.dockerjava.api.model.StreamType.STDERR ? err : out)
                                    .writeBytes(frame.getPayload());
                        }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the output of container " + id, e);
        }
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static Duration engineDuration(InspectContainerResponse.ContainerState state, Duration fallback) {
        try {
            Duration d = Duration.between(Instant.parse(state.getStartedAt()), Instant.parse(state.getFinishedAt()));
            return d.isNegative() ? fallback : d;
        } catch (DateTimeParseException | NullPointerException e) {
            return fallback;
        }
    }

    private static void remove(DockerClient client, String id, RuntimeException failure) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a command", e);
        }
    }
}

package io.github.imageassert.junit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.imageassert.junit.Preset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The presets target of issue 16, measured in one run: the native presets of {@code samples/template-presets}
 * (and the sample test's {@code debug} preset, so that there are four, all on the same base image) built
 * <ol>
 *   <li>by the library: {@code ImageBuilds.buildAll} at its default parallelism, driven through the JUnit Platform
 *       launcher ({@link PresetsBenchmarkScenario}), each preset then asked for again, timed around the launcher's
 *       {@code execute};</li>
 *   <li>by hand: {@code docker buildx build --load --progress=plain} with the library's flags, one preset after the
 *       other (the target's peer);</li>
 *   <li>by hand, two at once: the same commands, two running at any time, to tell what the engine itself gains from
 *       concurrent builds from what the library adds or loses.</li>
 * </ol>
 * Each round every side starts from the same cache state: every side of every round appends its own nonce to each
 * preset's {@code RUNTIME_VERSION}, which the template's RUN line uses, so BuildKit runs every preset's RUN again
 * while the base image and its resolution stay cached for both. Pruning the builder cache instead would also wipe
 * the cache of everything else sharing this engine. The order rotates per round; round 0 is a warm-up (the
 * JVM's first launcher run loads the classes and finds the engine) reported apart from the medians.
 * <p>
 * Builds are counted twice, neither from the harness's own bookkeeping: the {@code image-assert.build} report
 * entries the extension publishes once per build (as ParallelBuildIT counts them), and BuildKit's own
 * {@code naming to} lines in the builder output the extension logs; the run stops if either differs from the
 * number of distinct presets, although every preset is asked for twice. The engine's event stream cannot count them:
 * engine 20.10 emits no image event when BuildKit names an image.
 * Not a unit test: run it with {@code scripts/benchmark.sh presets [rounds]}.
 */
public final class PresetsBenchmark {

    static final Path DOCKERFILE = Path.of("samples/template-presets/Dockerfile");
    static final Path PRESETS = Path.of("samples/template-presets/presets.properties");
    /** The same preset TemplatePresetsTest builds to show a broken promise: a fourth native preset. */
    static final Preset DEBUG = Preset.of("debug", Map.of("VARIANT", "debug", "RUNTIME_VERSION", "2.4"));
    static final String BUSTED_ARG = "RUNTIME_VERSION";
    static final String HAND_REPOSITORY = "image-assert-bench/template-presets";
    private static final Pattern NAMING = Pattern.compile("naming to (\\S+)");
    /** slf4j-simple's lines (milliseconds since start first) where the extension starts, hands over and ends a build. */
    private static final Pattern PROGRESS = Pattern.compile("^(\\d+) \\[[^]]*] INFO \\S+ - (Starting build \\d+ of \\d+: |Building |Built )preset ([^:]+):");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path work = Files.createTempDirectory("image-assert-presets-bench");
        Path libraryLog = work.resolve("library.log");
        Path handLog = work.resolve("by-hand.log");
        Files.createFile(handLog);
        // before the first logger exists: the builder output goes to a file, to be counted, not onto this console
        System.setProperty("org.slf4j.simpleLogger.logFile", libraryLog.toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");

        List<Preset> presets = new ArrayList<>(Preset.read(PRESETS).stream().filter(p -> p.platform().isEmpty()).toList());
        presets.add(DEBUG);
        System.out.printf(Locale.ROOT, "%d presets of %s on the native platform: %s%n", presets.size(), DOCKERFILE,
                presets.stream().map(Preset::name).toList());
        System.out.printf(Locale.ROOT, "machine: %d cores, %s; engine %s; %s; builder output in %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                run("docker", "version", "--format", "{{.Server.Version}}"), run("docker", "buildx", "version"), work);

        List<Double> library = new ArrayList<>();
        List<Double> byHand = new ArrayList<>();
        List<Double> twoAtOnce = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<String> sides = List.of("library", "by hand", "by hand, two at once");
        for (int round = 0; round <= rounds; round++) {
            List<String> order = new ArrayList<>(sides);
            Collections.rotate(order, -(round % sides.size()));
            String load = loadAverage();
            LibraryRun lib = null;
            HandRun hand = null;
            HandRun pair = null;
            for (String side : order) {
                String nonce = "r" + round + "-" + (side.equals("library") ? "lib" : side.equals("by hand") ? "hand" : "pair") + "-"
                        + UUID.randomUUID().toString().substring(0, 8);
                switch (side) {
                    case "library" -> lib = library(busted(presets, nonce), nonce, work, libraryLog);
                    case "by hand" -> hand = byHand(busted(presets, nonce), nonce, handLog, 1);
                    default -> pair = byHand(busted(presets, nonce), nonce, handLog, 2);
                }
            }
            String loadAfter = loadAverage();
            System.out.printf(Locale.ROOT, "round %d%s (order: %s): library %.2f s (buildAll %.2f s), by hand %.2f s, ratio %.3f;"
                            + " by hand two at once %.2f s; library builds: %d reported, %d named by BuildKit, for %d requests;"
                            + " by hand: %d and %d named; load average %s -> %s%n",
                    round, round == 0 ? " (warm-up, not in the medians)" : "", String.join(" / ", order),
                    lib.seconds, lib.buildAllSeconds, hand.seconds, lib.seconds / hand.seconds, pair.seconds, lib.reported,
                    lib.named, 2 * presets.size(), hand.named, pair.named, load, loadAfter);
            System.out.printf(Locale.ROOT, "  per build: library %s; by hand, each docker buildx build %s; two at once %s%n",
                    lib.profile, seconds(hand.perBuild), seconds(pair.perBuild));
            if (lib.reported != presets.size() || lib.named != presets.size()) {
                throw new AssertionError("expected one build per distinct preset (" + presets.size() + "), got " + lib.reported
                        + " reported and " + lib.named + " named by BuildKit");
            }
            removeImages(lib.tags, round);
            if (round > 0) {
                library.add(lib.seconds);
                byHand.add(hand.seconds);
                twoAtOnce.add(pair.seconds);
                ratios.add(lib.seconds / hand.seconds);
            }
        }
        System.out.printf(Locale.ROOT, "%nRESULT presets=%d rounds=%d library-median-s=%.2f by-hand-median-s=%.2f "
                        + "ratio-of-medians=%.3f median-of-ratios=%.3f (target <= 1.0); by-hand-two-at-once-median-s=%.2f; "
                        + "one build per distinct preset: yes; load average at the end %s%n",
                presets.size(), rounds, median(library), median(byHand), median(library) / median(byHand), median(ratios),
                median(twoAtOnce), loadAverage());
        System.out.println("RESULT where a library build's time goes (medians over all its builds): " + phases(libraryLog));
    }

    /**
     * The phases of every build in the extension's log, each build told apart by its build args (the nonce makes
     * them unique): from "Building" to BuildKit's first line (the CLI, its plugin, the session, the engine before
     * the solve), to the RUN, the RUN, exporting and naming the image, and the extension's own work after the
     * builder's process has ended, up to "Built".
     */
    static String phases(Path log) throws IOException {
        Pattern line = Pattern.compile("^(\\d+) \\[[^]]*] INFO \\S+ - (.*)$");
        Pattern build = Pattern.compile("\\{RUNTIME_VERSION=[^}]*}");
        String[] names = {"building", "first", "run", "export", "named", "built"};
        Map<String, long[]> marks = new LinkedHashMap<>();
        for (String text : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = line.matcher(text);
            Matcher b = m.matches() ? build.matcher(m.group(2)) : null;
            if (b == null || !b.find()) {
                continue;
            }
            long t = Long.parseLong(m.group(1));
            String message = m.group(2);
            long[] at = marks.computeIfAbsent(b.group(), k -> new long[names.length]);
            int phase = message.startsWith("Building ") ? 0 : message.startsWith("Built ") ? 5
                    : message.contains("] #0 building with") ? 1 : message.matches(".*] #\\d+ \\[\\d+/\\d+] RUN .*") ? 2
                    : message.contains("exporting to image") ? 3 : message.contains("naming to") && message.endsWith("done") ? 4 : -1;
            if (phase >= 0 && (at[phase] == 0 || phase == 4)) {
                at[phase] = t;
            }
        }
        List<long[]> complete = marks.values().stream().filter(at -> Arrays.stream(at).allMatch(t -> t > 0)).toList();
        String[] what = {"to BuildKit's first line", "to the RUN", "the RUN", "exporting and naming", "the extension after the builder"};
        StringBuilder out = new StringBuilder(complete.size() + " builds:");
        for (int i = 0; i < what.length; i++) {
            int from = i;
            out.append(String.format(Locale.ROOT, " %s %.2f s;", what[i],
                    median(complete.stream().map(at -> (at[from + 1] - at[from]) / 1e3).toList())));
        }
        return out.toString();
    }

    static List<String> seconds(List<Double> values) {
        return values.stream().map(d -> String.format(Locale.ROOT, "%.2f", d)).toList();
    }

    /** The presets with {@value #BUSTED_ARG} made unique to this side of this round. */
    static List<Preset> busted(List<Preset> presets, String nonce) {
        return presets.stream().map(p -> {
            Map<String, String> args = new LinkedHashMap<>(p.buildArgs());
            String value = args.get(BUSTED_ARG);
            if (value == null) {
                throw new IllegalStateException("preset " + p.name() + " sets no " + BUSTED_ARG + ", which the benchmark varies");
            }
            args.put(BUSTED_ARG, value + "+" + nonce);
            return new Preset(p.name(), args, p.platform());
        }).toList();
    }

    record LibraryRun(double seconds, double buildAllSeconds, int reported, int named, List<String> tags, String profile) {
    }

    static LibraryRun library(List<Preset> presets, String nonce, Path work, Path log) throws IOException {
        Path file = work.resolve("presets-" + nonce + ".properties");
        StringBuilder text = new StringBuilder();
        presets.forEach(p -> p.buildArgs().forEach((k, v) -> text.append(p.name()).append('.').append(k).append('=').append(v).append('\n')));
        Files.writeString(file, text);
        System.setProperty(PresetsBenchmarkScenario.PRESETS, file.toString());
        System.setProperty(PresetsBenchmarkScenario.DOCKERFILE, DOCKERFILE.toString());
        Entries entries = new Entries();
        Launcher launcher = LauncherFactory.create();
        long start = System.nanoTime();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(PresetsBenchmarkScenario.class)).build(),
                entries);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!entries.failures.isEmpty() || entries.succeeded != presets.size()) {
            throw new AssertionError("the library's run did not pass (" + entries.succeeded + " of " + presets.size()
                    + " tests succeeded): " + entries.failures);
        }
        List<String> tags = entries.values("image-assert.tag");
        return new LibraryRun(seconds, PresetsBenchmarkScenario.buildAllSeconds, entries.values("image-assert.build").size(),
                namedIn(log, tags), tags, profile(log, nonce));
    }

    /**
     * Where each of the run's builds spent its time, from the extension's log: from "Starting build" (a pool thread
     * took it) to "Building" (the builder is chosen, the command about to start), and from there to "Built" (the
     * builder's process has ended and the engine named the image's id).
     */
    static String profile(Path log, String nonce) throws IOException {
        Map<String, long[]> marks = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = PROGRESS.matcher(line);
            if (!line.contains(nonce) || !m.find()) {
                continue;
            }
            long[] t = marks.computeIfAbsent(m.group(3), k -> new long[3]);
            t[m.group(2).startsWith("Starting") ? 0 : m.group(2).startsWith("Building") ? 1 : 2] = Long.parseLong(m.group(1));
        }
        StringBuilder out = new StringBuilder();
        marks.forEach((preset, t) -> out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                "%s %.2f s before the builder + %.2f s in it", preset, (t[1] - t[0]) / 1e3, (t[2] - t[1]) / 1e3)));
        return out.toString();
    }

    /**
     * How many of {@code tags} BuildKit named in {@code log}: distinct names, because under load the plain progress
     * can print a step's line again when its status changes ("naming to X", then "naming to X done").
     */
    static int namedIn(Path log, List<String> tags) throws IOException {
        Set<String> named = new HashSet<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = NAMING.matcher(line);
            if (m.find()) {
                tags.stream().filter(t -> m.group(1).equals(t) || m.group(1).endsWith("/" + t)).forEach(named::add);
            }
        }
        return named.size();
    }

    record HandRun(double seconds, int named, List<Double> perBuild) {
    }

    /**
     * Each preset by {@code docker buildx build} with the library's flags: one after the other ({@code atOnce} 1, the
     * target's peer), or two at once as a shell's {@code xargs -P 2} would (a diagnostic: what the engine itself gains
     * from concurrent builds, without the library).
     */
    static HandRun byHand(List<Preset> presets, String nonce, Path log, int atOnce) throws Exception {
        long start = System.nanoTime();
        List<Double> perBuild = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(atOnce);
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (Preset preset : presets) {
                builds.add(pool.submit(() -> {
                    perBuild.add(buildByHand(preset, nonce, log));
                    return null;
                }));
            }
            for (Future<?> f : builds) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new HandRun(seconds, namedIn(log, presets.stream().map(p -> handTag(p, nonce)).toList()), perBuild);
    }

    static double buildByHand(Preset preset, String nonce, Path log) throws IOException, InterruptedException {
        long one = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("docker", "buildx", "build", "--load", "--progress=plain",
                "-f", DOCKERFILE.toAbsolutePath().toString(), "-t", handTag(preset, nonce)));
        preset.buildArgs().forEach((k, v) -> command.addAll(List.of("--build-arg", k + "=" + v)));
        command.add(DOCKERFILE.toAbsolutePath().getParent().toString());
        Path own = Files.createTempFile(log.getParent(), "by-hand", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(own.toFile()).start();
        int exit = p.waitFor();
        synchronized (PresetsBenchmark.class) {
            Files.writeString(log, Files.readString(own), StandardOpenOption.APPEND);
        }
        Files.delete(own);
        if (exit != 0) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` failed; its output is in " + log);
        }
        return (System.nanoTime() - one) / 1e9;
    }

    static String handTag(Preset preset, String nonce) {
        return HAND_REPOSITORY + "-" + preset.name() + ":" + nonce;
    }

    /** Not timed: both sides' images of the round; their build cache stays, the next round's nonces miss it anyway. */
    static void removeImages(List<String> libraryTags, int round) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "rmi", "-f"));
        command.addAll(libraryTags);
        String hand = run("docker", "images", "--format", "{{.Repository}}:{{.Tag}}");
        hand.lines().filter(l -> l.startsWith(HAND_REPOSITORY + "-") && l.contains(":r" + round + "-")).forEach(command::add);
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** What the launcher reports: the extension's report entries, and whether the scenario's tests passed. */
    static final class Entries implements TestExecutionListener {

        final ConcurrentLinkedQueue<Map<String, String>> published = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        volatile int succeeded;

        @Override
        public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
            published.add(new HashMap<>(entry.getKeyValuePairs()));
        }

        @Override
        public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.add(identifier.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("?"));
            } else if (identifier.isTest()) {
                succeeded++;
            }
        }

        List<String> values(String key) {
            return published.stream().filter(kv -> kv.containsKey(key)).map(kv -> kv.get(key)).toList();
        }
    }
}

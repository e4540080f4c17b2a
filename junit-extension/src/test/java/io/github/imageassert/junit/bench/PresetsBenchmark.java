package io.github.imageassert.junit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.imageassert.junit.Preset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 *       other.</li>
 * </ol>
 * Each round both sides start from the same cache state: every side of every round appends its own nonce to each
 * preset's {@code RUNTIME_VERSION}, which the template's RUN line uses, so BuildKit runs every preset's RUN again
 * while the base image and its resolution stay cached for both. Pruning the builder cache instead would also wipe
 * the cache of everything else sharing this engine. The order alternates per round; round 0 is a warm-up (the
 * JVM's first launcher run loads the classes and finds the engine) reported apart from the medians.
 * <p>
 * Builds are counted twice, neither from the harness's own bookkeeping: the {@code image-assert.build} report
 * entries the extension publishes once per build (as ParallelBuildIT counts them), and BuildKit's own
 * {@code naming to} lines in the builder output the extension logs. The engine's event stream cannot count them:
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
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            boolean libraryFirst = round % 2 == 0;
            String load = loadAverage();
            LibraryRun lib = null;
            HandRun hand = null;
            for (int side = 0; side < 2; side++) {
                String nonce = "r" + round + (side == 0 == libraryFirst ? "-lib-" : "-hand-")
                        + UUID.randomUUID().toString().substring(0, 8);
                if (side == 0 == libraryFirst) {
                    lib = library(busted(presets, nonce), nonce, work, libraryLog);
                } else {
                    hand = byHand(busted(presets, nonce), nonce, handLog);
                }
            }
            String loadAfter = loadAverage();
            System.out.printf(Locale.ROOT, "round %d%s (%s first): library %.2f s (buildAll %.2f s), by hand %.2f s, ratio %.3f;"
                            + " library builds: %d reported, %d named by BuildKit, for %d requests; by hand: %d named;"
                            + " load average %s -> %s%n",
                    round, round == 0 ? " (warm-up, not in the medians)" : "", libraryFirst ? "library" : "by hand",
                    lib.seconds, lib.buildAllSeconds, hand.seconds, lib.seconds / hand.seconds, lib.reported, lib.named,
                    2 * presets.size(), hand.named, load, loadAfter);
            if (lib.reported != presets.size() || lib.named != presets.size()) {
                throw new AssertionError("expected one build per distinct preset (" + presets.size() + "), got " + lib.reported
                        + " reported and " + lib.named + " named by BuildKit");
            }
            removeImages(lib.tags, presets, round);
            if (round > 0) {
                library.add(lib.seconds);
                byHand.add(hand.seconds);
                ratios.add(lib.seconds / hand.seconds);
            }
        }
        System.out.printf(Locale.ROOT, "%nRESULT presets=%d rounds=%d library-median-s=%.2f by-hand-median-s=%.2f "
                        + "ratio-of-medians=%.3f median-of-ratios=%.3f (target <= 1.0); one build per distinct preset: yes; "
                        + "load average at the end %s%n",
                presets.size(), rounds, median(library), median(byHand), median(library) / median(byHand), median(ratios),
                loadAverage());
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

    record LibraryRun(double seconds, double buildAllSeconds, int reported, int named, List<String> tags) {
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
                namedIn(log, tags), tags);
    }

    /** BuildKit's {@code naming to} lines in {@code log} for any of {@code tags}. */
    static int namedIn(Path log, List<String> tags) throws IOException {
        int named = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = NAMING.matcher(line);
            if (m.find() && tags.stream().anyMatch(t -> m.group(1).equals(t) || m.group(1).endsWith("/" + t))) {
                named++;
            }
        }
        return named;
    }

    record HandRun(double seconds, int named) {
    }

    static HandRun byHand(List<Preset> presets, String nonce, Path log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (Preset preset : presets) {
            List<String> command = new ArrayList<>(List.of("docker", "buildx", "build", "--load", "--progress=plain",
                    "-f", DOCKERFILE.toAbsolutePath().toString(), "-t", handTag(preset, nonce)));
            preset.buildArgs().forEach((k, v) -> command.addAll(List.of("--build-arg", k + "=" + v)));
            command.add(DOCKERFILE.toAbsolutePath().getParent().toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed; its output is in " + log);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new HandRun(seconds, namedIn(log, presets.stream().map(p -> handTag(p, nonce)).toList()));
    }

    static String handTag(Preset preset, String nonce) {
        return HAND_REPOSITORY + "-" + preset.name() + ":" + nonce;
    }

    /** Not timed: both sides' images of the round; their build cache stays, the next round's nonces miss it anyway. */
    static void removeImages(List<String> libraryTags, List<Preset> presets, int round) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "rmi", "-f"));
        command.addAll(libraryTags);
        String hand = run("docker", "images", "--format", "{{.Repository}}:{{.Tag}}");
        hand.lines().filter(l -> l.startsWith(HAND_REPOSITORY + "-") && l.contains(":r" + round + "-hand-")).forEach(command::add);
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

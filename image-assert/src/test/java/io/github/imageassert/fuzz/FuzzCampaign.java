package io.github.imageassert.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The long campaign: runs cases {@code [0, count)} of seed {@code seed} in worker JVMs ({@link FuzzWorker}, 256 MB
 * heap each), starting a new worker after a HANG or an ERROR, and prints per-outcome totals, cases per second, the
 * machine and the date. Findings (every case not RIGHT or TYPED_ERROR) go to the findings directory as files that
 * replay them.
 *
 * <pre>FuzzCampaign COUNT SEED [--bound MS] [--heap SIZE] [--findings DIR]</pre>
 */
public final class FuzzCampaign {

    private final Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
    private final Map<String, Integer> signatures = new TreeMap<>();
    private final Map<String, Map<Outcome, Integer>> byMutation = new TreeMap<>();

    private FuzzCampaign() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        long bound = 20_000;
        String heap = "256m";
        Path findings = Path.of("target", "fuzz-findings");
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bound" -> bound = Long.parseLong(args[i + 1]);
                case "--heap" -> heap = args[i + 1];
                case "--findings" -> findings = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new FuzzCampaign().run(count, seed, bound, heap, findings);
    }

    private void run(int count, long seed, long bound, String heap, Path findings) throws Exception {
        Files.createDirectories(findings);
        Instant started = Instant.now();
        long start = System.nanoTime();
        int next = 0;
        int workers = 0;
        while (next < count) {
            workers++;
            int reached = runWorker(seed, next, count, bound, heap, findings);
            if (reached < next) {
                // the worker died on case `next` without reporting it (a crash, a kill after silence)
                record(new String[] {"CASE", String.valueOf(next), "ERROR", "0", "?", "?", "|", "worker died without a verdict"});
                reached = next;
            }
            next = reached + 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = summary(count, seed, bound, heap, seconds, workers, started);
        System.out.println(summary);
        Files.writeString(findings.resolve("summary-" + seed + "-" + count + ".txt"), summary, StandardCharsets.UTF_8);
    }

    /** Runs one worker from case {@code from}; returns the last case it reported. */
    private int runWorker(long seed, int from, int count, long bound, String heap, Path findings) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), FuzzWorker.class.getName(),
                String.valueOf(seed), String.valueOf(from), String.valueOf(count), String.valueOf(bound), findings.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int last = from - 1;
        Thread watchdog = watchdog(p, bound);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CASE ")) {
                    String[] f = line.split(" ", 8);
                    record(f);
                    last = Integer.parseInt(f[1]);
                    watchdog.interrupt();
                    watchdog = watchdog(p, bound);
                    if ((last + 1) % 1000 == 0) {
                        System.err.println("… " + (last + 1) + " cases: " + totals);
                    }
                }
            }
        }
        watchdog.interrupt();
        p.waitFor(1, TimeUnit.MINUTES);
        return last;
    }

    /** Kills a worker that reports nothing for the bound plus a minute (a hang outside the oracle's own bound). */
    private static Thread watchdog(Process p, long bound) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(bound + 60_000);
                p.destroyForcibly();
            } catch (InterruptedException done) {
                // the worker reported in time
            }
        }, "fuzz-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void record(String[] f) {
        Outcome o = Outcome.valueOf(f[2]);
        totals.merge(o, 1, Integer::sum);
        byMutation.computeIfAbsent(f.length > 5 ? f[5] : "?", k -> new EnumMap<>(Outcome.class)).merge(o, 1, Integer::sum);
        if (!o.acceptable()) {
            String sig = f.length > 7 ? f[7] : o.name();
            signatures.merge(sig.length() > 160 ? sig.substring(0, 160) : sig, 1, Integer::sum);
        }
    }

    private String summary(int count, long seed, long bound, String heap, double seconds, int workers, Instant started) {
        StringBuilder s = new StringBuilder();
        s.append("image-assert fuzz campaign: ").append(count).append(" cases, seed ").append(seed).append(", bound ")
                .append(bound).append(" ms per case, ").append(heap).append(" heap per worker, ").append(workers).append(" worker JVM(s)\n");
        s.append("date: ").append(started).append("\nmachine: ").append(Machine.describe()).append('\n');
        s.append(String.format(java.util.Locale.ROOT, "time: %.0f s, %.1f cases/s%n", seconds, count / seconds));
        s.append("outcomes:");
        for (Outcome o : Outcome.values()) {
            s.append(' ').append(o).append('=').append(totals.getOrDefault(o, 0));
        }
        s.append("\nby mutation:\n");
        byMutation.forEach((m, t) -> s.append(String.format("  %-18s %s%n", m, t)));
        s.append("findings by signature:\n");
        signatures.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> s.append(String.format("  %6d  %s%n", e.getValue(), e.getKey())));
        return s.toString();
    }
}

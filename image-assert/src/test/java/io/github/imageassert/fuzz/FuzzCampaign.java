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
 * heap each), {@code --workers} of them at once on blocks of {@value #BLOCK} cases, starting a new worker after a HANG
 * or an ERROR, and prints per-outcome totals, cases per second, the machine and the date. Findings (every case not
 * RIGHT or TYPED_ERROR) go to the findings directory as files that replay them.
 *
 * <p>Every verdict is appended to a journal as it comes, so a campaign of a million cases can run in several sittings:
 * started again with the same journal, it counts what the journal holds and runs only the cases it lacks. A case is
 * the same case whenever it runs (it depends on the seed and its index alone), so the sittings make one campaign as
 * long as the library and the harness did not change in between: the journal records the commit of each sitting, and
 * a sitting on another commit than the journal's earlier ones is refused.
 *
 * <pre>FuzzCampaign COUNT SEED [--bound MS] [--heap SIZE] [--findings DIR] [--workers K] [--journal FILE] [--commit ID]</pre>
 */
public final class FuzzCampaign {

    static final int BLOCK = 5000;

    private final Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
    private final Map<String, Integer> signatures = new TreeMap<>();
    private final Map<String, Map<Outcome, Integer>> byMutation = new TreeMap<>();
    private final java.util.Set<Integer> done = new java.util.HashSet<>();
    private final List<String> sittings = new ArrayList<>();
    private double earlierSeconds;
    private int workersStarted;
    private java.io.Writer journal;

    private FuzzCampaign() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        long bound = 20_000;
        String heap = "256m";
        int workers = 1;
        String commit = "unknown";
        Path findings = Path.of("target", "fuzz-findings");
        Path journal = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--bound" -> bound = Long.parseLong(args[i + 1]);
                case "--heap" -> heap = args[i + 1];
                case "--findings" -> findings = Path.of(args[i + 1]);
                case "--workers" -> workers = Integer.parseInt(args[i + 1]);
                case "--journal" -> journal = Path.of(args[i + 1]);
                case "--commit" -> commit = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (journal == null) {
            journal = findings.resolve("journal-" + seed + "-" + count + ".txt");
        }
        new FuzzCampaign().run(count, seed, bound, heap, workers, findings, journal, commit);
    }

    private void run(int count, long seed, long bound, String heap, int workers, Path findings, Path journalFile,
                     String commit) throws Exception {
        Files.createDirectories(findings);
        if (journalFile.getParent() != null) {
            Files.createDirectories(journalFile.getParent());
        }
        readJournal(journalFile, count);
        for (String sitting : sittings) {
            String earlier = sitting.replaceFirst(".* commit (\\S+) .*", "$1");
            if (!earlier.equals(commit) && !"unknown".equals(commit) && !"unknown".equals(earlier)) {
                // a campaign's cases speak for one version of the library and the harness
                throw new IllegalStateException("the journal " + journalFile + " holds a sitting on commit " + earlier
                        + ", this one runs on " + commit + ": resume from a worktree at " + earlier
                        + ", or start a new journal (or seed) for this commit");
            }
        }
        Instant started = Instant.now();
        long start = System.nanoTime();
        int before = done.size();
        System.err.println("campaign " + seed + "/" + count + ": " + before + " cases in the journal " + journalFile
                + ", running the rest on " + workers + " worker(s)");
        try (java.io.Writer out = Files.newBufferedWriter(journalFile, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            journal = out;
            if (endsMidLine(journalFile)) {
                out.write('\n');
            }
            append("SITTING " + started + " commit " + commit + " workers " + workers + " machine " + Machine.describe());
            java.util.concurrent.atomic.AtomicInteger nextBlock = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(() -> {
                    try {
                        for (int b; (b = nextBlock.getAndIncrement()) * BLOCK < count; ) {
                            runBlock(seed, b * BLOCK, Math.min(count, (b + 1) * BLOCK), bound, heap, findings);
                            append(String.format(java.util.Locale.ROOT, "PROGRESS %.1f", (System.nanoTime() - start) / 1e9));
                        }
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }, "fuzz-block-runner-" + w);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = summary(count, seed, bound, heap, workers, done.size() - before, seconds, started);
        System.out.println(summary);
        Files.writeString(findings.resolve("summary-" + seed + "-" + count + ".txt"), summary, StandardCharsets.UTF_8);
    }

    /** Counts the verdicts of earlier sittings; each sitting's time is its last PROGRESS line. */
    private void readJournal(Path file, int count) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        double sitting = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("CASE ")) {
                String[] f = line.split(" ", 8);
                if (!wellFormed(f)) {
                    continue; // the last line of a sitting that was killed mid-write: that case runs again
                }
                int index = Integer.parseInt(f[1]);
                if (index < count && done.add(index)) {
                    tally(f);
                }
            } else if (line.startsWith("SITTING ")) {
                earlierSeconds += sitting;
                sitting = 0;
                sittings.add(line.substring("SITTING ".length()));
            } else if (line.matches("PROGRESS [0-9]+(\\.[0-9]+)?")) {
                sitting = Double.parseDouble(line.substring("PROGRESS ".length()));
            }
        }
        earlierSeconds += sitting;
    }

    private static boolean endsMidLine(Path file) throws IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return false;
            }
            raf.seek(raf.length() - 1);
            return raf.read() != '\n';
        }
    }

    private static boolean wellFormed(String[] f) {
        if (f.length < 6 || !f[1].matches("[0-9]{1,10}")) {
            return false;
        }
        try {
            Outcome.valueOf(f[2]);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Cases {@code [from, to)} the journal lacks, through as many workers as hangs and errors need. */
    private void runBlock(long seed, int from, int to, long bound, String heap, Path findings) throws Exception {
        int next = from;
        while (next < to) {
            synchronized (this) {
                while (next < to && done.contains(next)) {
                    next++;
                }
            }
            if (next >= to) {
                return;
            }
            int end = next;
            synchronized (this) {
                while (end < to && !done.contains(end)) {
                    end++;
                }
            }
            int reached = runWorker(seed, next, end, bound, heap, findings);
            if (reached < next) {
                // the worker died on case `next` without reporting it (a crash, a kill after silence)
                record(new String[] {"CASE", String.valueOf(next), "ERROR", "0", "?", "?", "|", "worker died without a verdict"});
                reached = next;
            }
            next = reached + 1;
        }
    }

    /** Runs one worker over cases {@code [from, to)}; returns the last case it reported. */
    private int runWorker(long seed, int from, int to, long bound, String heap, Path findings) throws Exception {
        synchronized (this) {
            workersStarted++;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), // cases are written there: a tmpfs spares the disk
                "-cp", System.getProperty("java.class.path"), FuzzWorker.class.getName(),
                String.valueOf(seed), String.valueOf(from), String.valueOf(to), String.valueOf(bound), findings.toString()));
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

    private synchronized void record(String[] f) throws IOException {
        if (!done.add(Integer.parseInt(f[1]))) {
            return;
        }
        tally(f);
        append(String.join(" ", f));
        if (done.size() % 1000 == 0) {
            System.err.println("… " + done.size() + " cases: " + totals);
        }
    }

    private synchronized void append(String line) throws IOException {
        journal.write(line);
        journal.write('\n');
        journal.flush();
    }

    private void tally(String[] f) {
        Outcome o = Outcome.valueOf(f[2]);
        totals.merge(o, 1, Integer::sum);
        byMutation.computeIfAbsent(f.length > 5 ? f[5] : "?", k -> new EnumMap<>(Outcome.class)).merge(o, 1, Integer::sum);
        if (!o.acceptable()) {
            String sig = f.length > 7 ? f[7] : o.name();
            signatures.merge(sig.length() > 160 ? sig.substring(0, 160) : sig, 1, Integer::sum);
        }
    }

    private String summary(int count, long seed, long bound, String heap, int workers, int ran, double seconds,
                           Instant started) {
        StringBuilder s = new StringBuilder();
        s.append("image-assert fuzz campaign: ").append(done.size()).append(" of ").append(count).append(" cases, seed ")
                .append(seed).append(", bound ").append(bound).append(" ms per case, ").append(heap).append(" heap per worker, ")
                .append(workers).append(" at once, ").append(workersStarted).append(" worker JVM(s) this sitting\n");
        s.append("sittings:\n");
        sittings.forEach(line -> s.append("  ").append(line).append('\n'));
        s.append("  ").append(started).append(" (this one)\n");
        s.append("machine: ").append(Machine.describe()).append('\n');
        s.append(String.format(java.util.Locale.ROOT, "this sitting: %d cases in %.0f s, %.1f cases/s%n", ran, seconds, ran / seconds));
        s.append(String.format(java.util.Locale.ROOT, "all sittings: %.0f s%n", earlierSeconds + seconds));
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

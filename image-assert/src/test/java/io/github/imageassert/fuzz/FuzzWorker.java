package io.github.imageassert.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs cases {@code [from, to)} of a campaign in this JVM, one line per case on stdout:
 * {@code CASE <index> <outcome> <millis> <signature>}. After a HANG or an ERROR it exits with status 3, since a thread
 * that will not stop or a heap that ran out leaves this JVM unfit for the next case; the campaign starts a new one.
 *
 * <pre>FuzzWorker SEED FROM TO BOUND_MS FINDINGS_DIR</pre>
 * <pre>FuzzWorker --replay SEED INDEX [BOUND_MS]   (keeps the case under target/fuzz-findings/replay-SEED-INDEX)</pre>
 */
public final class FuzzWorker {

    private FuzzWorker() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--replay")) {
            replay(Long.parseLong(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Long.parseLong(args[3]) : 20_000);
            return;
        }
        long seed = Long.parseLong(args[0]);
        int from = Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        long bound = Long.parseLong(args[3]);
        FindingWriter findings = new FindingWriter(Path.of(args[4]));
        Path work = Files.createTempDirectory("image-assert-fuzz-");
        try {
            for (int i = from; i < to; i++) {
                FuzzCase c = FuzzCase.generate(seed, i, work);
                Verdict v;
                try {
                    v = c.run(bound);
                } catch (OutOfMemoryError e) {
                    v = new Verdict(Outcome.ERROR, Oracle.describe(e), 0);
                }
                if (!v.outcome().acceptable()) {
                    findings.write(c, v);
                }
                c.delete();
                System.out.println("CASE " + i + " " + v.outcome() + " " + v.millis() + " " + c.kind + " " + c.mutation.name
                        + (v.outcome().acceptable() ? "" : " | " + v.signature()));
                System.out.flush();
                if (v.outcome() == Outcome.HANG || v.outcome() == Outcome.ERROR) {
                    FuzzCase.deleteTree(work);
                    System.exit(3);
                }
            }
        } finally {
            FuzzCase.deleteTree(work);
        }
    }

    private static void replay(long seed, int index, long bound) throws Exception {
        Path dir = Path.of("target", "fuzz-findings", "replay-" + seed + "-" + index);
        FuzzCase.deleteTree(dir);
        Files.createDirectories(dir);
        FuzzCase c = FuzzCase.generate(seed, index, dir);
        System.out.println(c.describe());
        Verdict v = c.run(bound);
        System.out.println("outcome " + v.outcome() + " after " + v.millis() + " ms" + (v.detail() == null ? "" : "\n" + v.detail()));
        System.exit(v.outcome().acceptable() ? 0 : 1);
    }
}

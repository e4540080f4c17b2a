package io.github.imageassert.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one named finding of issue 14 in this JVM and prints {@code VERDICT <outcome> <millis>} and the detail; the
 * regression test starts it with a 256 MB heap for findings that may exhaust memory or hang.
 *
 * <pre>FindingMain NAME BOUND_MS [WORK_PARENT]</pre>
 */
public final class FindingMain {

    private FindingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 2 ? Files.createTempDirectory(Path.of(args[2]), "finding-")
                : Files.createTempDirectory("image-assert-finding-");
        Verdict v;
        try {
            FuzzCase c = Findings.get(args[0]).builder().build(work);
            System.out.println(c.describe());
            v = c.run(Long.parseLong(args[1]));
        } catch (OutOfMemoryError e) {
            v = new Verdict(Outcome.ERROR, Oracle.describe(e), 0);
        } finally {
            FuzzCase.deleteTree(work);
        }
        System.out.println("VERDICT " + v.outcome() + " " + v.millis());
        System.out.println(v.detail() == null ? "" : v.detail());
        System.out.flush();
        System.exit(0); // a worker thread over its bound may still be running
    }
}

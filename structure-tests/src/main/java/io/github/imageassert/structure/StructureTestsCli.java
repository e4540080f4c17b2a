package io.github.imageassert.structure;

import io.github.imageassert.structure.internal.cli.Cli;
import java.io.PrintStream;

/**
 * The command line, a drop-in for {@code container-structure-test test}:
 * <pre>
 * java -jar image-assert-structure-tests-VERSION-cli.jar test --image app:1.0 --config cst.yaml [--config more.yaml]
 *     [--driver docker|tar|oci|registry] [--output text|json|junit] [--test-report report.xml]
 * </pre>
 * Exit codes are CST's: 0 when every test passed, 1 otherwise (a failed test, no test at all, a config or image
 * that cannot be read, a wrong option).
 */
public final class StructureTestsCli {

    private StructureTestsCli() {
    }

    public static void main(String... args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line with these streams instead of the process's; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return Cli.run(out, err, args);
    }
}

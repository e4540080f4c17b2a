package io.github.imageassert.structure.internal.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "image-assert-structure-tests", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs container-structure-test configs (schema 2.0.0 or 1.0.0) against an image.",
        subcommands = {TestCommand.class, VersionCommand.class})
final class RootCommand implements Callable<Integer> {

    final PrintStream out;
    final PrintStream err;

    RootCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("Usage: image-assert-structure-tests test --image REF --config FILE... (see --help)");
        return 1;
    }
}

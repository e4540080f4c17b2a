package io.github.imageassert.structure.internal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** picocli's wiring: CST's exit codes (1 for anything that is not a pass, a wrong option included). */
public final class Cli {

    private Cli() {
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine line = new CommandLine(new RootCommand(out, err));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler((e, a) -> {
            err.println("Error: " + e.getMessage());
            err.println("Run with --help for the options.");
            return 1;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return line.execute(args);
    }
}

package io.github.imageassert.structure.internal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "version", description = "Prints the version.")
final class VersionCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        root.out.println(new VersionProvider().getVersion()[0]);
        return 0;
    }
}

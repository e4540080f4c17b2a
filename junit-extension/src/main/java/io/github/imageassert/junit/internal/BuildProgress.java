package io.github.imageassert.junit.internal;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Where a build's progress goes: the SLF4J logger {@value #LOGGER}, or, when SLF4J has no provider (it then
 * prints "No SLF4J providers were found" and discards everything), standard error, so that a build of minutes
 * is never silent on a project that has no logging set up.
 */
final class BuildProgress {

    static final String LOGGER = "io.github.imageassert.build";
    static final String PREFIX = "[image-assert] ";
    private static final AtomicBoolean EXPLAINED = new AtomicBoolean();

    private final Logger log;
    private final Supplier<PrintStream> console;
    private final AtomicBoolean explained;

    private BuildProgress(Logger log, Supplier<PrintStream> console, AtomicBoolean explained) {
        this.log = log;
        this.console = console;
        this.explained = explained;
    }

    /** SLF4J as it is bound in this JVM; standard error as it is when a line is written (Surefire swaps it per test). */
    static BuildProgress detect() {
        return of(LoggerFactory.getILoggerFactory(), () -> System.err, EXPLAINED);
    }

    static BuildProgress of(ILoggerFactory factory, Supplier<PrintStream> console, AtomicBoolean explained) {
        return factory instanceof NOPLoggerFactory ? new BuildProgress(null, console, explained)
                : new BuildProgress(factory.getLogger(LOGGER), console, explained);
    }

    boolean toConsole() {
        return log == null;
    }

    void info(String message) {
        if (log != null) {
            log.info(message);
            return;
        }
        PrintStream out = console.get();
        if (explained.compareAndSet(false, true)) {
            out.println(PREFIX + "SLF4J has no provider, so build progress is written here. To route it through your logging "
                    + "instead, add one at test scope, e.g. org.slf4j:slf4j-simple (logger " + LOGGER + ").");
        }
        out.println(PREFIX + message);
    }

    void error(String message) {
        if (log != null) {
            log.error(message);
        } else {
            info(message);
        }
    }
}

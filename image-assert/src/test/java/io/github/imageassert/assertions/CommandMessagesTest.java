package io.github.imageassert.assertions;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.run.CommandResult;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pins the full text of the command assertions' messages, on results built by hand. */
class CommandMessagesTest {

    static final CommandResult FAILED = new CommandResult("msg:1", List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
            3, "out\n", "err\n", OptionalLong.empty(), OptionalLong.empty(), Duration.ofMillis(210));
    static final CommandResult ROOT = new CommandResult("msg:1", List.of("sleep", "3"), 0, "", "",
            OptionalLong.of(0), OptionalLong.of(0), Duration.ofSeconds(3));

    private static String text(String format) {
        return format.formatted();
    }

    @Test
    void shouldHaveExitCode() {
        assertThatThrownBy(() -> assertThat(FAILED).succeeds()).hasMessage(text(
                "%nExpecting image:%n  msg:1%nrunning:%n  sh -c 'echo out; echo err >&2; exit 3'%nto exit with code:%n  0%n"
                        + "but it exited with code 3 after 0.21 s, with stdout:%n  out%nand stderr:%n  err"));
        assertThatThrownBy(() -> assertThat(ROOT).hasExitCode(1)).hasMessage(text(
                "%nExpecting image:%n  msg:1%nrunning:%n  sleep 3%nto exit with code:%n  1%n"
                        + "but it exited with code 0 after 3.00 s, with nothing on stdout%nand nothing on stderr"));
    }

    @Test
    void shouldHaveOutput() {
        assertThatThrownBy(() -> assertThat(FAILED).hasStdout("in")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nrunning:%n  sh -c 'echo out; echo err >&2; exit 3'%nto print on stdout exactly:%n"
                        + "  \"in\"%nbut it printed stdout:%n  out%nand stderr:%n  err%nand exited with code 3"));
        assertThatThrownBy(() -> assertThat(FAILED).stderrContains("warn")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nrunning:%n  sh -c 'echo out; echo err >&2; exit 3'%nto print on stderr text containing:%n"
                        + "  \"warn\"%nbut it printed stderr:%n  err%nand stdout:%n  out%nand exited with code 3"));
        assertThatThrownBy(() -> assertThat(ROOT).stdoutMatches("^\\d+$")).hasMessage(text(
                "%nExpecting image:%n  msg:1%nrunning:%n  sleep 3%nto print on stdout text matching the regex:%n"
                        + "  ^\\d+$%nbut it printed nothing on stdout%nand nothing on stderr%nand exited with code 0"));
    }

    @Test
    void longOutputShowsItsLastLines() {
        String many = IntStream.rangeClosed(1, 25).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
        CommandResult chatty = new CommandResult("msg:1", List.of("seq"), 1, many, "", OptionalLong.empty(),
                OptionalLong.empty(), Duration.ZERO);

        assertThatThrownBy(() -> assertThat(chatty).succeeds()).hasMessageContaining(text(
                "with stdout (last 20 of 25 lines):%n  line 6%n"))
                .hasMessageContaining(text("  line 25%nand nothing on stderr"));
    }

    @Test
    void shouldHaveRunAsUid() {
        assertThatThrownBy(() -> assertThat(ROOT).ranAsUid(10001)).hasMessage(text(
                "%nExpecting image:%n  msg:1%nrunning:%n  sleep 3%nto run as uid:%n  10001%n"
                        + "but the engine saw its main process run as uid 0 (gid 0)"));
        assertThatThrownBy(() -> assertThat(ROOT).ranAsNonRoot()).hasMessage(text(
                "%nExpecting image:%n  msg:1%nrunning:%n  sleep 3%nto run as a non-root uid,%n"
                        + "but the engine saw its main process run as uid 0 (gid 0)"));
        assertThatThrownBy(() -> assertThat(FAILED).ranAsNonRoot()).hasMessage(text(
                "%nExpecting image:%n  msg:1%nrunning:%n  sh -c 'echo out; echo err >&2; exit 3'%nto run as a non-root uid,%n"
                        + "but its uid was not observed: the command ended after 0.21 s (exit code 3), before the engine could be asked.%n"
                        + "Assert the uid on a command that keeps running for a moment, e.g. \"sleep 2\", or the image's server."));
    }

    @Test
    void passingAssertionsChain() {
        assertThat(FAILED).hasExitCode(3).hasStdout("out").hasStdout("out\n").stdoutContains("ou").stdoutMatches("^o.t$")
                .hasStderr("err").stderrContains("rr").stderrMatches("e+rr?");
        assertThat(ROOT).succeeds().hasStdout("").ranAsUid(0);
    }
}

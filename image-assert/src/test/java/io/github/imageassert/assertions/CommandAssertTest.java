package io.github.imageassert.assertions;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.run.CommandResult;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Command assertions pass on results built by hand; their failure messages are pinned in the message catalog. */
class CommandAssertTest {

    static final CommandResult FAILED = new CommandResult("msg:1", List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
            3, "out\n", "err\n", OptionalLong.empty(), OptionalLong.empty(), Duration.ofMillis(210));
    static final CommandResult ROOT = new CommandResult("msg:1", List.of("sleep", "3"), 0, "", "",
            OptionalLong.of(0), OptionalLong.of(0), Duration.ofSeconds(3));

    @Test
    void passingAssertionsChain() {
        assertThat(FAILED).hasExitCode(3).hasStdout("out").hasStdout("out\n").stdoutContains("ou").stdoutMatches("^o.t$")
                .hasStderr("err").stderrContains("rr").stderrMatches("e+rr?");
        assertThat(ROOT).succeeds().hasStdout("").ranAsUid(0);
    }
}

package io.github.imageassert.internal.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stages, instructions and the lines they span, read the way BuildKit reads a Dockerfile. */
class DockerfileTest {

    @Test
    void instructionsKeepTheirFirstAndLastLineAcrossContinuationsCommentsAndBlankLines() {
        Dockerfile parsed = Dockerfile.parse("""
                # syntax and comments before anything
                ARG BASE=debian
                FROM ${BASE}:bookworm-slim AS Build
                RUN apt-get update \\
                # a comment inside the continuation

                 && apt-get install -y gcc
                COPY . /src
                FROM build AS runtime
                USER 1000
                """);

        assertThat(parsed.stages()).extracting(Dockerfile.Stage::name).containsExactly("build", "runtime");
        Dockerfile.Stage build = parsed.stages().get(0);
        assertThat(build.base()).isEqualTo("${BASE}:bookworm-slim");
        assertThat(build.from().line()).isEqualTo(3);
        assertThat(build.instructions()).extracting(Dockerfile.Instruction::keyword, Dockerfile.Instruction::line,
                Dockerfile.Instruction::endLine).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RUN", 4, 7), org.assertj.core.groups.Tuple.tuple("COPY", 8, 8));
        assertThat(build.instructions().get(0).text(200)).isEqualTo("RUN apt-get update && apt-get install -y gcc");
        assertThat(parsed.chain(parsed.stage("RUNTIME").orElseThrow())).extracting(Dockerfile.Stage::name)
                .containsExactly("build", "runtime");
        assertThat(parsed.stage("").orElseThrow().name()).isEqualTo("runtime");
    }

    @Test
    void theEscapeDirectiveHeredocsAndAByteOrderMarkAreRead() {
        Dockerfile parsed = Dockerfile.parse("\uFEFF# escape=`\r\nFROM mcr/windows AS w\r\nRUN dir `\r\n  c:\\\r\n"
                + "COPY <<EOF /a.txt\r\nFROM inside heredoc\r\nEOF\r\nRUN <<-ONE <<TWO\r\n\techo one\r\nONE\r\necho two\r\nTWO\r\n"
                + "WORKDIR c:\\\\\r\nUSER x\r\n");

        List<Dockerfile.Instruction> instructions = parsed.stages().get(0).instructions();
        assertThat(parsed.stages()).hasSize(1);
        assertThat(instructions).extracting(Dockerfile.Instruction::keyword, Dockerfile.Instruction::line,
                Dockerfile.Instruction::endLine).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RUN", 3, 4), org.assertj.core.groups.Tuple.tuple("COPY", 5, 7),
                org.assertj.core.groups.Tuple.tuple("RUN", 8, 12), org.assertj.core.groups.Tuple.tuple("WORKDIR", 13, 13),
                org.assertj.core.groups.Tuple.tuple("USER", 14, 14));
        assertThat(instructions.get(1).arguments()).contains("FROM inside heredoc");
    }

    @Test
    void unnamedStagesAreLabelledByTheirIndex() {
        Dockerfile parsed = Dockerfile.parse("FROM busybox:stable\nRUN true\nFROM 0\nRUN false\n");

        assertThat(parsed.stages()).extracting(Dockerfile.Stage::label).containsExactly("stage 0", "stage 1");
        assertThat(parsed.stage(null).orElseThrow().index()).isEqualTo(1);
    }
}

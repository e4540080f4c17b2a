package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.imageassert.internal.dockerfile.Dockerfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The stage list follows BuildKit's parser on Dockerfiles as people write them (src/test/docker/written): each of
 * these shapes made the old line splitter reject a valid target, invent a stage, or fail to read the file.
 */
class WrittenDockerfileParsingTest {

    private static final Path WRITTEN = Path.of("src/test/docker/written");

    private static Dockerfile written(String shape) throws Exception {
        return Dockerfile.parse(Dockerfile.read(WRITTEN.resolve(shape).resolve("Dockerfile")));
    }

    @Test
    void theEscapeDirectiveMakesABackslashAPathCharacter() throws Exception {
        // GIVEN a Windows-style Dockerfile (CRLF) whose ENV line before the second FROM ends in a backslash
        assertThat(Files.readString(WRITTEN.resolve("windows-escape/Dockerfile"))).contains("C:\\app\\\r\nFROM busybox:stable AS runtime");

        Dockerfile parsed = written("windows-escape");

        // THEN the backslash ends no line: the backtick does, and both stages are there
        assertThat(parsed.escape()).isEqualTo('`');
        assertThat(parsed.stageNames()).containsExactly("builder", "runtime");
        assertThat(parsed.stages()).extracting(s -> s.from().line()).containsExactly(4, 9);
    }

    @Test
    void aByteOrderMarkDoesNotHideTheFirstFrom() throws Exception {
        assertThat(Files.readAllBytes(WRITTEN.resolve("bom/Dockerfile"))).startsWith(0xEF, 0xBB, 0xBF);

        assertThat(written("bom").stageNames()).containsExactly("builder", "runtime");
        // and text given with the mark still in it
        assertThat(Dockerfile.parse("\uFEFFFROM busybox:stable AS builder\n").stageNames()).containsExactly("builder");
    }

    @Test
    void theWindows1252DockerfileIsNotUtf8() {
        // what the extension used to read it with, and failed: "Reading .../Dockerfile"
        assertThatThrownBy(() -> Files.readString(WRITTEN.resolve("windows-1252/Dockerfile")))
                .isInstanceOf(java.nio.charset.MalformedInputException.class);
    }

    @Test
    void aWindows1252DockerfileIsDecodedAsWindows1252() throws Exception {
        String text = Dockerfile.read(WRITTEN.resolve("windows-1252/Dockerfile"));

        assertThat(text).contains("caf\u00e9, l\u2019app").contains("R\u00e9sum\u00e9");
        assertThat(Dockerfile.parse(text).stageNames()).containsExactly("builder", "runtime");
    }

    @Test
    void utf8StaysUtf8() {
        assertThat(Dockerfile.decode("# caf\u00e9 \u2014 \u65e5\u672c\nFROM a AS b\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("# caf\u00e9 \u2014 \u65e5\u672c\nFROM a AS b\n");
        assertThat(Dockerfile.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'F', 'R', 'O', 'M'})).isEqualTo("FROM");
    }

    @Test
    void heredocBodiesAreTextNotInstructions() throws Exception {
        Dockerfile parsed = written("heredocs");

        // THEN "FROM scratch AS packaged" inside COPY <<EOF is no stage
        assertThat(parsed.stageNames()).containsExactly("builder", "runtime");
        assertThat(parsed.heredocs()).extracting(Dockerfile.Heredoc::instruction, Dockerfile.Heredoc::name,
                        Dockerfile.Heredoc::line, Dockerfile.Heredoc::firstBodyLine, Dockerfile.Heredoc::terminatorLine)
                .containsExactly(
                        tuple("COPY", "EOF", 4, 5, 8),
                        tuple("RUN", "EOT", 9, 10, 13),
                        tuple("COPY", "one.txt", 15, 16, 17),
                        tuple("COPY", "two.txt", 15, 18, 19),
                        tuple("RUN", "A", 20, 21, 22),
                        tuple("RUN", "B", 20, 23, 24));
        assertThat(parsed.heredocAt(6)).map(Dockerfile.Heredoc::name).hasValue("EOF");
        assertThat(parsed.heredocAt(14)).isEmpty();
    }

    @Test
    void heredocsAreOnlyWhereBuildKitReadsThem() {
        String text = """
                FROM busybox:stable AS a
                RUN ["sh", "-c", "cat <<EOF"]
                RUN echo "<<EOF" > /x
                RUN cat<<EOF
                LABEL x=y
                FROM busybox:stable AS b
                ONBUILD COPY <<EOF /x
                FROM scratch AS inside
                EOF
                RUN <<-EOT
                \tFROM scratch AS inside
                \tEOT
                FROM busybox:stable AS c
                RUN <<EOF
                FROM scratch AS unterminated
                """;

        Dockerfile parsed = Dockerfile.parse(text);

        // JSON form, a quoted word and cmd<<EOF start no heredoc; ONBUILD COPY and <<- (tab before the terminator) do
        assertThat(parsed.stageNames()).containsExactly("a", "b", "c");
        assertThat(parsed.heredocs()).extracting(Dockerfile.Heredoc::line).containsExactly(7, 10, 14);
    }

    @Test
    void unnamedStagesHaveNoNameNotANumber() throws Exception {
        Dockerfile parsed = written("unnamed-stages");

        assertThat(parsed.stages()).extracting(Dockerfile.Stage::index, Dockerfile.Stage::name, Dockerfile.Stage::base,
                s -> s.from().line()).containsExactly(tuple(0, null, "busybox:stable", 2), tuple(1, "builder", "busybox:stable", 5),
                tuple(2, null, "busybox:stable", 9));
        assertThat(parsed.stageNames()).containsExactly("builder");
        assertThat(parsed.stage("1")).isEmpty();
        assertThat(parsed.stage("0")).isEmpty();
        assertThat(parsed.stage("BUILDER")).map(Dockerfile.Stage::index).hasValue(1);
        assertThat(parsed.last().describe()).isEqualTo("stage 2 (FROM busybox:stable, line 9, unnamed)");
    }

    @Test
    void continuationsCommentsAndDirectivesFollowBuildKit() throws Exception {
        Dockerfile parsed = written("continuations");

        // a comment ending in a backslash and a blank line inside a continuation do not end it; an escaped backslash
        // at the end of a line does not continue it; the escape directive after a comment is a comment;
        // lower-case, indented instructions count; names are kept in lower case, as BuildKit does
        assertThat(parsed.escape()).isEqualTo('\\');
        assertThat(parsed.stageNames()).containsExactly("builder", "tools", "runtime");
        assertThat(parsed.stages()).extracting(s -> s.from().line()).containsExactly(6, 13, 14);
    }

    @Test
    void parserDirectivesCountOnlyAtTheTop() {
        String body = "FROM busybox:stable AS one\nENV DIR=C:\\dir\\\nFROM busybox:stable AS two\n";

        assertThat(Dockerfile.parse("# escape=`\n" + body).stageNames()).as("directive").containsExactly("one", "two");
        assertThat(Dockerfile.parse("# syntax=docker/dockerfile:1\n#escape = `\n" + body).stageNames())
                .as("after the syntax directive, spaced").containsExactly("one", "two");
        assertThat(Dockerfile.parse("\n# escape=`\n" + body).stageNames()).as("after a blank line").containsExactly("one");
        assertThat(Dockerfile.parse("# a comment\n# escape=`\n" + body).stageNames()).as("after a comment").containsExactly("one");
        assertThat(Dockerfile.parse("# other=x\n# escape=`\n" + body).stageNames()).as("after an unknown directive")
                .containsExactly("one");
        assertThat(Dockerfile.parse("# escape=`\r\n" + body.replace("\n", "\r\n")).stageNames()).as("CRLF")
                .containsExactly("one", "two");
    }

    @Test
    void fromFlagsAndCaseAreBuildKits() {
        Dockerfile parsed = Dockerfile.parse("""
                ARG BASE=busybox:stable
                FROM --platform=$BUILDPLATFORM ${BASE} AS Build
                from busybox:stable
                FROM busybox:stable as final
                """);

        assertThat(parsed.stages()).extracting(Dockerfile.Stage::name, Dockerfile.Stage::base)
                .containsExactly(tuple("build", "${BASE}"), tuple(null, "busybox:stable"), tuple("final", "busybox:stable"));
    }

    @Test
    void builderFlagsAreRecordedWithTheirLine() throws Exception {
        assertThat(written("copy-link").flags()).extracting(Dockerfile.Flag::instruction, Dockerfile.Flag::name, Dockerfile.Flag::line)
                .containsExactly(tuple("COPY", "link", 5), tuple("COPY", "from", 5));
    }
}

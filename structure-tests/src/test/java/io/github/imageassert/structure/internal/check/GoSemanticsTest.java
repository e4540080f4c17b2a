package io.github.imageassert.structure.internal.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Go behaviours CST's verdicts rest on: RE2 matching, FileMode.String(), os.Expand, .env files. */
class GoSemanticsTest {

    private static FileEntry entry(FileType type, int mode) {
        return new FileEntry("/x", type, mode, 0, 0, 0, null, 0, 0);
    }

    @Test
    void fileModesPrintAsGoPrintsThem() {
        assertThat(GoFileMode.of(entry(FileType.REGULAR, 0755))).isEqualTo("-rwxr-xr-x");
        assertThat(GoFileMode.of(entry(FileType.REGULAR, 0644))).isEqualTo("-rw-r--r--");
        assertThat(GoFileMode.of(entry(FileType.HARDLINK, 0600))).isEqualTo("-rw-------");
        assertThat(GoFileMode.of(entry(FileType.DIRECTORY, 0755))).isEqualTo("drwxr-xr-x");
        assertThat(GoFileMode.of(entry(FileType.SYMLINK, 0644))).isEqualTo("Lrwxrwxrwx");
        assertThat(GoFileMode.of(entry(FileType.REGULAR, 04755))).isEqualTo("urwxr-xr-x");
        assertThat(GoFileMode.of(entry(FileType.REGULAR, 02755))).isEqualTo("grwxr-xr-x");
        assertThat(GoFileMode.of(entry(FileType.REGULAR, 06755))).isEqualTo("ugrwxr-xr-x");
        assertThat(GoFileMode.of(entry(FileType.DIRECTORY, 01777))).isEqualTo("dtrwxrwxrwx");
        assertThat(GoFileMode.of(entry(FileType.DIRECTORY, 02775))).isEqualTo("dgrwxrwxr-x");
        assertThat(GoFileMode.of(entry(FileType.CHAR_DEVICE, 0666))).isEqualTo("Dcrw-rw-rw-");
        assertThat(GoFileMode.of(entry(FileType.BLOCK_DEVICE, 0660))).isEqualTo("Drw-rw----");
        assertThat(GoFileMode.of(entry(FileType.FIFO, 0644))).isEqualTo("prw-r--r--");
        assertThat(GoFileMode.of(entry(FileType.REGULAR, 0))).isEqualTo("----------");
    }

    @Test
    void regexesAreFoundAnywhereWithGosFlags() {
        assertThat(GoRegex.find("hello", "say hello world")).isTrue();
        assertThat(GoRegex.find("^world", "hello\nworld")).isFalse();
        assertThat(GoRegex.find("(?m)^world$", "hello\nworld\n")).isTrue();
        assertThat(GoRegex.find("hello.world", "hello\nworld")).isFalse();
        assertThat(GoRegex.find("(?s)hello.world", "hello\nworld")).isTrue();
        assertThat(GoRegex.find("\\d+\\.\\d+", "version 1.25")).isTrue();
        assertThat(GoRegex.find("", "")).isTrue();
        assertThat(GoRegex.find("\\Ahello\\z", "hello")).isTrue();
        assertThat(GoRegex.find("(?P<v>\\d+)", "v1")).isTrue();
        assertThat(GoRegex.find("\\p{Greek}", "αβγ")).isTrue();
        // Go's \z is the very end; $ without (?m) is the end too (Go has no "before a final newline" rule)
        assertThat(GoRegex.find("hello$", "hello\n")).isFalse();
        // invalid UTF-8 is one U+FFFD per byte, as Go reads it
        assertThat(GoRegex.find("a\\x{FFFD}b", new byte[] {'a', (byte) 0xff, 'b'})).isTrue();
        assertThat(GoRegex.find("é", "café".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void whatJavaAcceptsAndGoRefusesIsRefused() {
        assertThatThrownBy(() -> GoRegex.find("(a)\\1", "aa")).isInstanceOf(GoRegex.InvalidRegexException.class)
                .hasMessageStartingWith("invalid regular expression '(a)\\1' (Go's RE2 syntax): ");
        assertThatThrownBy(() -> GoRegex.find("foo(?=bar)", "foobar")).isInstanceOf(GoRegex.InvalidRegexException.class);
        assertThatThrownBy(() -> GoRegex.find("a++", "aa")).isInstanceOf(GoRegex.InvalidRegexException.class);
        assertThatThrownBy(() -> GoRegex.find("[", "[")).isInstanceOf(GoRegex.InvalidRegexException.class);
    }

    @Test
    void expandIsGosOsExpand() {
        Map<String, String> env = Map.of("HOME", "/root", "A_B", "x", "1", "one");
        assertThat(GoExpand.expand("$HOME/bin", env)).isEqualTo("/root/bin");
        assertThat(GoExpand.expand("${HOME}bin", env)).isEqualTo("/rootbin");
        assertThat(GoExpand.expand("$UNSET-x", env)).isEqualTo("-x");
        assertThat(GoExpand.expand("$A_B.c", env)).isEqualTo("x.c");
        assertThat(GoExpand.expand("$$", env)).isEqualTo("");
        assertThat(GoExpand.expand("$1x", env)).isEqualTo("onex");
        assertThat(GoExpand.expand("cost: 5$", env)).isEqualTo("cost: 5$");
        assertThat(GoExpand.expand("a $ b", env)).isEqualTo("a $ b");
        assertThat(GoExpand.expand("${}x", env)).isEqualTo("x");
        assertThat(GoExpand.expand("${HOME", env)).isEqualTo("HOME");
        assertThat(GoExpand.expand("no vars", env)).isEqualTo("no vars");
        assertThat(GoExpand.expand("$-", env)).isEqualTo("");
    }

    @Test
    void envFilesReadAsGodotenvReadsThem() {
        Map<String, String> vars = Dotenv.parse("""
                # a comment
                PLAIN=value
                export EXPORTED=yes
                SPACED = padded   # trailing comment
                SINGLE='$PLAIN stays'
                DOUBLE="line\\nnext $PLAIN"
                YAMLISH: colon
                URL=http://example.invalid:8080/x
                FROM_HOST=${HOST_ONLY}
                EMPTY=
                """, name -> name.equals("HOST_ONLY") ? "from-host" : null);
        assertThat(vars).containsEntry("PLAIN", "value").containsEntry("EXPORTED", "yes")
                .containsEntry("SPACED", "padded").containsEntry("SINGLE", "$PLAIN stays")
                .containsEntry("DOUBLE", "line\nnext value").containsEntry("YAMLISH", "colon")
                .containsEntry("URL", "http://example.invalid:8080/x").containsEntry("FROM_HOST", "from-host")
                .containsEntry("EMPTY", "");
        assertThatThrownBy(() -> Dotenv.parse("not a pair\n", n -> null)).hasMessageContaining("line 1");
    }
}

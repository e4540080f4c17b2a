package io.github.imageassert.junit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dockerfile by the rules of BuildKit's parser, for what the extension needs before a build: the stages
 * (to check a {@code --target} and name what exists) and the syntax a builder must know (heredocs, flags), to explain
 * a builder that is too old for it. The rules: a UTF-8 byte order mark is dropped; parser directives
 * ({@code # escape=}, {@code # syntax=}, {@code # check=}) count only before anything else, a blank line included;
 * the escape character ({@code \} or {@code `}) continues a line when it ends it, unless it is itself escaped;
 * comment lines and blank lines inside a continuation are skipped; {@code RUN}, {@code COPY} and {@code ADD} (also
 * under {@code ONBUILD}) in shell form may start heredocs, several on one line, whose bodies are text, not
 * instructions, up to their terminator ({@code <<-} strips leading tabs before comparing it).
 */
final class Dockerfiles {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> DIRECTIVES = Set.of("escape", "syntax", "check");
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Dockerfiles() {
    }

    /** A {@code FROM}: its name as BuildKit keeps it (lower case), or null; the image it starts from; its line. */
    record Stage(int index, String name, String base, int line) {

        boolean named() {
            return name != null;
        }

        /** {@code builder}, or {@code stage 3 (FROM scratch, line 12, unnamed)}. */
        String describe() {
            return named() ? name : "stage " + index + " (FROM " + base + ", line " + line + ", unnamed)";
        }
    }

    /** A heredoc: the instruction that opened it, on {@code line}, and its body's lines up to its terminator. */
    record Heredoc(String instruction, String name, int line, int firstBodyLine, int terminatorLine) {

        boolean holds(int lineNumber) {
            return lineNumber >= firstBodyLine && lineNumber <= terminatorLine;
        }
    }

    /** A builder flag on an instruction, e.g. {@code COPY --link} on line 7: {@code ("COPY", "link", 7)}. */
    record Flag(String instruction, String name, int line) {
    }

    /** What the parser found. {@code escape} is the escape character in effect. */
    /**
     * One instruction as written, continuations joined.
     *
     * @param stage the index of the stage it is in, -1 before the first FROM (global ARGs)
     * @param args  what follows the keyword
     */
    record Instruction(int stage, String keyword, String args, int line) {
    }

    record Parsed(char escape, List<Stage> stages, List<Heredoc> heredocs, List<Flag> flags, List<Instruction> instructions) {

        List<String> stageNames() {
            return stages.stream().filter(Stage::named).map(Stage::name).toList();
        }

        List<Stage> unnamedStages() {
            return stages.stream().filter(s -> !s.named()).toList();
        }

        /** The stage a {@code --target} selects: by name, ignoring case, as BuildKit does; never by number. */
        Optional<Stage> stage(String target) {
            return stages.stream().filter(s -> s.named() && s.name().equalsIgnoreCase(target)).findFirst();
        }

        Stage last() {
            return stages.get(stages.size() - 1);
        }

        Optional<Heredoc> heredocAt(int line) {
            return heredocs.stream().filter(h -> h.holds(line)).findFirst();
        }

        Optional<Flag> flag(String name) {
            return flags.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /**
     * The file's text: UTF-8 when it is valid UTF-8 (a byte order mark dropped), otherwise windows-1252, what an
     * editor on Windows writes (a comment with {@code é} or {@code ’}). BuildKit itself reads bytes; only the
     * structure matters here, and that is ASCII.
     */
    static String read(Path dockerfile) throws IOException {
        return decode(Files.readAllBytes(dockerfile));
    }

    static String decode(byte[] bytes) {
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            Charset fallback = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
            return fallback.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString(); // replaces what it cannot map
        }
    }

    static Parsed parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        char escape = '\\';
        boolean directivesDone = false;
        List<String> seen = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        List<Heredoc> heredocs = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String first = lines[i].stripLeading();
            int start = ++i;
            if (!directivesDone) {
                Matcher m = DIRECTIVE.matcher(first);
                String key = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
                if (key != null && DIRECTIVES.contains(key) && !seen.contains(key)) {
                    seen.add(key);
                    if (key.equals("escape") && (m.group(2).equals("`") || m.group(2).equals("\\"))) {
                        escape = m.group(2).charAt(0);
                    }
                    continue;
                }
                directivesDone = true;
            }
            if (first.startsWith("#")) {
                continue;
            }
            Continued part = continued(first, escape);
            if (!part.continues() && part.text().isBlank()) {
                continue;
            }
            StringBuilder logical = new StringBuilder(part.text());
            boolean continues = part.continues();
            while (continues && i < lines.length) {
                String next = lines[i++];
                if (next.stripLeading().startsWith("#") || next.isBlank()) {
                    continue;
                }
                Continued more = continued(next, escape);
                logical.append(more.text());
                continues = more.continues();
            }
            i = instruction(logical.toString(), start, lines, i, stages, heredocs, flags);
            record(logical.toString(), start, stages.size() - 1, instructions);
        }
        return new Parsed(escape, List.copyOf(stages), List.copyOf(heredocs), List.copyOf(flags), List.copyOf(instructions));
    }

    private static void record(String logical, int line, int stage, List<Instruction> out) {
        String text = logical.strip();
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        if (!keyword.isEmpty()) {
            out.add(new Instruction(stage, keyword, space < 0 ? "" : text.substring(space + 1).strip(), line));
        }
    }

    private record Continued(String text, boolean continues) {
    }

    /** A line ends in the escape character, spaces and tabs aside, and that character is not itself escaped. */
    private static Continued continued(String line, char escape) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == escape && (end == 1 || line.charAt(end - 2) != escape)) {
            return new Continued(line.substring(0, end - 1), true);
        }
        return new Continued(line, false);
    }

    /** Records one instruction; returns the index of the next line, past any heredoc bodies it opened. */
    private static int instruction(String line, int lineNumber, String[] lines, int next, List<Stage> stages,
                                   List<Heredoc> heredocs, List<Flag> flags) {
        List<String> words = words(line);
        if (words.isEmpty()) {
            return next;
        }
        String keyword = words.get(0).toUpperCase(Locale.ROOT);
        List<String> rest = words.subList(1, words.size());
        if (keyword.equals("ONBUILD") && !rest.isEmpty()) {
            keyword = rest.get(0).toUpperCase(Locale.ROOT);
            rest = rest.subList(1, rest.size());
        } else if (keyword.equals("FROM")) {
            List<String> args = rest.stream().dropWhile(w -> w.startsWith("--")).toList();
            if (!args.isEmpty()) {
                boolean named = args.size() == 3 && args.get(1).equalsIgnoreCase("as");
                stages.add(new Stage(stages.size(), named ? args.get(2).toLowerCase(Locale.ROOT) : null, args.get(0), lineNumber));
            }
            return next;
        }
        if (!HEREDOC_INSTRUCTIONS.contains(keyword)) {
            return next;
        }
        int argsFrom = 0;
        while (argsFrom < rest.size() && rest.get(argsFrom).startsWith("--") && !rest.get(argsFrom).equals("--")) {
            String flag = rest.get(argsFrom).substring(2);
            int eq = flag.indexOf('=');
            flags.add(new Flag(keyword, (eq < 0 ? flag : flag.substring(0, eq)).toLowerCase(Locale.ROOT), lineNumber));
            argsFrom++;
        }
        List<String> args = rest.subList(argsFrom, rest.size());
        if (!args.isEmpty() && args.get(0).startsWith("[") && String.join(" ", args).strip().endsWith("]")) {
            return next; // JSON form: no heredocs
        }
        for (String word : args) {
            Matcher m = HEREDOC.matcher(word);
            if (!m.matches() || m.group(3).isEmpty()) {
                continue;
            }
            String name = unquoted(m.group(3));
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                continue;
            }
            boolean chomp = m.group(2).equals("-");
            int first = next + 1;
            while (next < lines.length) {
                String candidate = chomp ? lines[next].replaceFirst("^\t+", "") : lines[next];
                next++;
                if (candidate.equals(name)) {
                    break;
                }
            }
            heredocs.add(new Heredoc(keyword, name, lineNumber, first, next));
        }
        return next;
    }

    /** Splits on blanks outside quotes, keeping the quotes: {@code <<"EOF"} stays one word. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word.append(c);
            } else if (Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code "EOF"}, {@code 'EOF'} and {@code E"O"F} all name the terminator {@code EOF}. */
    private static String unquoted(String word) {
        return word.replace("\"", "").replace("'", "");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

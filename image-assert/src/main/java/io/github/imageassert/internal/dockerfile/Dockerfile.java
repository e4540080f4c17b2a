package io.github.imageassert.internal.dockerfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile's stages and instructions with the lines they span, read by the rules of BuildKit's parser: a UTF-8
 * byte order mark is dropped; parser directives ({@code # escape=}, {@code # syntax=}, {@code # check=}) count only
 * before anything else, a blank line included; the escape character ({@code \} or {@code `}) continues a line when it
 * ends it, unless it is itself escaped; comment and blank lines inside a continuation are skipped; {@code RUN},
 * {@code COPY} and {@code ADD} (also under {@code ONBUILD}) in shell form may open heredocs, several on one line, whose
 * bodies belong to the instruction up to their terminator ({@code <<-} strips leading tabs before comparing it).
 * Nothing is evaluated: build arguments stay as written. The one parser of the project: the extension checks targets
 * and explains builders with it, reports map layers to lines with it.
 */
public final class Dockerfile {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> DIRECTIVES = Set.of("escape", "syntax", "check");
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * One instruction.
     *
     * @param keyword   upper case: {@code RUN}, {@code COPY}, {@code FROM}...
     * @param arguments what follows the keyword, continuation lines joined, heredoc bodies after a newline each
     * @param line      its first line, from 1
     * @param endLine   its last line (a continuation's or heredoc's last line)
     * @param stage     index of the stage it belongs to; -1 before the first FROM (global ARGs)
     */
    public record Instruction(String keyword, String arguments, int line, int endLine, int stage) {

        /** {@code RUN npm ci}, on one line, at most {@code max} characters. */
        public String text(int max) {
            String text = (keyword + " " + arguments).replaceAll("\\s+", " ").strip();
            return text.length() <= max ? text : text.substring(0, Math.max(0, max - 3)) + "...";
        }
    }

    /**
     * A stage: its FROM and what follows it.
     *
     * @param name the {@code AS} name in lower case (BuildKit compares names ignoring case), or null for an unnamed stage
     * @param base the image or stage it starts from, as written
     * @param from its FROM instruction
     */
    public record Stage(int index, String name, String base, Instruction from, List<Instruction> instructions) {

        public Stage {
            instructions = List.copyOf(instructions);
        }

        public boolean named() {
            return name != null;
        }

        /** The name, or {@code stage N} for an unnamed one. */
        public String label() {
            return named() ? name : "stage " + index;
        }

        /** {@code builder}, or {@code stage 3 (FROM scratch, line 12, unnamed)}. */
        public String describe() {
            return named() ? name : "stage " + index + " (FROM " + base + ", line " + from.line() + ", unnamed)";
        }
    }

    /** A heredoc: the instruction that opened it, on {@code line}, and its body's lines up to its terminator. */
    public record Heredoc(String instruction, String name, int line, int firstBodyLine, int terminatorLine) {

        public boolean holds(int lineNumber) {
            return lineNumber >= firstBodyLine && lineNumber <= terminatorLine;
        }
    }

    /** A builder flag on an instruction, e.g. {@code COPY --link} on line 7: {@code ("COPY", "link", 7)}. */
    public record Flag(String instruction, String name, int line) {
    }

    private final char escape;
    private final List<Stage> stages;
    private final List<Instruction> instructions;
    private final List<Heredoc> heredocs;
    private final List<Flag> flags;

    private Dockerfile(char escape, List<Stage> stages, List<Instruction> instructions, List<Heredoc> heredocs, List<Flag> flags) {
        this.escape = escape;
        this.stages = List.copyOf(stages);
        this.instructions = List.copyOf(instructions);
        this.heredocs = List.copyOf(heredocs);
        this.flags = List.copyOf(flags);
    }

    /**
     * The file's text: UTF-8 when it is valid UTF-8 (a byte order mark dropped), otherwise windows-1252, what an
     * editor on Windows writes (a comment with {@code é} or {@code ’}). BuildKit itself reads bytes; the structure is ASCII.
     */
    public static String read(Path dockerfile) throws IOException {
        return decode(Files.readAllBytes(dockerfile));
    }

    public static String decode(byte[] bytes) {
        boolean bom = bytes.length >= UTF8_BOM.length && Arrays.equals(bytes, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length);
        int start = bom ? UTF8_BOM.length : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            Charset fallback = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
            return fallback.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString(); // replaces what it cannot map
        }
    }

    public static Dockerfile parse(String text) {
        return new Parser(text).parse();
    }

    /** The escape character in effect. */
    public char escape() {
        return escape;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Every instruction in order, the global ones (stage -1) and the FROMs included. */
    public List<Instruction> instructions() {
        return instructions;
    }

    public List<Heredoc> heredocs() {
        return heredocs;
    }

    public List<Flag> flags() {
        return flags;
    }

    public List<String> stageNames() {
        return stages.stream().filter(Stage::named).map(Stage::name).toList();
    }

    public List<Stage> unnamedStages() {
        return stages.stream().filter(s -> !s.named()).toList();
    }

    /** The stage {@code target} names (case does not matter; never a number); the last stage when it is null or empty. */
    public Optional<Stage> stage(String target) {
        if (stages.isEmpty()) {
            return Optional.empty();
        }
        if (target == null || target.isEmpty()) {
            return Optional.of(stages.get(stages.size() - 1));
        }
        return stages.stream().filter(s -> s.named() && s.name().equalsIgnoreCase(target)).findFirst();
    }

    /** The last stage, which a build without a target builds; the file has at least one (a check before a build). */
    public Stage last() {
        if (stages.isEmpty()) {
            throw new IllegalStateException("This Dockerfile has no FROM, so no stage");
        }
        return stages.get(stages.size() - 1);
    }

    public Optional<Heredoc> heredocAt(int line) {
        return heredocs.stream().filter(h -> h.holds(line)).findFirst();
    }

    public Optional<Flag> flag(String name) {
        return flags.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The stages an image built for {@code stage} is made of, the first one first: a stage {@code FROM} an earlier
     * stage continues that stage's image.
     */
    public List<Stage> chain(Stage stage) {
        List<Stage> chain = new ArrayList<>();
        Stage current = stage;
        while (current != null && !chain.contains(current)) {
            chain.add(0, current);
            String base = current.base() == null ? "" : current.base();
            int before = current.index();
            current = stages.stream().filter(s -> s.index() < before && s.named() && s.name().equalsIgnoreCase(base))
                    .reduce((a, b) -> b).orElse(null);
        }
        return chain;
    }

    private static final class Parser {
        private final String[] lines;
        private char escape = '\\';
        private final List<Stage> stages = new ArrayList<>();
        private final List<Instruction> all = new ArrayList<>();
        private final List<Heredoc> heredocs = new ArrayList<>();
        private final List<Flag> flags = new ArrayList<>();
        private final List<Instruction> current = new ArrayList<>();
        private Instruction currentFrom;
        private String currentName;
        private String currentBase;

        Parser(String text) {
            String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.lines = t.split("\r\n|\n|\r", -1);
        }

        Dockerfile parse() {
            int i = directives();
            while (i < lines.length) {
                String first = lines[i].stripLeading();
                int start = i++;
                if (first.startsWith("#")) {
                    continue;
                }
                Continued part = continued(first);
                if (!part.continues() && part.text().isBlank()) {
                    continue;
                }
                StringBuilder logical = new StringBuilder(part.text());
                boolean continues = part.continues();
                int end = start;
                while (continues && i < lines.length) {
                    String next = lines[i++];
                    if (next.stripLeading().startsWith("#") || next.isBlank()) {
                        continue;
                    }
                    end = i - 1;
                    Continued more = continued(next);
                    logical.append(more.text());
                    continues = more.continues();
                }
                StringBuilder bodies = new StringBuilder();
                int afterBodies = heredocs(logical.toString(), start + 1, i, bodies);
                if (afterBodies > i) {
                    end = afterBodies - 1;
                    i = afterBodies;
                }
                add(logical.toString().strip(), bodies.toString(), start + 1, end + 1);
            }
            finishStage();
            return new Dockerfile(escape, stages, all, heredocs, flags);
        }

        /** Parser directives before anything else, each name once; returns the first line after them. */
        private int directives() {
            List<String> seen = new ArrayList<>();
            int i = 0;
            while (i < lines.length) {
                Matcher m = DIRECTIVE.matcher(lines[i].stripLeading());
                String key = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
                if (key == null || !DIRECTIVES.contains(key) || seen.contains(key)) {
                    break;
                }
                seen.add(key);
                if (key.equals("escape") && (m.group(2).equals("`") || m.group(2).equals("\\"))) {
                    escape = m.group(2).charAt(0);
                }
                i++;
            }
            return i;
        }

        private record Continued(String text, boolean continues) {
        }

        /** A line ends in the escape character, spaces and tabs aside, and that character is not itself escaped. */
        private Continued continued(String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            if (end > 0 && line.charAt(end - 1) == escape && (end == 1 || line.charAt(end - 2) != escape)) {
                return new Continued(line.substring(0, end - 1), true);
            }
            return new Continued(line, false);
        }

        /**
         * Records the flags and heredocs of a RUN, COPY or ADD; appends the heredoc bodies to {@code bodies}; returns
         * the index of the line after the last body (or {@code next} when none was opened).
         */
        private int heredocs(String logical, int lineNumber, int next, StringBuilder bodies) {
            List<String> words = words(logical);
            if (words.isEmpty()) {
                return next;
            }
            String keyword = words.get(0).toUpperCase(Locale.ROOT);
            List<String> rest = words.subList(1, words.size());
            if (keyword.equals("ONBUILD") && !rest.isEmpty()) {
                keyword = rest.get(0).toUpperCase(Locale.ROOT);
                rest = rest.subList(1, rest.size());
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
                String name = m.group(3).replace("\"", "").replace("'", ""); // "EOF", 'EOF' and E"O"F all name EOF
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
                    bodies.append('\n').append(candidate);
                }
                heredocs.add(new Heredoc(keyword, name, lineNumber, first, next));
            }
            return next;
        }

        private void add(String logical, String bodies, int line, int endLine) {
            int space = firstSpace(logical);
            String keyword = (space < 0 ? logical : logical.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = (space < 0 ? "" : logical.substring(space).strip()) + bodies;
            if (keyword.equals("FROM")) {
                finishStage();
                List<String> words = Arrays.stream(arguments.split("\\s+")).filter(w -> !w.isEmpty()).dropWhile(w -> w.startsWith("--")).toList();
                if (words.isEmpty()) {
                    return; // FROM with nothing to start from: BuildKit refuses it, and it opens no stage
                }
                currentBase = words.get(0);
                currentName = words.size() == 3 && words.get(1).equalsIgnoreCase("as") ? words.get(2).toLowerCase(Locale.ROOT) : null;
                currentFrom = new Instruction(keyword, arguments, line, endLine, stages.size());
                all.add(currentFrom);
                return;
            }
            Instruction instruction = new Instruction(keyword, arguments, line, endLine, currentFrom == null ? -1 : stages.size());
            all.add(instruction);
            if (currentFrom != null) {
                current.add(instruction);
            }
        }

        private void finishStage() {
            if (currentFrom != null) {
                stages.add(new Stage(stages.size(), currentName, currentBase, currentFrom, current));
            }
            current.clear();
            currentFrom = null;
        }

        private static int firstSpace(String s) {
            for (int k = 0; k < s.length(); k++) {
                if (Character.isWhitespace(s.charAt(k))) {
                    return k;
                }
            }
            return -1;
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
    }
}

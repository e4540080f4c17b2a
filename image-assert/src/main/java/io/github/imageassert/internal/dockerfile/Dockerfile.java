package io.github.imageassert.internal.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile's stages and instructions with the lines they span, read the way BuildKit's parser reads one: a
 * byte order mark is dropped; parser directives count only at the top ({@code # escape=`} changes the escape
 * character); a line ending in the escape character continues, and comment or blank lines inside a continuation are
 * skipped; RUN, COPY and ADD open heredocs ({@code <<EOF}, {@code <<-EOF}, quoted delimiters, several per line),
 * whose bodies belong to the instruction. Nothing is evaluated: build arguments stay as written.
 */
public final class Dockerfile {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(\\S*)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)\\s*([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\\2");

    /**
     * One instruction.
     *
     * @param keyword   upper case: {@code RUN}, {@code COPY}, {@code FROM}...
     * @param arguments what follows the keyword, continuation lines joined with a space, heredoc bodies with newlines
     * @param line      its first line, from 1
     * @param endLine   its last line (a continuation's or heredoc's last line)
     * @param stage     index of the stage it belongs to
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
     * @param name  the {@code AS} name in lower case, or null for an unnamed stage
     * @param base  the image or stage it starts from, as written
     * @param from  its FROM instruction
     */
    public record Stage(int index, String name, String base, Instruction from, List<Instruction> instructions) {

        public Stage {
            instructions = List.copyOf(instructions);
        }

        /** The name, or {@code stage N} for an unnamed one. */
        public String label() {
            return name != null ? name : "stage " + index;
        }
    }

    private final List<Stage> stages;

    private Dockerfile(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    /** The stage {@code target} names (case does not matter); the last stage when it is null or empty. */
    public Optional<Stage> stage(String target) {
        if (stages.isEmpty()) {
            return Optional.empty();
        }
        if (target == null || target.isEmpty()) {
            return Optional.of(stages.get(stages.size() - 1));
        }
        String wanted = target.toLowerCase(Locale.ROOT);
        return stages.stream().filter(s -> wanted.equals(s.name())).findFirst();
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
            String base = current.base() == null ? "" : current.base().toLowerCase(Locale.ROOT);
            int before = current.index();
            current = stages.stream().filter(s -> s.index() < before && base.equals(s.name())).reduce((a, b) -> b).orElse(null);
        }
        return chain;
    }

    public static Dockerfile parse(String text) {
        return new Parser(text).parse();
    }

    private static final class Parser {
        private final String[] lines;
        private char escape = '\\';
        private final List<Stage> stages = new ArrayList<>();
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
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    i++;
                    continue;
                }
                int start = i;
                StringBuilder logical = new StringBuilder();
                String piece = lines[i];
                while (true) {
                    String stripped = piece.stripTrailing();
                    if (endsWithEscape(stripped)) {
                        logical.append(stripped, 0, stripped.length() - 1).append(' ');
                        i++;
                        // comment and blank lines inside a continuation are skipped
                        while (i < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) {
                            i++;
                        }
                        if (i >= lines.length) {
                            break;
                        }
                        piece = lines[i];
                    } else {
                        logical.append(piece);
                        break;
                    }
                }
                int end = Math.min(i, lines.length - 1);
                i++;
                String instruction = logical.toString().strip();
                int space = firstSpace(instruction);
                String keyword = (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase(Locale.ROOT);
                String arguments = space < 0 ? "" : instruction.substring(space).strip();
                String heredocKeyword = keyword.equals("ONBUILD") ? firstWord(arguments).toUpperCase(Locale.ROOT) : keyword;
                if (heredocKeyword.equals("RUN") || heredocKeyword.equals("COPY") || heredocKeyword.equals("ADD")) {
                    StringBuilder bodies = new StringBuilder();
                    Matcher m = HEREDOC.matcher(arguments);
                    while (m.find()) {
                        boolean stripTabs = !m.group(1).isEmpty();
                        String delimiter = m.group(3);
                        while (i < lines.length) {
                            String body = stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
                            end = i;
                            i++;
                            if (body.equals(delimiter)) {
                                break;
                            }
                            bodies.append('\n').append(body);
                        }
                    }
                    arguments += bodies;
                }
                add(keyword, arguments, start + 1, end + 1);
            }
            finishStage();
            return new Dockerfile(stages);
        }

        /** Parser directives at the very top; returns the first line after them. */
        private int directives() {
            int i = 0;
            while (i < lines.length) {
                Matcher m = DIRECTIVE.matcher(lines[i].strip());
                if (!m.matches()) {
                    break;
                }
                if (m.group(1).equalsIgnoreCase("escape") && (m.group(2).equals("`") || m.group(2).equals("\\"))) {
                    escape = m.group(2).charAt(0);
                }
                i++;
            }
            return i;
        }

        private boolean endsWithEscape(String stripped) {
            if (stripped.isEmpty() || stripped.charAt(stripped.length() - 1) != escape) {
                return false;
            }
            // an escaped escape ("\\") at the end does not continue the line
            int run = 0;
            for (int k = stripped.length() - 1; k >= 0 && stripped.charAt(k) == escape; k--) {
                run++;
            }
            return run % 2 == 1;
        }

        private void add(String keyword, String arguments, int line, int endLine) {
            if (keyword.equals("FROM")) {
                finishStage();
                List<String> words = new ArrayList<>();
                for (String w : arguments.split("\\s+")) {
                    if (!w.isEmpty() && !w.startsWith("--")) {
                        words.add(w);
                    }
                }
                currentBase = words.isEmpty() ? "" : words.get(0);
                currentName = words.size() >= 3 && words.get(1).equalsIgnoreCase("as") ? words.get(2).toLowerCase(Locale.ROOT) : null;
                currentFrom = new Instruction(keyword, arguments, line, endLine, stages.size());
                return;
            }
            if (currentFrom == null) {
                return; // ARG before the first FROM: belongs to no stage
            }
            current.add(new Instruction(keyword, arguments, line, endLine, stages.size()));
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

        private static String firstWord(String s) {
            int space = firstSpace(s);
            return space < 0 ? s : s.substring(0, space);
        }
    }
}

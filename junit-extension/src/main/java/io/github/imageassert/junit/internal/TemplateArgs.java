package io.github.imageassert.junit.internal;

import io.github.imageassert.internal.dockerfile.Dockerfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile target does with build args, read from its text: which stages the target needs (its FROM
 * chain and the stages it copies from), which ARGs they declare where, and where they use them. For the template
 * lint: an arg a preset sets that the target never uses, or uses before its ARG line (where it is still empty).
 */
final class TemplateArgs {

    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern FROM_FLAG = Pattern.compile("--from=([^\\s,]+)");
    /** BuildKit sets these itself; a preset may pass them without declaring them (proxies). */
    private static final Set<String> PREDEFINED = Set.of("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY",
            "http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy");

    private TemplateArgs() {
    }

    /** One problem per sentence, naming the arg and the line; empty when the target uses every arg properly. */
    static List<String> problems(BuildRequest request, Map<String, String> presetArgs) {
        Dockerfile parsed = request.parsed();
        Set<Integer> needed = neededStages(parsed, request.stage().index());
        List<String> problems = new ArrayList<>();
        for (String arg : presetArgs.keySet()) {
            if (PREDEFINED.contains(arg)) {
                continue;
            }
            Optional<Dockerfile.Instruction> global = declaration(parsed, -1, arg);
            boolean usedInFrom = global.isPresent() && parsed.instructions().stream()
                    .anyMatch(i -> i.keyword().equals("FROM") && needed.contains(i.stage()) && references(i.arguments(), arg));
            boolean declaredInStage = false;
            boolean used = usedInFrom;
            for (int stage : needed) {
                List<Dockerfile.Instruction> in = parsed.instructions().stream().filter(i -> i.stage() == stage).toList();
                Optional<Dockerfile.Instruction> declared = declaration(parsed, stage, arg);
                for (Dockerfile.Instruction i : in) {
                    if (i.keyword().equals("FROM") || i.keyword().equals("ARG") && declares(i, arg)) {
                        continue;
                    }
                    if (references(i.arguments(), arg)) {
                        if (declared.isPresent() && i.line() > declared.get().line()) {
                            used = true;
                        } else if (declared.isPresent()) {
                            problems.add("build arg " + arg + " is used on line " + i.line() + " (" + i.keyword()
                                    + ") before its ARG line " + declared.get().line() + ", where it is still empty");
                        } else if (global.isPresent()) {
                            problems.add("build arg " + arg + " is used on line " + i.line() + " (" + i.keyword()
                                    + ") but declared only before the first FROM (line " + global.get().line()
                                    + "): a stage sees it only after its own `ARG " + arg + "`, so there it is empty");
                        }
                    }
                }
                declaredInStage |= declared.isPresent();
            }
            if (!declaredInStage && !usedInFrom) {
                problems.add("build arg " + arg + " is not declared by any stage " + request.describe() + " builds"
                        + (global.isPresent() ? " (only globally, on line " + global.get().line() + ", and no FROM uses it)" : "")
                        + ": the build ignores it");
            } else if (!used && problems.stream().noneMatch(p -> p.startsWith("build arg " + arg + " "))) {
                problems.add("build arg " + arg + " is declared but never used by " + request.describe());
            }
        }
        return problems;
    }

    /** The target and, transitively, the stages it is built FROM or copies from. */
    private static Set<Integer> neededStages(Dockerfile parsed, int target) {
        Set<Integer> needed = new LinkedHashSet<>();
        List<Integer> todo = new ArrayList<>(List.of(target));
        while (!todo.isEmpty()) {
            int stage = todo.remove(todo.size() - 1);
            if (!needed.add(stage)) {
                continue;
            }
            for (Dockerfile.Instruction i : parsed.instructions()) {
                if (i.stage() != stage) {
                    continue;
                }
                if (i.keyword().equals("FROM")) {
                    stageNamed(parsed, parsed.stages().get(stage).base()).ifPresent(todo::add);
                }
                Matcher m = FROM_FLAG.matcher(i.arguments());
                while (m.find()) {
                    stageNamed(parsed, m.group(1)).ifPresent(todo::add);
                }
            }
        }
        return needed;
    }

    private static Optional<Integer> stageNamed(Dockerfile parsed, String nameOrIndex) {
        String wanted = nameOrIndex.toLowerCase(Locale.ROOT);
        for (Dockerfile.Stage s : parsed.stages()) {
            if (wanted.equals(s.name()) || wanted.equals(String.valueOf(s.index()))) {
                return Optional.of(s.index());
            }
        }
        return Optional.empty();
    }

    private static Optional<Dockerfile.Instruction> declaration(Dockerfile parsed, int stage, String arg) {
        return parsed.instructions().stream().filter(i -> i.stage() == stage && i.keyword().equals("ARG") && declares(i, arg))
                .findFirst();
    }

    private static boolean declares(Dockerfile.Instruction arg, String name) {
        for (String word : arg.arguments().split("\\s+")) {
            String declared = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (declared.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean references(String text, String arg) {
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            if (arg.equals(m.group(1)) || arg.equals(m.group(2))) {
                return true;
            }
        }
        return false;
    }
}

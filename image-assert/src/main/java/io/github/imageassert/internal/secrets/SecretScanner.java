package io.github.imageassert.internal.secrets;

import io.github.imageassert.secrets.SecretFinding;
import io.github.imageassert.secrets.SecretRule;
import io.github.imageassert.secrets.SecretRules;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.RemovedEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks for secrets in every layer, not only in what a container sees: a file deleted or overwritten by a later
 * layer still ships in the layer that added it, and anyone who pulls the image can read it.
 */
public final class SecretScanner {

    private SecretScanner() {
    }

    /** Findings in layer order; path-only rules cost nothing, content rules read their candidates in one pass. */
    public static List<SecretFinding> scan(LoadedImage image, SecretRules rules) {
        Map<FileEntry, Optional<RemovedEntry>> everyCopy = new HashMap<>();
        image.filesystem().entries().forEach(e -> everyCopy.put(e, Optional.empty()));
        image.filesystem().removed().forEach(r -> everyCopy.put(r.entry(), Optional.of(r)));

        List<SecretFinding> findings = new ArrayList<>();
        Map<FileEntry, List<SecretRule>> toRead = new HashMap<>();
        everyCopy.forEach((entry, hidden) -> {
            if (rules.ignores(entry)) {
                return;
            }
            for (SecretRule rule : rules.rules()) {
                if (!rule.appliesTo(entry)) {
                    continue;
                }
                if (rule.readsContent()) {
                    toRead.computeIfAbsent(entry, e -> new ArrayList<>()).add(rule);
                } else {
                    findings.add(new SecretFinding(rule, entry, hidden, ""));
                }
            }
        });
        List<SecretFinding> found = java.util.Collections.synchronizedList(findings);
        image.readContentsInParallel(toRead.keySet(), (entry, in) -> {
            List<SecretRule> candidates = toRead.get(entry);
            int max = candidates.stream().mapToInt(SecretRule::maxBytes).max().orElse(0);
            String text = new String(in.readNBytes(max), StandardCharsets.ISO_8859_1);
            for (SecretRule rule : candidates) {
                String scoped = text.length() > rule.maxBytes() ? text.substring(0, rule.maxBytes()) : text;
                rule.find(scoped).ifPresent(evidence ->
                        found.add(new SecretFinding(rule, entry, everyCopy.get(entry), evidence)));
            }
        });
        findings.sort(Comparator.comparingInt((SecretFinding f) -> f.entry().layer())
                .thenComparing(f -> f.entry().path()).thenComparing(f -> f.rule().id()));
        return image.remember("secrets:" + rules, List.copyOf(findings));
    }
}

package io.github.imageassert.internal.secrets;

import io.github.imageassert.secrets.SecretFinding;
import io.github.imageassert.secrets.SecretRule;
import io.github.imageassert.secrets.SecretRules;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.RemovedEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
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

    /** Up to the biggest rule's limit of one file, per scanning thread: a scan reads 100,000 files and more. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[SecretRule.DEFAULT_MAX_BYTES]);

    /** One entry whose content some rules look at; the visitor gets back the instance it was given. */
    private record Candidate(Optional<RemovedEntry> hidden, List<SecretRule> rules, int maxBytes) {
    }

    /** Findings in layer order; path-only rules cost nothing, content rules read their candidates in one pass. */
    public static List<SecretFinding> scan(LoadedImage image, SecretRules rules) {
        List<SecretFinding> findings = new ArrayList<>();
        // by identity: the reader hands back the entries it was given, and hashing 100,000 records is measurable
        Map<FileEntry, Candidate> toRead = new IdentityHashMap<>();
        image.filesystem().entries().forEach(e -> consider(e, Optional.empty(), rules, findings, toRead));
        image.filesystem().removed().forEach(r -> consider(r.entry(), Optional.of(r), rules, findings, toRead));
        List<SecretFinding> found = Collections.synchronizedList(findings);
        image.readContentsInParallel(toRead.keySet(), (entry, in) -> {
            Candidate candidate = toRead.get(entry);
            int length = (int) Math.min(candidate.maxBytes(), entry.size());
            byte[] buffer = BUFFER.get();
            if (buffer.length < length) {
                buffer = new byte[length];
                BUFFER.set(buffer);
            }
            int read = in.readNBytes(buffer, 0, length);
            String text = new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
            for (SecretRule rule : candidate.rules()) {
                String scoped = text.length() > rule.maxBytes() ? text.substring(0, rule.maxBytes()) : text;
                rule.find(scoped).ifPresent(evidence -> found.add(new SecretFinding(rule, entry, candidate.hidden(), evidence)));
            }
        });
        findings.sort(Comparator.comparingInt((SecretFinding f) -> f.entry().layer())
                .thenComparing(f -> f.entry().path()).thenComparing(f -> f.rule().id()));
        return image.remember("secrets:" + rules, List.copyOf(findings));
    }

    private static void consider(FileEntry entry, Optional<RemovedEntry> hidden, SecretRules rules,
                                 List<SecretFinding> findings, Map<FileEntry, Candidate> toRead) {
        if (rules.ignores(entry)) {
            return;
        }
        List<SecretRule> reading = null;
        int maxBytes = 0;
        for (SecretRule rule : rules.rules()) {
            if (!rule.appliesTo(entry)) {
                continue;
            }
            if (!rule.readsContent()) {
                findings.add(new SecretFinding(rule, entry, hidden, ""));
                continue;
            }
            if (reading == null) {
                reading = new ArrayList<>(2);
            }
            reading.add(rule);
            maxBytes = Math.max(maxBytes, rule.maxBytes());
        }
        if (reading != null) {
            toRead.put(entry, new Candidate(hidden, reading, maxBytes));
        }
    }
}

package io.github.imageassert.internal.secrets;

import io.github.imageassert.secrets.SecretFinding;
import io.github.imageassert.secrets.SecretRule;
import io.github.imageassert.secrets.SecretRules;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.RemovedEntry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
        Candidates candidates = new Candidates(rules.rules());
        image.filesystem().entries().forEach(e -> consider(e, Optional.empty(), rules, candidates, findings));
        image.filesystem().removed().forEach(r -> consider(r.entry(), Optional.of(r), rules, candidates, findings));
        Candidate common = candidates.common();
        Map<FileEntry, Candidate> others = candidates.others(common);
        List<SecretFinding> found = Collections.synchronizedList(findings);
        image.readContentsInParallel(candidates.entries, (entry, in) -> {
            Candidate candidate = others.isEmpty() ? common : others.getOrDefault(entry, common);
            int length = (int) Math.min(candidate.maxBytes(), entry.size());
            byte[] buffer = BUFFER.get();
            if (buffer.length < length) {
                buffer = new byte[length];
                BUFFER.set(buffer);
            }
            int read = in.readNBytes(buffer, 0, length);
            for (SecretRule rule : candidate.rules()) {
                rule.find(buffer, Math.min(read, rule.maxBytes()))
                        .ifPresent(evidence -> found.add(new SecretFinding(rule, entry, candidate.hidden(), evidence)));
            }
        });
        findings.sort(Comparator.comparingInt((SecretFinding f) -> f.entry().layer())
                .thenComparing(f -> f.entry().path()).thenComparing(f -> f.rule().id()));
        return image.remember("secrets:" + rules, List.copyOf(findings));
    }

    private static void consider(FileEntry entry, Optional<RemovedEntry> hidden, SecretRules rules, Candidates candidates,
                                 List<SecretFinding> findings) {
        if (rules.ignores(entry)) {
            return;
        }
        List<SecretRule> all = rules.rules();
        BitSet reading = null;
        for (int i = 0; i < all.size(); i++) {
            SecretRule rule = all.get(i);
            if (!rule.appliesTo(entry)) {
                continue;
            }
            if (!rule.readsContent()) {
                findings.add(new SecretFinding(rule, entry, hidden, ""));
                continue;
            }
            if (reading == null) {
                reading = new BitSet(all.size());
            }
            reading.set(i);
        }
        if (reading != null) {
            candidates.add(entry, reading, hidden);
        }
    }

    /**
     * The entries to read and what to look for in each. Nearly every file of an image gets the same rules (those for
     * any path): that candidate is made once and handed to each without a lookup, and only the others (a
     * {@code .npmrc}, a copy a later layer hid) are looked up by entry. A scan's time went to 100,000 copies of that
     * one candidate scattered over the heap, then to looking each up in a map as big as the image.
     */
    private static final class Candidates {
        private final List<SecretRule> rules;
        private final Map<BitSet, Candidate> shared = new HashMap<>();
        final List<FileEntry> entries = new ArrayList<>();
        private final List<Candidate> of = new ArrayList<>();
        private final Map<Candidate, Integer> uses = new IdentityHashMap<>();

        Candidates(List<SecretRule> rules) {
            this.rules = rules;
        }

        void add(FileEntry entry, BitSet reading, Optional<RemovedEntry> hidden) {
            Candidate candidate = hidden.isEmpty() ? shared.computeIfAbsent(reading, r -> make(r, hidden)) : make(reading, hidden);
            entries.add(entry);
            of.add(candidate);
            uses.merge(candidate, 1, Integer::sum);
        }

        /** The candidate most entries share; null when there is nothing to read. */
        Candidate common() {
            return uses.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }

        /** Every entry whose candidate is not {@code common}, by identity: the reader hands back the instances it was given. */
        Map<FileEntry, Candidate> others(Candidate common) {
            Map<FileEntry, Candidate> others = new IdentityHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                if (of.get(i) != common) {
                    others.put(entries.get(i), of.get(i));
                }
            }
            return others;
        }

        private Candidate make(BitSet reading, Optional<RemovedEntry> hidden) {
            List<SecretRule> chosen = new ArrayList<>(reading.cardinality());
            int maxBytes = 0;
            for (int i = reading.nextSetBit(0); i >= 0; i = reading.nextSetBit(i + 1)) {
                chosen.add(rules.get(i));
                maxBytes = Math.max(maxBytes, rules.get(i).maxBytes());
            }
            return new Candidate(hidden, List.copyOf(chosen), maxBytes);
        }
    }
}

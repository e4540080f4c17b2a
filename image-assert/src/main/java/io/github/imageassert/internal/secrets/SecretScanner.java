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
            Candidate candidate = others.getOrDefault(entry, common);
            int length = (int) Math.min(candidate.maxBytes(), entry.size());
            byte[] buffer = BUFFER.get();
            if (buffer.length < length) {
                buffer = new byte[length];
                BUFFER.set(buffer);
            }
            int read = in.readNBytes(buffer, 0, length);
            for (SecretRule rule : candidate.rules()) {
                Optional<String> evidence = rule.find(buffer, Math.min(read, rule.maxBytes()));
                if (evidence.isPresent()) {
                    found.add(new SecretFinding(rule, entry, candidate.hidden(), evidence.get()));
                }
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
        BitSet reading = candidates.scratch();
        for (int i = 0; i < all.size(); i++) {
            SecretRule rule = all.get(i);
            if (!rule.appliesTo(entry)) {
                continue;
            }
            if (!rule.readsContent()) {
                findings.add(new SecretFinding(rule, entry, hidden, ""));
                continue;
            }
            reading.set(i);
        }
        if (!reading.isEmpty()) {
            candidates.add(entry, reading, hidden);
        }
    }

    /**
     * The entries to read and what to look for in each. Nearly every file of an image gets the same rules (those for
     * any path): that candidate is made once and handed to each without a lookup, and only the others (a
     * {@code .npmrc}, a copy a later layer hid) are looked up by entry. Considering an entry allocates nothing: the
     * first scans of the benchmark image allocated some 40 MB for its 106,781 files, enough to start a collection
     * in the middle of the scan that copied the index just loaded.
     */
    private static final class Candidates {
        private final List<SecretRule> rules;
        private final BitSet scratch;
        private final Map<BitSet, Shared> shared = new HashMap<>();
        final List<FileEntry> entries = new ArrayList<>();
        private final List<Candidate> of = new ArrayList<>();

        /** A candidate for visible files and how many take it. */
        private static final class Shared {
            final Candidate candidate;
            int uses;

            Shared(Candidate candidate) {
                this.candidate = candidate;
            }
        }

        Candidates(List<SecretRule> rules) {
            this.rules = rules;
            this.scratch = new BitSet(rules.size());
        }

        /** The rules of the entry being considered, cleared for it. */
        BitSet scratch() {
            scratch.clear();
            return scratch;
        }

        void add(FileEntry entry, BitSet reading, Optional<RemovedEntry> hidden) {
            Candidate candidate;
            if (hidden.isEmpty()) {
                Shared group = shared.get(reading);
                if (group == null) {
                    group = new Shared(make(reading, hidden));
                    shared.put((BitSet) reading.clone(), group);
                }
                group.uses++;
                candidate = group.candidate;
            } else {
                candidate = make(reading, hidden);
            }
            entries.add(entry);
            of.add(candidate);
        }

        /** The candidate most entries share; null when no visible file is read (every other is then looked up). */
        Candidate common() {
            Shared most = null;
            for (Shared group : shared.values()) {
                if (most == null || group.uses > most.uses) {
                    most = group;
                }
            }
            return most == null ? null : most.candidate;
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

package io.github.imageassert.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One case, entirely determined by (campaign seed, case index): a seed image of some kind, at most one mutation, the
 * archive written under a directory of its own, and the expectation the mutation leaves.
 */
final class FuzzCase {

    final long seed;
    final int index;
    final Seeds.Kind kind;
    final ArchiveSpec spec;
    final Mutation mutation;
    final Expectation expectation;
    final Path dir;
    final Path input;

    private FuzzCase(long seed, int index, Seeds.Kind kind, ArchiveSpec spec, Mutation mutation, Expectation expectation,
                     Path dir, Path input) {
        this.seed = seed;
        this.index = index;
        this.kind = kind;
        this.spec = spec;
        this.mutation = mutation;
        this.expectation = expectation;
        this.dir = dir;
        this.input = input;
    }

    static SplittableRandom random(long seed, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + 1);
    }

    static Mutation chooseMutation(SplittableRandom r) {
        int roll = r.nextInt(100);
        List<Supplier<Mutation>> family = roll < 8 ? null : roll < 48 ? TarMutations.ALL : roll < 74 ? JsonMutations.ALL
                : BlobMutations.ALL;
        return family == null ? Mutation.none() : family.get(r.nextInt(family.size())).get();
    }

    /** Generates and writes case {@code index} of campaign {@code seed} under {@code parent}. */
    static FuzzCase generate(long seed, int index, Path parent) throws IOException {
        SplittableRandom r = random(seed, index);
        Seeds.Kind kind = Seeds.Kind.values()[r.nextInt(Seeds.Kind.values().length)];
        ArchiveSpec spec = Seeds.generate(kind, r.split());
        Mutation mutation = chooseMutation(r);
        return build(seed, index, kind, spec, mutation, r, parent);
    }

    /** Writes a case from a seed spec and a mutation: the named findings use this with mutations of their own. */
    static FuzzCase build(long seed, int index, Seeds.Kind kind, ArchiveSpec spec, Mutation mutation, SplittableRandom r,
                          Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "case-" + index + "-");
        mutation.spec(spec, r.split());
        ArchiveWriter.DocEdit edit = mutation.docEdit(spec, r.split());
        ArchiveWriter.Written written = ArchiveWriter.write(spec, edit, dir);
        List<Expected> models = new ArrayList<>();
        models.add(Expected.of(spec.images.get(spec.wanted), written.diffIds().get(spec.wanted)));
        for (int i = 0; i < spec.images.size(); i++) {
            if (i != spec.wanted) {
                models.add(Expected.of(spec.images.get(i), written.diffIds().get(i)));
            }
        }
        mutation.layout(written.layout(), spec, r.split());
        Materializer.Written files = Materializer.write(written.layout(), dir);
        mutation.written(files, written.layout(), r.split());
        Expectation expectation = mutation.effect.apply(Expectation.exact(models, "the seed image, unchanged in meaning"));
        deleteLayerTemps(dir);
        return new FuzzCase(seed, index, kind, spec, mutation, expectation, dir, files.input());
    }

    Verdict run(long boundMillis) {
        return Oracle.run(input, spec, expectation, boundMillis);
    }

    String describe() {
        return "case " + seed + "/" + index + ": " + kind + " seed as " + spec + "\n  mutation " + mutation
                + "\n  expects " + expectation.describe() + "\n  input " + input;
    }

    /** Removes the case's files. */
    void delete() {
        deleteTree(dir);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteLayerTemps(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".blob")).forEach(p -> p.toFile().delete());
        }
    }
}

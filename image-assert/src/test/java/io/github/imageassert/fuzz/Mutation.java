package io.github.imageassert.fuzz;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * One structural change to a case, at the stage it belongs to: the generator's description (tar members, config
 * fields: digests stay consistent and the model follows), a document before it is hashed (consistent edits), the
 * layout's files after hashing (raw edits, damaged or swapped blobs), or the written archive (outer tar damage).
 * Each hook says, through {@link #effect}, what the change allows the library to answer.
 */
abstract class Mutation {

    final String name;
    /** What exactly was done, for the finding's report. */
    String detail = "";
    /** How the change turns the seed's expectation (exact answers) into this case's. */
    UnaryOperator<Expectation> effect = UnaryOperator.identity();

    Mutation(String name) {
        this.name = name;
    }

    void spec(ArchiveSpec spec, SplittableRandom r) {
    }

    ArchiveWriter.DocEdit docEdit(ArchiveSpec spec, SplittableRandom r) {
        return ArchiveWriter.DocEdit.NONE;
    }

    void layout(Layout layout, ArchiveSpec spec, SplittableRandom r) throws IOException {
    }

    void written(Materializer.Written written, Layout layout, SplittableRandom r) throws IOException {
    }

    /** Adds to the effect (effects compose in the order they are set). */
    void then(UnaryOperator<Expectation> more) {
        UnaryOperator<Expectation> before = effect;
        effect = e -> more.apply(before.apply(e));
    }

    /** What damage to a file of this role allows. */
    static UnaryOperator<Expectation> damaged(Layout.Role role, String what) {
        return switch (role) {
            case STRICT -> e -> e.refused().because(what + " changed a blob the image is verified against");
            case CONTENT -> e -> e.orTypedError().because(what + " changed a compressed blob checked by its diff id");
            case ROOT, UNUSED -> e -> e.orTypedError().ofAnyImage().because(what + " changed a " + role + " file");
        };
    }

    /** A mutation that changes nothing: the seed itself, which must be read right. */
    static Mutation none() {
        return new Mutation("none") {
        };
    }

    @Override
    public String toString() {
        return name + (detail.isEmpty() ? "" : ": " + detail);
    }
}

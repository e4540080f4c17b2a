package io.github.imageassert.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.testing.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzing harness as a regression suite (issue 14): a short pass of fixed-seed cases, and each finding of the
 * issue as a case of its own. Every case must end RIGHT or TYPED_ERROR within its bound; findings that may hang or
 * exhaust memory run in a JVM of their own with a 256 MB heap. The long campaign is {@code scripts/fuzz.sh}.
 */
class FuzzRegressionTest {

    /** The short pass: this many cases of this seed (about a minute on two cores). */
    static final long PASS_SEED = 20_261_130L;
    static final int PASS_CASES = 400;
    static final long BOUND_MS = 15_000;

    @TempDir
    Path work;

    @Test
    void fixedSeedPass() throws IOException {
        List<String> findings = new ArrayList<>();
        FindingWriter writer = new FindingWriter(Path.of("target", "fuzz-findings"));
        for (int i = 0; i < PASS_CASES; i++) {
            FuzzCase c = FuzzCase.generate(PASS_SEED, i, work);
            Verdict v = c.run(BOUND_MS);
            if (!v.outcome().acceptable()) {
                writer.write(c, v);
                findings.add(i + " " + c.kind + " " + c.mutation + "\n      " + v.signature()
                        + "\n      replay: scripts/fuzz.sh --replay " + PASS_SEED + " " + i);
            }
            c.delete();
        }
        assertThat(findings).as("cases of seed %d not RIGHT or TYPED_ERROR (reports in target/fuzz-findings)", PASS_SEED)
                .isEmpty();
    }

    @Test
    void gzipBomb() throws Exception {
        assertFinding("gzip-bomb-10GiB");
    }

    @Test
    void zstdBomb() throws Exception {
        assertFinding("zstd-bomb-10GiB");
    }

    @Test
    void zerosAfterTheEndBlocks() throws Exception {
        assertFinding("zeros-after-end-10GiB");
    }

    @Test
    void selfListingIndex() throws Exception {
        assertFinding("self-listing-index-K64");
    }

    @Test
    void indexDigestClimbingToIndexJson() throws Exception {
        assertFinding("index-digest-climbs-to-index.json");
    }

    @Test
    void digestClimbingToDevZero() throws Exception {
        assertFinding("digest-climbs-to-dev-zero");
    }

    @Test
    void configDigestClimbingOutside() throws Exception {
        assertFinding("config-digest-climbs-outside");
    }

    @Test
    void legacyConfigClimbingOutside() throws Exception {
        assertFinding("legacy-config-climbs-outside");
    }

    @Test
    void legacyConfigAbsolute() throws Exception {
        assertFinding("legacy-config-absolute");
    }

    @Test
    void manifestJsonOf400MiB() throws Exception {
        assertFinding("manifest.json-400MiB");
    }

    @Test
    void configBlobOf400MiB() throws Exception {
        assertFinding("config-blob-400MiB");
    }

    @Test
    void paxRecordOf300MiBInALayer() throws Exception {
        assertFinding("pax-record-300MiB-in-layer");
    }

    @Test
    void paxRecordOf300MiBInTheArchive() throws Exception {
        assertFinding("pax-record-300MiB-in-archive");
    }

    @Test
    void path20000Deep() throws Exception {
        assertFinding("path-20000-deep");
    }

    @Test
    void hardLinkToALowerLayer() throws Exception {
        assertFinding("hard-link-to-lower-layer");
    }

    @Test
    void hardLinkChain() throws Exception {
        assertFinding("hard-link-chain");
    }

    @Test
    void hardLinksToMissingDirectorySymlinkAndCycle() throws Exception {
        assertFinding("hard-links-to-missing-dir-symlink-cycle");
    }

    @Test
    void hardLinkToA300MiBFileReadWithALimit() throws Exception {
        assertFinding("hard-link-to-300MiB-file");
    }

    @Test
    void garbageSparseMap() throws Exception {
        assertFinding("garbage-sparse-map");
    }

    @Test
    void userInNonAsciiDigits() throws Exception {
        assertFinding("user-in-non-ascii-digits");
    }

    @Test
    void nulInADigest() throws Exception {
        assertFinding("nul-in-digest");
    }

    @Test
    void nulInALayerName() throws Exception {
        assertFinding("nul-in-layer-name");
    }

    @Test
    void configNameIsADirectory() throws Exception {
        assertFinding("config-name-is-a-directory");
    }

    @Test
    void duplicatePathInOneLayer() throws Exception {
        assertFinding("duplicate-path-in-one-layer");
    }

    @Test
    void layoutConfigEditedWithoutItsDigest() throws Exception {
        assertFinding("layout-config-edited-not-rehashed");
    }

    @Test
    void layoutManifestSwappedForTheOtherPlatforms() throws Exception {
        assertFinding("layout-manifest-swapped");
    }

    @Test
    void layoutLayerRecompressed() throws Exception {
        assertFinding("layout-layer-recompressed");
    }

    @Test
    void configDescriptorSizeThatLies() throws Exception {
        assertFinding("config-descriptor-size-lies");
    }

    @Test
    void hardLinkToAPathRewrittenLaterInItsLayer() throws Exception {
        assertFinding("hard-link-to-a-path-rewritten-later");
    }

    @Test
    void fileMemberNamedWithAFinalSlash() throws Exception {
        assertFinding("file-member-named-with-a-final-slash");
    }

    @Test
    void listedPathBelowARegularFile() throws Exception {
        assertFinding("listed-path-below-a-regular-file");
    }

    private void assertFinding(String name) throws Exception {
        Findings.Finding finding = Findings.get(name);
        String report;
        Outcome outcome;
        if (finding.isolated()) {
            String[] result = isolated(name, work);
            outcome = Outcome.valueOf(result[0]);
            report = result[1];
        } else {
            FuzzCase c = finding.builder().build(work);
            Verdict v = c.run(BOUND_MS);
            outcome = v.outcome();
            report = c.describe() + "\n" + v.outcome() + " after " + v.millis() + " ms\n" + v.detail();
            c.delete();
        }
        assertThat(outcome).as("finding %s:\n%s", name, report).isIn(Outcome.RIGHT, Outcome.TYPED_ERROR);
    }

    /** Runs the finding in a JVM of its own with a 256 MB heap; {outcome, its output}. */
    private static String[] isolated(String name, Path work) throws Exception {
        // its files go under this test's temporary directory, removed even when the JVM had to be killed
        Process p = ChildJvm.start(List.of("-Xmx256m"), FindingMain.class,
                Map.of("org.slf4j.simpleLogger.defaultLogLevel", "warn"), name, String.valueOf(BOUND_MS), work.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.start();
        boolean ended = p.waitFor(BOUND_MS + 90_000, TimeUnit.MILLISECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        reader.join(5_000);
        String output = out.toString(StandardCharsets.UTF_8);
        String verdict = output.lines().filter(l -> l.startsWith("VERDICT ")).findFirst().orElse(null);
        if (verdict == null) {
            return new String[] {ended ? Outcome.ERROR.name() : Outcome.HANG.name(),
                    (ended ? "the JVM ended (exit " + p.exitValue() + ") without a verdict" : "no verdict in time") + ":\n" + tail(output)};
        }
        return new String[] {verdict.split(" ")[1], tail(output)};
    }

    private static String tail(String output) {
        return output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output;
    }
}

package io.github.imageassert.internal.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What a run's report says, once: the HTML page, the JSON file and the SARIF log are each written from it. Its
 * JSON form is the versioned schema documented in {@code docs/reports.md}; a field is only ever added within a
 * version.
 */
public final class ReportModel {

    /** The schema's name in {@code report.json}. */
    public static final String SCHEMA = "image-assert-report";
    /** Raised when a field changes meaning or disappears; adding one keeps it. */
    public static final int VERSION = 1;

    private ReportModel() {
    }

    @JsonPropertyOrder({"schema", "version", "generatedAt", "tool", "summary", "images"})
    public record Run(String schema, int version, String generatedAt, Tool tool, Summary summary, List<Image> images) {
    }

    public record Tool(String name, String version) {
    }

    public record Summary(int images, int assertions, int passed, int failed, int findings) {
    }

    /**
     * One image.
     *
     * @param filesystemRead whether the tests read its files: without that, there is no tree, no file list per layer
     *                       and no largest files (the report reads nothing the tests did not)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String id, String reference, String description, String imageId, String platform,
                        Dockerfile dockerfile, Long size, Long compressedSize, List<Budget> budgets, List<Layer> layers,
                        boolean filesystemRead, Integer fileCount, Node tree, List<File> largestFiles,
                        Map<String, List<Package>> packages, Waste waste, List<Finding> findings,
                        List<Comparison> comparisons, List<Assertion> assertions, int passed, int failed) {
    }

    /** The Dockerfile the image was built from, as the run found it. */
    public record Dockerfile(String file, String uri, String target, List<String> stages) {
    }

    /** A size the tests held the image or a layer to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Budget(String assertion, long limit, Long actual, Integer layer, boolean passed) {
    }

    /**
     * A layer.
     *
     * @param size      bytes it adds, as {@code docker images} counts them; null when unknown without reading it
     * @param files     regular files its tar holds; null when the tests did not read the layers
     * @param topFiles  its largest regular files, at most {@link ReportBuilder#FILES_PER_LAYER}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(int index, Long size, String diffId, String instruction, String createdBy, Location location,
                        Integer files, Long filesBytes, List<File> topFiles, Boolean truncated) {
    }

    /** Where in the Dockerfile an instruction is; {@code baseImage} means the layer came with the image FROM names. */
    public record Location(String file, String uri, String stage, int line, int endLine, String instruction,
                           boolean baseImage) {

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /**
     * A file; {@code hidden} when a later layer deleted or overwrote it (its bytes still ship).
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record File(String path, long size, int layer, boolean hidden) {
    }

    /**
     * A directory of the merged filesystem with the bytes below it; only the big ones have children, the rest of a
     * directory is one {@code other} node ({@code files} counts what it holds).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String name, String path, long size, int files, String kind, List<Node> children) {
    }

    public record Package(String name, String version, int layer, String location) {
    }

    public record Waste(long wastedBytes, double efficiency, double userWastedShare, int hiddenCopies) {
    }

    /**
     * A secret, wasted copy or hygiene problem, from an analysis a test ran.
     *
     * @param kind  {@code secret}, {@code waste} or {@code hygiene}
     * @param layer the layer at fault: the one that added the file
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(String kind, String rule, String level, String path, Integer layer, Location location,
                          Integer hiddenBy, Long size, String message) {
    }

    /** How the image differs from another it was compared with ({@code relativeTo}). */
    public record Comparison(String base, long baseSize, long size, int added, int removed, int changed,
                             List<File> largestAdded, List<String> removedPaths, List<String> changedPaths) {
    }

    /** An assertion that ran, with its outcome; {@code layer} and {@code location} where its failure names a layer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assertion(long sequence, String test, String assertion, String as, boolean passed, String message,
                            Integer layer, Location location, Long budget, double millis) {
    }
}

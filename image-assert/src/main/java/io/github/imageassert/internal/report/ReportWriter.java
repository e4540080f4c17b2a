package io.github.imageassert.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a run's report into a directory: {@code index.html} (a person opens it), {@code report.json} (the same
 * content for machines) and {@code report.sarif} (failures and findings on the Dockerfile's lines). Each file is
 * written under a temporary name and moved into place, so a reader never sees half a report.
 */
public final class ReportWriter {

    public static final String HTML = "index.html";
    public static final String JSON = "report.json";
    public static final String SARIF = "report.sarif";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What was written and what it cost.
     *
     * @param modelMillis reading what the run knows and aggregating it
     * @param writeMillis rendering and writing the three files
     */
    public record Written(Path html, Path json, Path sarif, int images, double modelMillis, double writeMillis,
                          double cpuMillis) {

        public double millis() {
            return modelMillis + writeMillis;
        }
    }

    private ReportWriter() {
    }

    /** The report of everything {@code run} recorded. */
    public static Written write(Path dir, RunCollector run) {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        List<ImageInput> inputs = run.images().stream().map(ImageInput::of).toList();
        ReportModel.Run model = ReportBuilder.run(inputs, version());
        double modelMillis = (System.nanoTime() - start) / 1e6;
        Written written = write(dir, model, modelMillis);
        return new Written(written.html(), written.json(), written.sarif(), written.images(), modelMillis,
                written.writeMillis(), (cpuNanos() - cpu) / 1e6);
    }

    /** CPU time of this thread: what the report costs, apart from what other processes take of the machine. */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Writes a model built already (tests, benchmarks). */
    public static Written write(Path dir, ReportModel.Run model, double modelMillis) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
            Path html = replace(dir.resolve(HTML), HtmlReport.render(model).getBytes(StandardCharsets.UTF_8));
            Path json = replace(dir.resolve(JSON), MAPPER.writeValueAsBytes(model));
            Path sarif = replace(dir.resolve(SARIF), MAPPER.writeValueAsBytes(SarifReport.render(model,
                    SarifReport.sourceRoot(Path.of("")))));
            double writeMillis = (System.nanoTime() - start) / 1e6;
            return new Written(html, json, sarif, model.images().size(), modelMillis, writeMillis, Double.NaN);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the image-assert report into " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Path replace(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The library's version from its jar, or {@code dev} when run from classes. */
    static String version() {
        String v = ReportWriter.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The JSON mapper the report is written with, for readers of {@code report.json}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}

package io.github.imageassert.internal.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imageassert.internal.digest.Digests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The failed assertions and the findings as a SARIF 2.1.0 log, for code scanning: each result sits on the line of
 * the Dockerfile instruction that made the layer at fault, relative to {@code %SRCROOT%} (the repository's root,
 * found by its {@code .git}, else the working directory). A result on an image without a known Dockerfile has only
 * a logical location: the image.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String ROOT = "SRCROOT";
    private static final int MAX_MESSAGE = 4000;

    private SarifReport() {
    }

    public static ObjectNode render(ReportModel.Run run, Path sourceRoot) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode log = json.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode sarifRun = log.putArray("runs").addObject();
        ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
        driver.put("name", "image-assert");
        driver.put("semanticVersion", semantic(run.tool().version()));
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ObjectNode base = sarifRun.putObject("originalUriBaseIds").putObject(ROOT);
        base.put("uri", directoryUri(sourceRoot));
        ArrayNode results = sarifRun.putArray("results");
        for (ReportModel.Image image : run.images()) {
            for (ReportModel.Assertion a : image.assertions()) {
                if (a.passed()) {
                    continue;
                }
                String rule = "assertion/" + name(a.assertion());
                int index = rule(rules, ruleIndex, rule, "An image assertion failed: " + name(a.assertion()), "error");
                String text = image.reference() + ": " + a.assertion() + " failed" + (a.test() == null ? "" : " in " + a.test())
                        + (a.location() == null ? "" : " (layer " + a.layer() + ", " + a.location().instruction() + ")")
                        + "\n" + (a.message() == null ? "" : a.message());
                result(results, rule, index, "error", text, a.location(), image, a.layer(), sourceRoot,
                        a.assertion() + "|" + a.test());
            }
            for (ReportModel.Finding f : image.findings()) {
                String rule = f.kind() + "/" + f.rule();
                int index = rule(rules, ruleIndex, rule, description(f), f.level());
                result(results, rule, index, f.level(), image.reference() + ": " + f.message(), f.location(), image,
                        f.layer(), sourceRoot, f.path() + "|" + f.layer());
            }
        }
        return log;
    }

    private static int rule(ArrayNode rules, Map<String, Integer> index, String id, String description, String level) {
        return index.computeIfAbsent(id, k -> {
            ObjectNode rule = rules.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", description);
            rule.putObject("defaultConfiguration").put("level", level);
            return rules.size() - 1;
        });
    }

    private static void result(ArrayNode results, String rule, int ruleIndex, String level, String text,
                               ReportModel.Location location, ReportModel.Image image, Integer layer, Path sourceRoot,
                               String identity) {
        ObjectNode result = results.addObject();
        result.put("ruleId", rule);
        result.put("ruleIndex", ruleIndex);
        result.put("level", level);
        result.putObject("message").put("text", text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…");
        ObjectNode where = result.putArray("locations").addObject();
        if (location != null) {
            ObjectNode physical = where.putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            Path file = Path.of(java.net.URI.create(location.uri()));
            if (sourceRoot != null && file.startsWith(sourceRoot)) {
                artifact.put("uri", sourceRoot.relativize(file).toString().replace('\\', '/'));
                artifact.put("uriBaseId", ROOT);
            } else {
                artifact.put("uri", location.uri());
            }
            ObjectNode region = physical.putObject("region");
            region.put("startLine", location.line());
            region.put("endLine", Math.max(location.line(), location.endLine()));
        }
        ObjectNode logical = where.putArray("logicalLocations").addObject();
        logical.put("name", image.reference());
        logical.put("fullyQualifiedName", image.reference() + (layer == null ? "" : "#layer" + layer));
        logical.put("kind", "image");
        result.putObject("partialFingerprints").put("imageAssertResult/v1",
                Digests.hex(Digests.sha256((rule + "|" + image.reference().replaceAll(":[0-9a-f]{16}$", "") + "|"
                        + identity).getBytes(StandardCharsets.UTF_8))).substring(0, 32));
        ObjectNode properties = result.putObject("properties");
        properties.put("image", image.reference());
        if (layer != null) {
            properties.put("layer", layer);
        }
        if (location != null) {
            properties.put("stage", location.stage());
            properties.put("baseImage", location.baseImage());
        }
    }

    private static String description(ReportModel.Finding f) {
        return switch (f.kind()) {
            case "secret" -> "A secret is in a layer of the image: " + f.rule();
            case "waste" -> "A layer adds a file that a later layer deletes or overwrites: its bytes still ship";
            default -> "Image hygiene: " + f.rule();
        };
    }

    /** {@code hasSizeLessThan} of {@code file(/a).hasSizeLessThan(1 MB)}. */
    private static String name(String display) {
        String call = display.contains("(") ? display.substring(0, display.indexOf('(')) : display;
        int dot = display.lastIndexOf(").");
        if (dot >= 0) {
            String tail = display.substring(dot + 2);
            call = tail.contains("(") ? tail.substring(0, tail.indexOf('(')) : tail;
        }
        return call.replaceAll("[^A-Za-z0-9_.-]", "");
    }

    private static String semantic(String version) {
        return version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "0.0.0-" + version.replaceAll("[^A-Za-z0-9.-]", "");
    }

    private static String directoryUri(Path dir) {
        String uri = (dir == null ? Path.of("").toAbsolutePath() : dir).toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** The repository's root: the nearest directory up from {@code start} holding {@code .git}, else {@code start}. */
    public static Path sourceRoot(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return dir;
    }
}

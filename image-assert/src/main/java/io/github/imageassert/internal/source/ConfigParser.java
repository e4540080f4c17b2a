package io.github.imageassert.internal.source;

import io.github.imageassert.image.InvalidImageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imageassert.image.HealthCheck;
import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.Platform;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the image config JSON that OCI and docker save archives share (and the engine stores). */
public final class ConfigParser {

    public static final ObjectMapper JSON = new ObjectMapper();

    private ConfigParser() {
    }

    public static JsonNode parse(byte[] json, String what) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON,
                        what + " is not a JSON object. The archive is corrupt; export the image again.");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON,
                    what + " is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + "). The archive is corrupt; export the image again.", e);
        }
    }

    public static ImageConfig config(JsonNode root) {
        JsonNode c = root.path("config");
        return new ImageConfig(
                text(c, "User"),
                strings(c.path("Entrypoint")),
                strings(c.path("Cmd")),
                strings(c.path("Env")),
                text(c, "WorkingDir"),
                keys(c.path("ExposedPorts")),
                keys(c.path("Volumes")),
                labels(c.path("Labels")),
                healthCheck(c.path("Healthcheck")),
                c.hasNonNull("StopSignal") ? c.get("StopSignal").asText() : null,
                strings(c.path("Shell")));
    }

    public static Platform platform(JsonNode root) {
        return new Platform(root.path("os").asText("linux"), root.path("architecture").asText("amd64"),
                root.path("variant").asText(null));
    }

    public static List<String> diffIds(JsonNode root) {
        return strings(root.path("rootfs").path("diff_ids"));
    }

    public static List<HistoryEntry> history(JsonNode root) {
        List<HistoryEntry> out = new ArrayList<>();
        for (JsonNode h : root.path("history")) {
            out.add(new HistoryEntry(instant(h.path("created").asText(null)), h.path("created_by").asText(""),
                    h.path("comment").asText(""), h.path("empty_layer").asBoolean(false)));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static HealthCheck healthCheck(JsonNode h) {
        if (h.isMissingNode() || h.isNull()) {
            return null;
        }
        return new HealthCheck(strings(h.path("Test")), nanos(h, "Interval"), nanos(h, "Timeout"),
                nanos(h, "StartPeriod"), h.hasNonNull("Retries") ? h.get("Retries").asInt() : null);
    }

    private static Duration nanos(JsonNode node, String field) {
        return node.hasNonNull(field) ? Duration.ofNanos(node.get(field).asLong()) : null;
    }

    public static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // a malformed timestamp is not worth failing an assertion over
        }
    }
}

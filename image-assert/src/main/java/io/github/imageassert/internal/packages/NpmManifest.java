package io.github.imageassert.internal.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The parts of a {@code package.json} that decide what a production install needs.
 *
 * @param runtime names a running program may load: {@code dependencies}, {@code optionalDependencies} and
 *                {@code peerDependencies} (npm 7 and later install peers)
 * @param dev     {@code devDependencies}
 */
public record NpmManifest(String name, String version, Set<String> runtime, Set<String> dev) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when the text is not a JSON object, naming {@code where} */
    public static NpmManifest parse(byte[] json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        Set<String> runtime = new LinkedHashSet<>();
        names(root.get("dependencies"), runtime);
        names(root.get("optionalDependencies"), runtime);
        names(root.get("peerDependencies"), runtime);
        Set<String> dev = new LinkedHashSet<>();
        names(root.get("devDependencies"), dev);
        return new NpmManifest(root.path("name").asText(""), root.path("version").asText(""), Set.copyOf(runtime),
                Set.copyOf(dev));
    }

    private static void names(JsonNode object, Set<String> into) {
        if (object != null && object.isObject()) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                into.add(it.next());
            }
        }
    }
}

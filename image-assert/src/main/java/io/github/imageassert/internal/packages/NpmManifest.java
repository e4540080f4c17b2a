package io.github.imageassert.internal.packages;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.imageassert.internal.json.Json;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a {@code package.json} that decide what a production install needs.
 *
 * @param runtime names a running program may load: {@code dependencies}, {@code optionalDependencies} and
 *                {@code peerDependencies} (npm 7 and later install peers)
 * @param dev     {@code devDependencies}
 */
public record NpmManifest(String name, String version, Set<String> runtime, Set<String> dev) {

    /** The fields of package.json that matter here; versions are not compared, so their values are left as they are. */
    private record PackageJson(@JsonProperty("name") String name,
                               @JsonProperty("version") String version,
                               @JsonProperty("dependencies") Map<String, Object> dependencies,
                               @JsonProperty("optionalDependencies") Map<String, Object> optionalDependencies,
                               @JsonProperty("peerDependencies") Map<String, Object> peerDependencies,
                               @JsonProperty("devDependencies") Map<String, Object> devDependencies) {
    }

    /** @throws IllegalArgumentException when the text is not a package.json, naming {@code where} */
    public static NpmManifest parse(byte[] json, String where) {
        PackageJson root;
        try {
            root = Json.mapper().readValue(json, PackageJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not a valid package.json: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        Set<String> runtime = new LinkedHashSet<>();
        names(root.dependencies(), runtime);
        names(root.optionalDependencies(), runtime);
        names(root.peerDependencies(), runtime);
        Set<String> dev = new LinkedHashSet<>();
        names(root.devDependencies(), dev);
        return new NpmManifest(root.name() == null ? "" : root.name(), root.version() == null ? "" : root.version(),
                Set.copyOf(runtime), Set.copyOf(dev));
    }

    private static void names(Map<String, Object> dependencies, Set<String> into) {
        if (dependencies != null) {
            into.addAll(dependencies.keySet());
        }
    }
}

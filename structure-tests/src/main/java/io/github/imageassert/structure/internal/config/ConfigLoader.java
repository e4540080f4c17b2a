package io.github.imageassert.structure.internal.config;

import io.github.imageassert.structure.config.StructureTestConfigException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads container-structure-test configs (schema 2.0.0, and 1.0.0, which CST still reads) into typed records, YAML
 * or JSON by the file's extension as CST chooses. Stricter than CST where CST is lenient by accident: JSON gets the same unknown-key check as
 * YAML (CST decodes JSON leniently), and every error names the file, line, column and key.
 */
public final class ConfigLoader {

    public static final String SCHEMA_VERSION = "2.0.0";

    private static final ObjectMapper YAML = strict(YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build());

    private static final ObjectMapper JSON = strict(JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build());

    /** Jackson's words for a key given twice in one mapping, which CST's strict YAML reading refuses too. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '([^']*)'");

    private ConfigLoader() {
    }

    /** Go's decoders refuse "1" for an int and "true" for a bool; so does this. A number still reads as a string. */
    private static ObjectMapper strict(ObjectMapper mapper) {
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Boolean, LogicalType.Float)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /**
     * A config named as a user would: a file (relative to the working directory, as CST reads it), else a
     * resource on the class path.
     */
    public static LoadedConfig load(String name, ClassLoader classLoader) {
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            return load(file);
        }
        String resource = name.startsWith("/") ? name.substring(1) : name;
        URL url = classLoader == null ? null : classLoader.getResource(resource);
        if (url == null) {
            throw new StructureTestConfigException(name, 0, null, name + ": no such config file (looked for "
                    + file.toAbsolutePath().normalize() + ", then for the class path resource " + resource + ")");
        }
        try (InputStream in = url.openStream()) {
            return parse(name, uri(url), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StructureTestConfigException(name, 0, null, name + ": cannot be read: " + e.getMessage());
        }
    }

    public static LoadedConfig load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new StructureTestConfigException(name, 0, null, name + ": no such config file ("
                    + file.toAbsolutePath().normalize() + ")");
        }
        try {
            return parse(name, file.toAbsolutePath().normalize().toUri(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StructureTestConfigException(name, 0, null, name + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses {@code content}; {@code name} decides YAML or JSON ({@code .yaml}, {@code .yml}, {@code .json}). */
    public static LoadedConfig parse(String name, URI uri, String content) {
        ObjectMapper mapper = mapperFor(name);
        Map<String, int[]> keys = new HashMap<>();
        Map<String, Integer> lines = lines(mapper, name, content, keys);
        JsonNode tree = tree(mapper, name, content);
        String version = schemaVersion(name, tree);
        if (version.isEmpty()) {
            throw new StructureTestConfigException(name, 0, "schemaVersion", name + ": no schemaVersion: CST configs "
                    + "start with schemaVersion: \"" + SCHEMA_VERSION + "\"");
        }
        if (!version.equals(SCHEMA_VERSION) && !version.equals(SchemaOne.VERSION)) {
            throw new StructureTestConfigException(name, lines.getOrDefault("/schemaVersion", 0), "schemaVersion",
                    where(name, lines.getOrDefault("/schemaVersion", 0), 0) + "unsupported schemaVersion \"" + version
                            + "\": CST reads " + SCHEMA_VERSION + " and " + SchemaOne.VERSION + ", and so does this");
        }
        oneSpellingOfEachKey(name, tree, keys);
        try {
            StructureConfig config = version.equals(SchemaOne.VERSION)
                    ? mapper.readValue(content, SchemaOne.class).asSchemaTwo()
                    : mapper.readValue(content, StructureConfig.class);
            return new LoadedConfig(name, uri, config == null ? empty() : config, lines);
        } catch (JsonProcessingException e) {
            throw translate(name, e, tree, keys);
        }
    }

    /** CST 1.14 renamed two keys of the metadata test; a config that gives both spellings says one thing twice. */
    private static void oneSpellingOfEachKey(String name, JsonNode tree, Map<String, int[]> keys) {
        JsonNode metadata = tree == null ? null : tree.get("metadataTest");
        if (metadata == null || !metadata.isObject()) {
            return;
        }
        for (String[] pair : List.of(new String[] {"env", "envVars"}, new String[] {"unboundEnv", "unboundEnvVars"})) {
            if (metadata.has(pair[0]) && metadata.has(pair[1])) {
                int[] first = keys.getOrDefault("/metadataTest/" + pair[0], new int[2]);
                int[] second = keys.getOrDefault("/metadataTest/" + pair[1], new int[2]);
                int[] at = first[0] > second[0] ? first : second;
                String later = at == first ? pair[0] : pair[1];
                throw new StructureTestConfigException(name, at[0], later, where(name, at[0], at[1]) + "metadataTest has both '"
                        + pair[0] + "' and '" + pair[1] + "': they are the same list (CST 1.14 and later read "
                        + pair[1] + ", earlier versions " + pair[0] + "); keep one");
            }
        }
    }

    private static JsonNode tree(ObjectMapper mapper, String name, String content) {
        try {
            return mapper.readTree(content);
        } catch (JsonProcessingException e) {
            throw translate(name, e, null, Map.of());
        }
    }

    private static StructureConfig empty() {
        return new StructureConfig(SCHEMA_VERSION, null, null, null, null, null, null, null);
    }

    private static ObjectMapper mapperFor(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        throw new StructureTestConfigException(name, 0, null, name + ": a config is a .yaml, .yml or .json file "
                + "(CST chooses the format by the extension too)");
    }

    /** The version first, as CST reads it, so an old schema gets its own message rather than unknown keys. */
    private static String schemaVersion(String name, JsonNode tree) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return "";
        }
        if (!tree.isObject()) {
            throw new StructureTestConfigException(name, 1, null, name + ":1: a config is a mapping of keys "
                    + "(schemaVersion, commandTests, ...), not " + describe(tree));
        }
        JsonNode version = tree.get("schemaVersion");
        return version == null || version.isNull() ? "" : version.asText();
    }

    /**
     * Where each value starts ({@code /commandTests/2} -> line), for messages and for test sources, and where each
     * key is ({@code /commandTests/2/name} -> line and column), for messages about keys.
     */
    private static Map<String, Integer> lines(ObjectMapper mapper, String name, String content, Map<String, int[]> keys) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.getFactory().createParser(content)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                JsonLocation at = parser.currentTokenLocation();
                if (token == JsonToken.FIELD_NAME) {
                    keys.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
                } else if (token.isScalarValue() || token.isStructStart()) {
                    lines.putIfAbsent(pointer, at.getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw translate(name, e, null, Map.of());
        } catch (IOException e) {
            throw new StructureTestConfigException(name, 0, null, name + ": cannot be read: " + e.getMessage());
        }
        return lines;
    }

    private static StructureTestConfigException translate(String name, JsonProcessingException e, JsonNode tree,
                                                          Map<String, int[]> keys) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        if (e instanceof UnrecognizedPropertyException u) {
            int[] key = keys.get(pointer(u.getPath()));
            if (key != null) {
                line = key[0];
                column = key[1];
            }
            String in = path(u.getPath().subList(0, u.getPath().size() - 1));
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", "));
            String hint = SchemaOne.class.equals(u.getReferringClass())
                    && List.of("metadataTest", "containerRunOptions").contains(u.getPropertyName())
                    ? ". Schema 1.0.0 has none; CST reads it in schema 2.0.0 configs" : hint(in, u.getPropertyName());
            return new StructureTestConfigException(name, line, u.getPropertyName(), where(name, line, column)
                    + "unknown key '" + u.getPropertyName() + "'" + (in.isEmpty() ? "" : " in " + in)
                    + (known.isEmpty() ? "" : "; the keys there are: " + known) + hint);
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String path = path(m.getPath());
            String key = key(m.getPath());
            JsonNode value = tree == null ? null : tree.at(pointer(m.getPath()));
            String got = value != null && !value.isMissingNode() ? describe(value)
                    : m instanceof InvalidFormatException f && f.getValue() != null ? "\"" + f.getValue() + "\"" : "what is there";
            return new StructureTestConfigException(name, line, key, where(name, line, column) + "'" + key + "' ("
                    + path + ") must be " + expected(m.getTargetType()) + ", not " + got);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new StructureTestConfigException(name, line, key(m.getPath()), where(name, line, column)
                    + path(m.getPath()) + ": " + m.getOriginalMessage());
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        return new StructureTestConfigException(name, line, duplicate.find() ? duplicate.group(1) : null, where(name, line, column)
                + "not valid " + (name.toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "YAML") + ": "
                + firstLine(e.getOriginalMessage()));
    }

    private static String hint(String in, String key) {
        if (in.startsWith("fileExistenceTests") && key.equals("permission")) {
            return ". Did you mean 'permissions'?";
        }
        return "";
    }

    private static String where(String name, int line, int column) {
        return name + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** {@code commandTests[0].setup[1]} */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String key(List<JsonMappingException.Reference> references) {
        for (int i = references.size() - 1; i >= 0; i--) {
            if (references.get(i).getFieldName() != null) {
                return references.get(i).getFieldName();
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys";
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "a mapping";
            case ARRAY -> "a list";
            case STRING -> "the string \"" + node.asText() + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> "the boolean " + node.asText();
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }

    /** {@code /commandTests/0/exitCode} */
    private static String pointer(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                out.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                out.append('/').append(r.getIndex());
            }
        }
        return out.toString();
    }

    private static URI uri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The line a mapping starts on, e.g. {@code line("/commandTests/2")}. */
    public static Optional<Integer> line(LoadedConfig config, String pointer) {
        return Optional.ofNullable(config.lines().get(pointer));
    }
}

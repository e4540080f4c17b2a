package io.github.imageassert.internal.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.imageassert.image.InvalidImageException;
import java.io.IOException;

/**
 * Reads the JSON documents of image formats (configs, manifests, indexes) into typed records. Unknown fields
 * are ignored, as every image tool does; a document that does not fit its record is an {@link InvalidImageException}
 * naming the document and what was wrong.
 */
public final class Json {

    /** No config, manifest or index comes close; a bigger document is not metadata. */
    public static final int MAX_DOCUMENT = 16 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT)
                            .maxNestingDepth(64)
                            .maxStringLength(MAX_DOCUMENT)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param what how to name the document in an error, e.g. {@code "Archive /tmp/a.tar: manifest.json"}
     */
    public static <T> T read(byte[] json, Class<T> type, String what) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, what + " is empty (JSON null). "
                        + "The image is corrupt; export or copy it again.");
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String detail = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().lines().findFirst().orElse("");
            String problem = e instanceof com.fasterxml.jackson.core.JsonParseException
                    || e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                    ? "is not valid JSON (" + detail + ")"
                    : "is not a valid " + kind(type) + " (" + detail + (path(e).isEmpty() ? "" : " at " + path(e)) + ")";
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, what + " " + problem
                    + ". The image is corrupt; export or copy it again.", e);
        } catch (IOException e) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, what + " cannot be read: " + e.getMessage()
                    + ". The image is corrupt; export or copy it again.", e);
        }
    }

    /** {@code ImageConfigJson} is "image config". */
    private static String kind(Class<?> type) {
        String name = type.isArray() ? type.getComponentType().getSimpleName() + " list" : type.getSimpleName();
        return name.replace("Json", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Where in the document the problem is, e.g. {@code config.Env}. */
    private static String path(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
            out.append(r.getFieldName() != null ? (out.length() == 0 ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return out.toString();
    }
}

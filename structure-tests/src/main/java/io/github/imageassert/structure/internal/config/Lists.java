package io.github.imageassert.structure.internal.config;

import java.util.List;
import java.util.Objects;

/** Absent lists are empty and a null item is "", as Go's decoders leave them. */
final class Lists {

    private Lists() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static <T> List<T> of(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    static List<String> strings(List<String> values) {
        return values == null ? List.of() : values.stream().map(Lists::text).toList();
    }

    static List<List<String>> nested(List<List<String>> values) {
        return values == null ? List.of() : values.stream().map(Lists::strings).toList();
    }
}

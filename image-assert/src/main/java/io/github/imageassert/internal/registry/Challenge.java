package io.github.imageassert.internal.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code WWW-Authenticate} header: {@code Bearer realm="…",service="…",scope="repository:a/b:pull"} or
 * {@code Basic realm="…"}. Values may be quoted and contain commas (scopes do).
 */
record Challenge(String scheme, Map<String, String> params) {

    static Optional<Challenge> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        String scheme = (space < 0 ? h : h.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? h.length() : space + 1;
        while (i < h.length()) {
            while (i < h.length() && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
                i++;
            }
            int eq = h.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = h.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = eq + 1;
            while (i < h.length() && h.charAt(i) == ' ') {
                i++;
            }
            if (i < h.length() && h.charAt(i) == '"') {
                i++;
                while (i < h.length() && h.charAt(i) != '"') {
                    if (h.charAt(i) == '\\' && i + 1 < h.length()) {
                        i++;
                    }
                    value.append(h.charAt(i++));
                }
                i++; // the closing quote
            } else {
                while (i < h.length() && h.charAt(i) != ',') {
                    value.append(h.charAt(i++));
                }
            }
            params.put(key, value.toString().strip());
        }
        return Optional.of(new Challenge(scheme, params));
    }

    /** The challenge to answer among a 401's headers: Bearer where offered (it can carry credentials safely), else the first. */
    static Optional<Challenge> choose(java.util.List<String> headers) {
        Optional<Challenge> first = Optional.empty();
        for (String header : headers) {
            Optional<Challenge> c = parse(header);
            if (c.isPresent() && c.get().bearer()) {
                return c;
            }
            if (first.isEmpty()) {
                first = c;
            }
        }
        return first;
    }

    boolean bearer() {
        return scheme.equals("bearer");
    }

    boolean basic() {
        return scheme.equals("basic");
    }

    String param(String name) {
        return params.get(name);
    }
}

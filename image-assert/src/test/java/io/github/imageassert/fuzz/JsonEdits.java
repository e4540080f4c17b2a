package io.github.imageassert.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/** Random edits of one field of a JSON document: nulls, absences, huge numbers, wrong types, NULs, hostile digests. */
final class JsonEdits {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String HEX = "0123456789abcdef".repeat(4);

    /** Digests that must never lead anywhere: climbing out, devices, NULs, other algorithms, wrong lengths. */
    static String hostileDigest(SplittableRandom r, String original) {
        String hex = original != null && original.startsWith("sha256:") ? original.substring(7) : HEX;
        return Seeds.pick(r, new String[] {"sha256:../../index.json", "sha256:../../../outside/evil",
                "sha256:" + "../".repeat(12) + "dev/zero", "sha256:" + hex + "\u0000", "sha256:" + hex.toUpperCase(),
                "sha512:" + hex + hex, "sha256:" + hex.substring(1), "sha256:", "", "/etc/passwd", "sha256:" + hex + "/..",
                "../outside/evil.json", "/dev/zero", "blobs/sha256/" + hex + "\u0000x", "sha256:" + hex + "\n"});
    }

    private record Slot(JsonNode parent, String field, int index, String path) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private JsonEdits() {
    }

    /** Edits one random field of {@code root} in place; returns what was done. */
    static String edit(JsonNode root, SplittableRandom r) {
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        if (slots.isEmpty()) {
            return "nothing to edit";
        }
        Slot s = slots.get(r.nextInt(slots.size()));
        JsonNode old = s.get();
        int op = r.nextInt(10);
        if (old.isTextual() && old.asText().startsWith("sha256:") && r.nextBoolean()) {
            op = 10;
        }
        switch (op) {
            case 0 -> s.set(F.nullNode());
            case 1 -> s.remove();
            case 2 -> s.set(F.numberNode(new BigInteger(Seeds.pick(r, new String[] {"9223372036854775807",
                    "99999999999999999999999999999999", "-1", "0", "4294967296"}))));
            case 3 -> s.set(old.isTextual() ? F.numberNode(42) : old.isNumber() ? F.textNode(old.asText())
                    : old.isArray() ? F.objectNode() : old.isObject() ? F.arrayNode() : F.textNode("x"));
            case 4 -> s.set(F.textNode(old.asText() + "\u0000"));
            case 5 -> s.set(F.textNode(""));
            case 6 -> {
                if (old.isContainerNode()) {
                    s.set(nested(990));
                } else {
                    s.set(F.textNode("\uD800 \uFFFF \u202E" + old.asText()));
                }
            }
            case 7 -> {
                if (s.parent().isArray()) {
                    for (int i = 0; i < 1 + r.nextInt(64); i++) {
                        ((ArrayNode) s.parent()).add(old.deepCopy());
                    }
                } else {
                    s.set(F.numberNode(-9.9e300));
                }
            }
            case 8 -> s.set(F.textNode(old.isTextual() ? old.asText().toUpperCase() : "A"));
            case 9 -> s.set(F.textNode("x".repeat(1 << (10 + r.nextInt(12)))));
            default -> s.set(F.textNode(hostileDigest(r, old.asText())));
        }
        return "op " + op + " at " + s.path() + " (was " + abbreviate(old) + ")";
    }

    private static JsonNode nested(int depth) {
        ArrayNode top = F.arrayNode();
        ArrayNode current = top;
        for (int i = 0; i < depth; i++) {
            current = current.addArray();
        }
        return top;
    }

    private static void collect(JsonNode node, String path, List<Slot> out) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String p = path + "/" + name;
                out.add(new Slot(node, name, -1, p));
                collect(node.get(name), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "/" + i;
                out.add(new Slot(node, null, i, p));
                collect(node.get(i), p, out);
            }
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

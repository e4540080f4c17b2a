package io.github.imageassert.fuzz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one image of an archive must answer: its filesystem model, config and diff ids, from the generator alone. */
record Expected(ImageSpec image, Model fs, List<String> diffIds) {

    static Expected of(ImageSpec image, List<String> diffIds) {
        return new Expected(image, Model.of(image.layers), diffIds);
    }

    /**
     * The uid a runtime would run as: unset is root, ASCII digits are a uid, anything else is a name looked up in the
     * image's /etc/passwd; null when it cannot be resolved.
     */
    Long uid() {
        String raw = image.user == null ? "" : image.user.strip();
        if (raw.isEmpty()) {
            return 0L;
        }
        String userPart = raw.contains(":") ? raw.substring(0, raw.indexOf(':')) : raw;
        if (!userPart.isEmpty() && userPart.length() < 18 && userPart.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(userPart);
        }
        return passwd().get(userPart);
    }

    /** Whether the model can tell the user (its passwd is known when a name must be looked up). */
    boolean userDecidable() {
        return !fs.isUndefined("/etc/passwd") && !fs.isUndefined("/etc/group");
    }

    private Map<String, Long> passwd() {
        Map<String, Long> users = new HashMap<>();
        Model.Node node = fs.live.get("/etc/passwd");
        if (node == null || node.type() != '-' || node.content() == null) {
            return users;
        }
        for (String line : new String(node.content(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && f[2].matches("[0-9]{1,9}")) {
                users.putIfAbsent(f[0], Long.parseLong(f[2]));
            }
        }
        return users;
    }
}

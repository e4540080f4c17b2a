package io.github.imageassert.users;

import java.util.Optional;

/**
 * What a USER value means for a container started from the image.
 *
 * @param raw     the USER value as configured ("" when unset)
 * @param uid     effective uid, or null when it cannot be resolved
 * @param gid     effective gid, or null when unknown
 * @param name    the user's name when the image's passwd knows it
 * @param how     how the value resolved, for messages
 * @param problem why it cannot be resolved, or null
 */
public record ResolvedUser(String raw, Long uid, Long gid, String name, String how, String problem) {

    public boolean isResolved() {
        return problem == null && uid != null;
    }

    public boolean isRoot() {
        return uid != null && uid == 0;
    }

    public Optional<String> problemIfAny() {
        return Optional.ofNullable(problem);
    }

    /** {@code USER "app" ('app' resolves to uid 1000 through /etc/passwd)}, for messages. */
    public String describe() {
        String value = raw.isEmpty() ? "USER unset" : "USER \"" + raw + "\"";
        return value + " (" + (problem != null ? problem : how) + ")";
    }
}

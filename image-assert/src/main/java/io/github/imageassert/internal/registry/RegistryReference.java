package io.github.imageassert.internal.registry;

import io.github.imageassert.internal.digest.Digests;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code host[:port]/repository[:tag][@sha256:…]}, parsed as the distribution reference grammar does. The host is
 * required: a reference without one would depend on a default registry that differs between tools.
 *
 * @param tag    null when the reference names a digest only
 * @param digest null when it names a tag
 */
public record RegistryReference(String host, String repository, String tag, String digest) {

    private static final Pattern HOST = Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]{1,5})?");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    /** The grammar allows 255 characters for the whole name. */
    private static final int MAX_NAME = 255;

    public static RegistryReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(String.valueOf(text), "it is empty");
        }
        String rest = text.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!Digests.isSha256(digest)) {
                throw invalid(text, "'" + digest + "' after @ is not a sha256 digest (sha256: and 64 lowercase hex digits)");
            }
        }
        int slash = rest.indexOf('/');
        if (slash < 0 && rest.matches("(localhost|[^:]*\\.[^:]*):[0-9]+")) {
            throw invalid(text, "it names a host but no repository; write HOST[:PORT]/REPOSITORY[:TAG]");
        }
        if (slash < 0 || !looksLikeHost(rest.substring(0, slash))) {
            throw invalid(text, "it names no registry host. Write the host in full, as the pipeline pushed it, e.g. "
                    + "'HOST[:PORT]/" + rest + "' (a local registry: '127.0.0.1:5000/" + rest + "')");
        }
        String host = rest.substring(0, slash);
        String path = rest.substring(slash + 1);
        String tag = null;
        int colon = path.lastIndexOf(':');
        if (colon >= 0) {
            tag = path.substring(colon + 1);
            path = path.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(text, "'" + tag + "' is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)");
            }
        }
        if (!HOST.matcher(host).matches() || !validPort(host)) {
            throw invalid(text, "'" + host + "' is not a valid host[:port]");
        }
        if (path.isEmpty() || host.length() + 1 + path.length() > MAX_NAME) {
            throw invalid(text, path.isEmpty() ? "it names no repository after the host" : "the name is longer than " + MAX_NAME + " characters");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw invalid(text, "'" + component + "' is not a valid repository path component (lowercase letters, "
                        + "digits and single separators . _ __ -)");
            }
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new RegistryReference(host.toLowerCase(Locale.ROOT), path, tag, digest);
    }

    private static boolean validPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) {
            return true;
        }
        int port = Integer.parseInt(host.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }

    /** As docker decides: a first component with a dot or a port, or {@code localhost}, is a host. */
    private static boolean looksLikeHost(String component) {
        return component.contains(".") || component.contains(":") || component.equals("localhost") || component.startsWith("[");
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("Not a registry image reference: '" + text + "': " + why + ".");
    }

    /** What a manifest request names: the digest when there is one (it cannot move), else the tag. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    /** The same repository, pinned to {@code manifestDigest}. */
    public RegistryReference pinned(String manifestDigest) {
        return new RegistryReference(host, repository, tag, manifestDigest);
    }

    @Override
    public String toString() {
        return host + "/" + repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}

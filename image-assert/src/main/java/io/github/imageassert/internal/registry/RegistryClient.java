package io.github.imageassert.internal.registry;

import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.image.RegistryException;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.json.Json;
import io.github.imageassert.internal.json.RegistryJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The read side of the OCI distribution API for one repository: manifests and indexes by tag or digest, blobs, tag
 * lists. Everything it returns is checked against the digest it was asked by; big blobs are streams the caller
 * reads (and checks) once.
 */
public final class RegistryClient {

    static final String ACCEPT = String.join(", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            // accepted so that such an image gets its own clear error, not a confusing one
            "application/vnd.docker.distribution.manifest.v1+prettyjws");
    private static final int TAGS_SHOWN = 10;

    /** A manifest or index as the registry serves it, and the digest of exactly these bytes. */
    public record Manifest(byte[] bytes, String mediaType, String digest) {
    }

    private final RegistryReference reference;
    private final RegistryHttp http;
    private final String scope;

    public RegistryClient(RegistryReference reference, RegistrySettings settings) {
        this.reference = reference;
        this.http = new RegistryHttp(reference.host(), settings);
        this.scope = "repository:" + reference.repository() + ":pull";
    }

    /** {@code host/repository}, for messages. */
    public String describe() {
        return reference.host() + "/" + reference.repository();
    }

    /** The manifest or index a tag or digest names; a digest is checked against the bytes served. */
    public Manifest manifest(String tagOrDigest) {
        String what = "the manifest " + describe() + (tagOrDigest.startsWith("sha256:") ? "@" : ":") + tagOrDigest;
        try (RegistryHttp.Response r = http.get("/v2/" + reference.repository() + "/manifests/" + tagOrDigest, ACCEPT, scope, what)) {
            if (r.status() == 404) {
                throw notFound(r, tagOrDigest);
            }
            expectOk(r, what);
            byte[] bytes = read(r, Json.MAX_DOCUMENT, what);
            String digest = Digests.sha256(bytes);
            if (tagOrDigest.startsWith("sha256:") && !digest.equals(tagOrDigest)) {
                throw new InvalidImageException(InvalidImageException.Reason.DIGEST_MISMATCH, describe() + " served "
                        + what + " with content " + digest + ". The registry or a proxy altered it; do not trust this copy.");
            }
            String type = r.header("Content-Type").map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse(null);
            return new Manifest(bytes, type, digest);
        }
    }

    /** A small blob (a config, a nested manifest) whole, checked against its digest and size. */
    public byte[] smallBlob(String digest, long size, String what) {
        String label = what + " " + digest + " of " + describe();
        if (size > Json.MAX_DOCUMENT) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, label + " is said to be " + size
                    + " bytes; metadata is never larger than " + Json.MAX_DOCUMENT + ". The manifest is corrupt.");
        }
        try (RegistryHttp.Response r = blobResponse(digest, label)) {
            byte[] bytes = read(r, Json.MAX_DOCUMENT, label);
            if (size >= 0 && bytes.length != size || !Digests.sha256(bytes).equals(digest)) {
                throw new InvalidImageException(InvalidImageException.Reason.DIGEST_MISMATCH, label + " arrived as "
                        + bytes.length + " bytes with content " + Digests.sha256(bytes) + (size >= 0 ? ", not " + size + " bytes" : "")
                        + ". The registry or a proxy altered it; do not trust this copy.");
            }
            return bytes;
        }
    }

    /**
     * A blob's bytes as they arrive; the caller checks them against the digest. Gives up with an IOException when
     * the registry stops sending for the timeout.
     */
    public InputStream blob(String digest, String what) {
        return blobResponse(digest, what + " " + digest + " of " + describe()).body();
    }

    private RegistryHttp.Response blobResponse(String digest, String label) {
        RegistryHttp.Response r = http.get("/v2/" + reference.repository() + "/blobs/" + digest, null, scope, label);
        if (r.status() == 404) {
            r.close();
            throw new InvalidImageException(InvalidImageException.Reason.MISSING_BLOB, describe() + " has no blob for "
                    + label + " (404), though the image's manifest names it. The push was incomplete or the registry "
                    + "garbage-collected it; push the image again.");
        }
        expectOk(r, label);
        return r;
    }

    /** Up to {@code max} tags of the repository, for messages; empty when the registry will not list them. */
    public List<String> tags(int max) {
        return listTags(max).tags();
    }

    /** @param repositoryKnown false when the registry says the repository does not exist */
    private record TagListing(boolean repositoryKnown, List<String> tags) {
    }

    private TagListing listTags(int max) {
        try (RegistryHttp.Response r = http.get("/v2/" + reference.repository() + "/tags/list?n=" + max, null, scope,
                "the tags of " + describe())) {
            if (r.status() != 200) {
                return new TagListing(!(r.status() == 404 && errorCodes(r).contains("NAME_UNKNOWN")), List.of());
            }
            return new TagListing(true, Json.mapper().readValue(r.readAll(Json.MAX_DOCUMENT, "the tag list"),
                    RegistryJson.TagList.class).tags());
        } catch (IOException | RegistryException e) {
            return new TagListing(true, List.of()); // only a hint for a message; the 404 is the error
        }
    }

    private ImageNotFoundException notFound(RegistryHttp.Response r, String tagOrDigest) {
        // distribution answers MANIFEST_UNKNOWN for a repository it has never seen; its tag list tells the two apart
        TagListing listing = errorCodes(r).contains("NAME_UNKNOWN") ? new TagListing(false, List.of()) : listTags(TAGS_SHOWN + 1);
        if (!listing.repositoryKnown()) {
            return new ImageNotFoundException(reference.host() + " has no repository '" + reference.repository()
                    + "'. Check the name (and that the pipeline pushed to this registry).");
        }
        List<String> tags = listing.tags();
        String known = tags.isEmpty() ? "It lists no tags."
                : "Its tags include: " + tags.stream().limit(TAGS_SHOWN).collect(Collectors.joining(", "))
                + (tags.size() > TAGS_SHOWN ? ", …" : "") + ".";
        return new ImageNotFoundException("The repository " + describe() + " has no "
                + (tagOrDigest.startsWith("sha256:") ? "manifest " + tagOrDigest : "tag '" + tagOrDigest + "'") + ". " + known);
    }

    private static List<String> errorCodes(RegistryHttp.Response r) {
        try {
            return Json.mapper().readValue(r.readAll(64 * 1024, "an error"), RegistryJson.Errors.class).errors().stream()
                    .map(RegistryJson.Error::code).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void expectOk(RegistryHttp.Response r, String what) {
        if (r.status() != 200) {
            r.close();
            throw new RegistryException(RegistryException.Reason.PROTOCOL, reference.host() + " answered " + r.status()
                    + " to " + what + ", where the distribution API answers 200.");
        }
    }

    private static byte[] read(RegistryHttp.Response r, int max, String what) {
        try {
            return r.readAll(max, what);
        } catch (BodyStream.StalledException e) {
            throw new RegistryException(RegistryException.Reason.TIMEOUT, "Reading " + what + ": " + e.getMessage(), e);
        } catch (BodyStream.TransportException e) {
            throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Reading " + what + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Reading " + what + ": " + e.getMessage(), e);
        }
    }
}

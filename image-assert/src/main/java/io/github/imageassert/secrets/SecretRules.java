package io.github.imageassert.secrets;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.internal.index.PathGlob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a scan applies, and the paths it skips. Immutable: {@link #with}, {@link #without} and
 * {@link #ignoringPaths} return new sets.
 */
public final class SecretRules {

    /** Example files document which keys exist; they are meant to be committed and shipped. */
    private static final Pattern DOTENV_NAME = Pattern.compile("\\.env(\\.(?!example$|sample$|template$|dist$|defaults$)[\\w.-]+)?");

    private static final List<SecretRule> DEFAULTS = List.of(
            // A certificate ("BEGIN CERTIFICATE") or public key is not matched: public material is no finding. Nor is a
            // header without a key after it: documentation placeholders (npm's "BEGIN PRIVATE KEY-----\nXXXX") and
            // code that looks for the header ship in many images.
            SecretRule.content("private-key", "a private key",
                    "-----BEGIN (((?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?)-----", "**")
                    .confirmedBy((text, header) -> PrivateKeyMaterial.follows(text, header.end(), header.group(1))),
            SecretRule.content("npm-credentials", "npm registry credentials",
                    "(?m)(_authToken|_auth|_password)\\s*=\\s*\\S+", "**/.npmrc"),
            SecretRule.content("pypi-credentials", "PyPI upload credentials",
                    "(?m)^\\s*password\\s*[=:]\\s*\\S+", "**/.pypirc"),
            SecretRule.content("netrc-credentials", "a .netrc password", "(?m)\\bpassword\\s+\\S+", "**/.netrc", "**/_netrc"),
            SecretRule.content("git-credentials", "stored git credentials", "://[^:/\\s]+:[^@\\s]+@", "**/.git-credentials"),
            SecretRule.content("dotenv", "a .env file with values",
                    "(?m)^\\s*(export\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*\\S+", "**")
                    .onlyNames(name -> name.startsWith(".env") && DOTENV_NAME.matcher(name).matches()),
            SecretRule.content("aws-credentials", "AWS credentials",
                    "(?im)^\\s*aws_(secret_access_key|session_token)\\s*=\\s*\\S+", "**/.aws/credentials", "**/.aws/config"),
            SecretRule.path("gcloud-credentials", "Google Cloud credentials",
                    "**/.config/gcloud/credentials.db", "**/.config/gcloud/access_tokens.db",
                    "**/.config/gcloud/application_default_credentials.json", "**/.config/gcloud/legacy_credentials/**"),
            SecretRule.path("azure-credentials", "Azure CLI tokens",
                    "**/.azure/accessTokens.json", "**/.azure/msal_token_cache.*"),
            SecretRule.content("docker-credentials", "container registry credentials",
                    "\"auth\"\\s*:\\s*\"[^\"]+\"", "**/.docker/config.json"),
            SecretRule.content("kube-credentials", "Kubernetes credentials",
                    "(?m)^\\s*(token|client-key-data|password)\\s*:\\s*\\S+", "**/.kube/config"),
            SecretRule.directory("git-directory", "a .git directory (history, remotes, maybe credentials)", "**/.git"));

    private final Map<String, SecretRule> rules;
    private final List<SecretRule> list;
    private final List<String> ignored;
    private final List<PathGlob> ignoredMatchers;

    private SecretRules(Map<String, SecretRule> rules, List<String> ignored) {
        this.rules = rules;
        this.list = List.copyOf(rules.values());
        this.ignored = List.copyOf(ignored);
        this.ignoredMatchers = ignored.stream().map(PathGlob::of).toList();
    }

    /**
     * Private keys (never certificates), npm/PyPI/netrc/git credentials, {@code .env} files with values (not
     * {@code .env.example}), AWS, Google Cloud, Azure, registry and Kubernetes credentials, {@code .git} directories.
     */
    public static SecretRules defaults() {
        return none().with(DEFAULTS.toArray(SecretRule[]::new));
    }

    public static SecretRules none() {
        return new SecretRules(Map.of(), List.of());
    }

    /** Adds rules; one with the id of an existing rule replaces it. */
    public SecretRules with(SecretRule... more) {
        Map<String, SecretRule> copy = new LinkedHashMap<>(rules);
        Arrays.stream(more).forEach(r -> copy.put(r.id(), r));
        return new SecretRules(copy, ignored);
    }

    /** Drops rules by id; an unknown id is an error, so that a typo does not silently keep a rule. */
    public SecretRules without(String... ids) {
        Map<String, SecretRule> copy = new LinkedHashMap<>(rules);
        for (String id : ids) {
            if (copy.remove(id) == null) {
                throw new IllegalArgumentException("No secret rule '" + id + "'; the rules are " + rules.keySet());
            }
        }
        return new SecretRules(copy, ignored);
    }

    /** Skips entries at these paths, e.g. {@code /usr/lib/node_modules/npm/**} for a package's test fixtures. */
    public SecretRules ignoringPaths(String... globs) {
        List<String> more = new ArrayList<>(ignored);
        more.addAll(Arrays.asList(globs));
        return new SecretRules(rules, more);
    }

    public List<SecretRule> rules() {
        return list;
    }

    public Set<String> ids() {
        return rules.keySet();
    }

    public boolean ignores(FileEntry entry) {
        return PathGlob.anyMatches(ignoredMatchers, entry.path());
    }

    @Override
    public String toString() {
        return rules.keySet() + (ignored.isEmpty() ? "" : " ignoring " + ignored);
    }
}

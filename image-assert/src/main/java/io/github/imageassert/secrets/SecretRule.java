package io.github.imageassert.secrets;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.internal.index.PathGlob;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as a leaked secret: which entries to look at (path globs, e.g. {@code **}{@code /.npmrc}) and,
 * optionally, what their content must contain to be one. Without a content pattern, the path alone is a finding.
 * Immutable; build one with {@link #path}, {@link #content}, {@link #text} or {@link #directory}.
 */
public final class SecretRule {

    /** Default for how much of each file a content rule reads: secrets live in small files. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final String id;
    private final String description;
    private final List<String> globs;
    private final List<PathGlob> matchers;
    private final FileType type;
    private final Pattern content;
    /** Null when every name is accepted: a scan asks every rule about every entry, and a name costs a substring. */
    private final Predicate<String> nameFilter;
    private final int maxBytes;
    /** Whether a match of {@link #content} in the given text is a finding; every match is, unless a rule says more. */
    private final BiPredicate<String, MatchResult> accepts;
    /** What every match starts with ("" if nothing is sure): a file without it is no match, found out cheaply. */
    private final String literal;
    private final LeadingLiteral.Finder finder;

    private SecretRule(String id, String description, List<String> globs, FileType type, Pattern content,
                       Predicate<String> nameFilter, int maxBytes) {
        this(id, description, globs, type, content, nameFilter, maxBytes, (text, match) -> true);
    }

    private SecretRule(String id, String description, List<String> globs, FileType type, Pattern content,
                       Predicate<String> nameFilter, int maxBytes, BiPredicate<String, MatchResult> accepts) {
        this.id = requireText(id, "id");
        this.description = requireText(description, "description");
        if (globs.isEmpty()) {
            throw new IllegalArgumentException("Rule " + id + " needs at least one path glob, e.g. \"**\" for every file");
        }
        this.globs = List.copyOf(globs);
        this.matchers = globs.stream().map(PathGlob::of).toList();
        this.type = type;
        this.content = content;
        this.nameFilter = nameFilter;
        this.maxBytes = maxBytes;
        this.accepts = accepts;
        this.literal = LeadingLiteral.of(content);
        this.finder = new LeadingLiteral.Finder(literal);
    }

    /** Any regular file at one of these paths is a finding, whatever it holds. */
    public static SecretRule path(String id, String description, String... globs) {
        return new SecretRule(id, description, Arrays.asList(globs), FileType.REGULAR, null, null, DEFAULT_MAX_BYTES);
    }

    /** A directory at one of these paths is a finding (e.g. {@code **}{@code /.git}); what is under it is not listed. */
    public static SecretRule directory(String id, String description, String... globs) {
        return new SecretRule(id, description, Arrays.asList(globs), FileType.DIRECTORY, null, null, DEFAULT_MAX_BYTES);
    }

    /** A regular file at one of these paths whose first {@link #DEFAULT_MAX_BYTES} contain a match of {@code regex}. */
    public static SecretRule content(String id, String description, String regex, String... globs) {
        return new SecretRule(id, description, Arrays.asList(globs), FileType.REGULAR, Pattern.compile(regex),
                null, DEFAULT_MAX_BYTES);
    }

    /**
     * Any regular file in any layer that contains {@code text} literally, e.g. a token value a build step was
     * given: proves that a build secret did not end up in the image.
     */
    public static SecretRule text(String id, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("Rule " + id + " needs the text to look for");
        }
        return new SecretRule(id, "contains the text given to rule " + id, List.of("**"), FileType.REGULAR,
                Pattern.compile(Pattern.quote(text)), null, DEFAULT_MAX_BYTES);
    }

    /** The same rule, reading up to {@code bytes} of each file (the default is 1 MiB). */
    public SecretRule readingUpTo(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive: " + bytes);
        }
        return new SecretRule(id, description, globs, type, content, nameFilter, bytes, accepts);
    }

    /** The same rule, skipping files whose name (after the last slash) fails {@code names}. */
    public SecretRule onlyNames(Predicate<String> names) {
        Objects.requireNonNull(names, "names");
        return new SecretRule(id, description, globs, type, content, nameFilter == null ? names : nameFilter.and(names),
                maxBytes, accepts);
    }

    /** The same rule, counting only the matches {@code accepts} confirms, e.g. a header followed by key material. */
    SecretRule confirmedBy(BiPredicate<String, MatchResult> confirm) {
        return new SecretRule(id, description, globs, type, content, nameFilter, maxBytes, accepts.and(confirm));
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<String> globs() {
        return globs;
    }

    public boolean readsContent() {
        return content != null;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Whether this entry is one to look at; a content rule then still needs {@link #find}. */
    public boolean appliesTo(FileEntry entry) {
        boolean typeMatches = type == FileType.REGULAR ? entry.isRegularFile() : entry.type() == type;
        if (!typeMatches || nameFilter != null && !nameFilter.test(entry.name())) {
            return false;
        }
        return PathGlob.anyMatches(matchers, entry.path());
    }

    /** The matching text in {@code content} (read as ISO-8859-1, one char per byte), masked for messages. */
    public Optional<String> find(String content) {
        if (this.content == null) {
            return Optional.of("");
        }
        if (!literal.isEmpty() && !content.contains(literal)) {
            return Optional.empty();
        }
        Matcher m = this.content.matcher(content);
        while (m.find()) {
            if (accepts.test(content, m.toMatchResult())) {
                return Optional.of(Masking.mask(m.group()));
            }
        }
        return Optional.empty();
    }

    /**
     * The same as {@link #find(String)} on the first {@code length} bytes of {@code content} read as ISO-8859-1, without
     * making that string when the bytes cannot hold a match: a scan of 100,000 files then makes one for the few that
     * start a match's literal text (a private key's {@code -----BEGIN }), not 100 MB of strings to collect.
     */
    public Optional<String> find(byte[] content, int length) {
        Objects.checkFromIndexSize(0, length, content.length);
        if (this.content != null && !literal.isEmpty() && !finder.occursIn(content, length)) {
            return Optional.empty();
        }
        return find(new String(content, 0, length, StandardCharsets.ISO_8859_1));
    }

    @Override
    public String toString() {
        return id + " (" + description + ")";
    }

    private static String requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException("A secret rule needs a non-blank " + what);
        }
        return value;
    }
}

package io.github.imageassert.internal.dockerfile;

import io.github.imageassert.image.HistoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Dockerfile and target an image was built from, and how its history steps map to the instructions: each step
 * the build recorded (BuildKit and the legacy builder record one per instruction after FROM, ARG and ENV included)
 * pairs with an instruction of the target's stages, counted from the end; the steps before them came with the base
 * image and map to the first stage's FROM.
 */
public final class DockerfileOrigin {

    private static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

    private final Path path;
    private final String shown;
    private final String target;
    private final Dockerfile dockerfile;
    private volatile Mapping mapping;

    private DockerfileOrigin(Path path, String shown, String target, Dockerfile dockerfile) {
        this.path = path;
        this.shown = shown;
        this.target = target == null ? "" : target;
        this.dockerfile = dockerfile;
    }

    /** Reads the Dockerfile (UTF-8, else windows-1252, as BuildKit accepts either). */
    public static DockerfileOrigin read(Path dockerfile, String target) {
        Path absolute = dockerfile.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the Dockerfile " + absolute + ": " + e.getMessage(), e);
        }
        return of(absolute, Dockerfile.decode(bytes), target);
    }

    /** A Dockerfile whose text is already read. */
    public static DockerfileOrigin of(Path dockerfile, String text, String target) {
        Path absolute = dockerfile.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
        return new DockerfileOrigin(absolute, shown.replace('\\', '/'), target, Dockerfile.parse(text));
    }


    public Path path() {
        return path;
    }

    /** The path as messages show it. */
    public String shown() {
        return shown;
    }

    /** The target as given; empty for the last stage. */
    public String target() {
        return target;
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    /** The stage the image was built for, when the Dockerfile has it. */
    public Optional<Dockerfile.Stage> targetStage() {
        return dockerfile.stage(target);
    }

    /** Where history step {@code index} of {@code history} came from. */
    public Optional<SourceLocation> locate(List<HistoryEntry> history, int index) {
        List<SourceLocation> all = locateAll(history);
        return index < 0 || index >= all.size() ? Optional.empty() : Optional.ofNullable(all.get(index));
    }

    /** One location per history step (null where none is known), computed once per history. */
    public List<SourceLocation> locateAll(List<HistoryEntry> history) {
        Mapping m = mapping;
        if (m == null || m.history != history) {
            m = new Mapping(history, map(history));
            mapping = m;
        }
        return m.locations;
    }

    private List<SourceLocation> map(List<HistoryEntry> history) {
        List<SourceLocation> out = new ArrayList<>(Collections.nCopies(history.size(), null));
        Optional<Dockerfile.Stage> stage = targetStage();
        if (stage.isEmpty()) {
            return out;
        }
        List<Dockerfile.Stage> chain = dockerfile.chain(stage.get());
        List<Dockerfile.Instruction> instructions = new ArrayList<>();
        chain.forEach(s -> instructions.addAll(s.instructions()));
        Dockerfile.Stage first = chain.get(0);
        int j = instructions.size() - 1;
        for (int i = history.size() - 1; i >= 0; i--) {
            String keyword = keyword(history.get(i));
            // an instruction that recorded no step (none should, but builders change) is passed over
            int k = j;
            while (k >= 0 && !instructions.get(k).keyword().equals(keyword)) {
                k--;
            }
            if (k >= 0) {
                Dockerfile.Instruction matched = instructions.get(k);
                out.set(i, location(matched, dockerfile.stages().get(matched.stage()), false));
                j = k - 1;
            } else {
                // no instruction of ours is left that could have made it: it came with the base image
                for (int b = i; b >= 0; b--) {
                    out.set(b, location(first.from(), first, true));
                }
                break;
            }
        }
        return out;
    }

    private SourceLocation location(Dockerfile.Instruction instruction, Dockerfile.Stage stage, boolean base) {
        return new SourceLocation(shown, path, stage.label(), instruction.line(), instruction.endLine(), instruction.text(200), base);
    }

    /**
     * The instruction's keyword as a builder recorded it: BuildKit writes {@code RUN ... # buildkit}, {@code COPY ...},
     * {@code ENV ...}; the legacy builder {@code /bin/sh -c #(nop)  ENV ...} for what runs nothing, and the command
     * itself for a RUN ({@code /bin/sh -c make}, {@code |1 A=b /bin/sh -c make}, {@code sh -c make} for the exec form).
     */
    static String keyword(HistoryEntry entry) {
        String text = entry.createdBy().strip();
        int nop = text.indexOf("#(nop)");
        if (nop >= 0) {
            text = text.substring(nop + "#(nop)".length()).strip();
        } else if (text.isEmpty()) {
            return "";
        }
        int space = text.indexOf(' ');
        String first = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        if (KEYWORDS.contains(first)) {
            return first;
        }
        return nop >= 0 ? first : "RUN";
    }

    private record Mapping(List<HistoryEntry> history, List<SourceLocation> locations) {
    }
}

package io.github.imageassert.fuzz;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The differences between what the library answered and one image's model; empty when they agree. */
final class Comparison {

    private static final int MAX_SHOWN = 6;

    private Comparison() {
    }

    static List<String> differences(Answers a, Expected model, boolean checkConfig) {
        List<String> out = new ArrayList<>();
        if (!a.diffIds().equals(model.diffIds())) {
            out.add("layers: diff ids " + a.diffIds().size() + " " + abbreviate(a.diffIds()) + ", model " + model.diffIds().size()
                    + " " + abbreviate(model.diffIds()));
        }
        if (checkConfig) {
            config(a, model, out);
        }
        Model fs = model.fs();
        for (FileEntry e : a.entries()) {
            if (fs.isUndefined(e.path())) {
                continue;
            }
            Model.Node n = fs.live.get(e.path());
            if (n == null) {
                out.add("extra entry " + e.type() + " " + Answers.printable(e.path()));
            } else {
                entry(a, e, n, out);
            }
        }
        List<String> paths = a.entries().stream().map(FileEntry::path).toList();
        java.util.Set<String> present = new java.util.HashSet<>(paths);
        fs.live.forEach((path, n) -> {
            if (!present.contains(path) && !fs.isUndefined(path)) {
                out.add("missing entry " + n.type() + " " + Answers.printable(path));
            }
        });
        return out.size() > MAX_SHOWN ? List.copyOf(out.subList(0, MAX_SHOWN)) : out;
    }

    private static void config(Answers a, Expected model, List<String> out) {
        ImageSpec s = model.image();
        check(out, "config User", a.config().user(), s.user == null ? "" : s.user);
        check(out, "config Env", a.config().env(), s.env == null ? List.of() : s.env);
        check(out, "config Entrypoint", a.config().entrypoint(), s.entrypoint == null ? List.of() : s.entrypoint);
        check(out, "config Cmd", a.config().cmd(), s.cmd == null ? List.of() : s.cmd);
        if (model.userDecidable()) {
            check(out, "user() uid for USER '" + s.user + "'", a.uid(), model.uid());
        }
    }

    private static void entry(Answers a, FileEntry e, Model.Node n, List<String> out) {
        String p = Answers.printable(e.path());
        char kind = e.isRegularFile() ? '-' : switch (e.type()) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case CHAR_DEVICE -> 'c';
            case BLOCK_DEVICE -> 'b';
            case FIFO -> 'p';
            default -> '?';
        };
        if (kind != n.type()) {
            out.add(p + ": type " + e.type() + ", model '" + n.type() + "'");
            return;
        }
        if (n.type() == '-') {
            if (e.size() != n.size()) {
                out.add(p + ": size " + e.size() + ", model " + n.size());
            }
            byte[] got = a.contents().get(e.path());
            if (n.content() != null && got != null) {
                byte[] want = n.content().length > Answers.MAX_READ ? Arrays.copyOf(n.content(), Answers.MAX_READ) : n.content();
                if (!Arrays.equals(got, want)) {
                    out.add(p + ": content " + preview(got) + ", model " + preview(want));
                }
            }
        }
        if (n.type() == 'l' && !Objects.equals(e.linkTarget(), n.link())) {
            out.add(p + ": link target '" + e.linkTarget() + "', model '" + n.link() + "'");
        }
        if (n.explicit() && e.type() != FileType.HARDLINK && (e.mode() != n.mode() || e.uid() != n.uid() || e.gid() != n.gid())) {
            out.add(p + ": mode/uid/gid " + Integer.toOctalString(e.mode()) + "/" + e.uid() + "/" + e.gid() + ", model "
                    + Integer.toOctalString(n.mode()) + "/" + n.uid() + "/" + n.gid());
        }
    }

    private static void check(List<String> out, String what, Object got, Object want) {
        if (!Objects.equals(got, want)) {
            out.add(what + ": " + got + ", model " + want);
        }
    }

    private static String preview(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 24), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", ".");
        return "'" + s + "'(" + b.length + " B)";
    }

    private static String abbreviate(List<String> ids) {
        return ids.stream().map(d -> d.length() > 19 ? d.substring(7, 19) : d).toList().toString();
    }
}

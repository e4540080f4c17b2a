package io.github.imageassert.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The users and groups an image's own {@code /etc/passwd} and {@code /etc/group} define. */
public final class UserDatabase {

    public record User(String name, long uid, long gid, String home, String shell) {
    }

    public record Group(String name, long gid, List<String> members) {
    }

    private final List<User> users;
    private final List<Group> groups;
    private final boolean hasPasswd;

    private UserDatabase(List<User> users, List<Group> groups, boolean hasPasswd) {
        this.users = List.copyOf(users);
        this.groups = List.copyOf(groups);
        this.hasPasswd = hasPasswd;
    }

    /** @param passwd content of /etc/passwd, or null when the image has none (scratch, distroless static) */
    public static UserDatabase parse(String passwd, String group) {
        List<User> users = new ArrayList<>();
        if (passwd != null) {
            for (String line : passwd.split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && !line.startsWith("#")) {
                    Long uid = number(f[2]);
                    Long gid = number(f[3]);
                    if (uid != null && gid != null) {
                        users.add(new User(f[0], uid, gid, f.length > 5 ? f[5] : "", f.length > 6 ? f[6].strip() : ""));
                    }
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        if (group != null) {
            for (String line : group.split("\n")) {
                String[] f = line.split(":", -1);
                Long gid = f.length >= 3 ? number(f[2]) : null;
                if (gid != null && !line.startsWith("#")) {
                    List<String> members = f.length > 3 && !f[3].isBlank() ? List.of(f[3].strip().split(",")) : List.of();
                    groups.add(new Group(f[0], gid, members));
                }
            }
        }
        return new UserDatabase(users, groups, passwd != null);
    }

    public boolean hasPasswd() {
        return hasPasswd;
    }

    public List<User> users() {
        return users;
    }

    public List<Group> groups() {
        return groups;
    }

    public Optional<User> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public Optional<User> user(long uid) {
        return users.stream().filter(u -> u.uid() == uid).findFirst();
    }

    public Optional<Group> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<Group> group(long gid) {
        return groups.stream().filter(g -> g.gid() == gid).findFirst();
    }

    /**
     * Resolves a USER value as the engine does when it starts a container: {@code name}, {@code uid},
     * {@code name:group}, {@code uid:gid}; unset means root.
     */
    public ResolvedUser resolve(String userValue) {
        String raw = userValue == null ? "" : userValue.strip();
        if (raw.isEmpty()) {
            return new ResolvedUser(raw, 0L, 0L, "root", "USER is unset (defaults to root)", null);
        }
        int colon = raw.indexOf(':');
        String userPart = colon < 0 ? raw : raw.substring(0, colon);
        String groupPart = colon < 0 ? null : raw.substring(colon + 1);
        Long uid = number(userPart);
        String name = null;
        Long gid = null;
        String how;
        if (uid != null) {
            Optional<User> known = user(uid);
            name = known.map(User::name).orElse(null);
            gid = known.map(User::gid).orElse(groupPart == null ? uid : null);
            how = "numeric uid " + uid + known.map(u -> " (" + u.name() + " in /etc/passwd)")
                    .orElse(hasPasswd ? " (not in /etc/passwd, which a numeric USER does not need)" : "");
        } else {
            Optional<User> known = user(userPart);
            if (known.isEmpty()) {
                return new ResolvedUser(raw, null, null, null, null,
                        "user name '" + userPart + "' is not in the image's /etc/passwd"
                                + (hasPasswd ? "" : " (the image has no /etc/passwd)")
                                + "; a container from this image would fail to start. Use a numeric uid, or create the user.");
            }
            uid = known.get().uid();
            gid = known.get().gid();
            name = userPart;
            how = "'" + userPart + "' resolves to uid " + uid + " through /etc/passwd";
        }
        if (groupPart != null) {
            Long numeric = number(groupPart);
            if (numeric != null) {
                gid = numeric;
            } else {
                Optional<Group> g = group(groupPart);
                if (g.isEmpty()) {
                    return new ResolvedUser(raw, uid, null, name, null,
                            "group name '" + groupPart + "' is not in the image's /etc/group");
                }
                gid = g.get().gid();
            }
            how += ", group " + groupPart + " = gid " + gid;
        }
        return new ResolvedUser(raw, uid, gid, name, how, null);
    }

    /**
     * A uid or gid written as digits: ASCII digits only, as runtimes parse it (runc's {@code strconv.Atoi}). Other
     * scripts' digits ({@code "١٠٠٠"}) are a name, which the image's passwd must then define.
     */
    public static boolean isNumeric(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** True when resolving a USER value needs the image's passwd or group files: it names a user or a group. */
    public static boolean needsLookup(String userValue) {
        String raw = userValue == null ? "" : userValue.strip();
        int colon = raw.indexOf(':');
        String userPart = colon < 0 ? raw : raw.substring(0, colon);
        String groupPart = colon < 0 ? "" : raw.substring(colon + 1);
        return !(userPart.isEmpty() || isNumeric(userPart)) || !(groupPart.isEmpty() || isNumeric(groupPart));
    }

    /** The value of ASCII digits, or null for anything else (Long.parseLong would also take other scripts' digits). */
    private static Long number(String text) {
        if (!isNumeric(text)) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null; // more digits than a long holds: out of any runtime's range anyway
        }
    }
}

package io.github.imageassert.fs;

import java.time.Instant;

/**
 * One path of an image's filesystem as a layer wrote it.
 *
 * @param path       absolute and normalised: {@code /usr/bin/gcc}; the root is {@code /}
 * @param mode       permission bits with setuid (04000), setgid (02000) and sticky (01000); no type bits
 * @param size       bytes of content; for a hard link, the size of the file it links to
 * @param linkTarget a symlink's target as written, or a hard link's absolute target path; else null
 * @param mtime      modification time in epoch seconds
 * @param layer      index of the layer that wrote this entry
 */
public record FileEntry(String path, FileType type, int mode, long uid, long gid, long size, String linkTarget,
                        long mtime, int layer) {

    public static final int SETUID = 04000;
    public static final int SETGID = 02000;
    public static final int STICKY = 01000;

    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public boolean isSymlink() {
        return type == FileType.SYMLINK;
    }

    /** A regular file, including a hard link to one. */
    public boolean isRegularFile() {
        return type == FileType.REGULAR || type == FileType.HARDLINK;
    }

    public boolean isExecutableByAnyone() {
        return (mode & 0111) != 0;
    }

    public Instant modified() {
        return Instant.ofEpochSecond(mtime);
    }

    /** The name after the last slash; {@code /} for the root. */
    public String name() {
        return path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** The mode as {@code ls -l} shows it, e.g. {@code -rwsr-xr-x}. */
    public String modeString() {
        return type.lsChar() + permissions(mode);
    }

    /** Nine characters for the permission bits, with s/S, t/T for setuid, setgid and sticky: {@code rwsr-xr-x}. */
    public static String permissions(int mode) {
        char[] out = new char[9];
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            out[i] = (mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-';
        }
        special(out, 2, (mode & SETUID) != 0, 's');
        special(out, 5, (mode & SETGID) != 0, 's');
        special(out, 8, (mode & STICKY) != 0, 't');
        return new String(out);
    }

    private static void special(char[] out, int index, boolean set, char lower) {
        if (set) {
            out[index] = out[index] == 'x' ? lower : Character.toUpperCase(lower);
        }
    }
}

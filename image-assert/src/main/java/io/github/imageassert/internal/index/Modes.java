package io.github.imageassert.internal.index;

import io.github.imageassert.fs.FileEntry;

/** Conversions between numeric modes and their {@code rwxr-xr-x} form. */
public final class Modes {

    private Modes() {
    }

    /** Nine characters for the permission bits, as {@code ls -l} shows them. */
    public static String toSymbolic(int mode) {
        return FileEntry.permissions(mode);
    }

    /** Parses {@code rwxr-xr-x} (nine characters, optionally after a type character) into mode bits. */
    public static int parseSymbolic(String text) {
        String bits = text.length() == 10 ? text.substring(1) : text;
        if (bits.length() != 9) {
            throw new IllegalArgumentException("Not a mode: '" + text + "'. Write it like rwxr-xr-x");
        }
        int mode = 0;
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            char c = bits.charAt(i);
            boolean executeSlot = i % 3 == 2;
            if (c == rwx.charAt(i) || (executeSlot && (c == 's' || c == 't'))) {
                mode |= 0400 >> i;
            } else if (c != '-' && !(executeSlot && (c == 'S' || c == 'T'))) {
                throw new IllegalArgumentException("Not a mode: '" + text + "': unexpected '" + c + "' at " + (i + 1));
            }
            if (executeSlot && Character.toLowerCase(c) == 's') {
                mode |= i == 2 ? FileEntry.SETUID : FileEntry.SETGID;
            }
            if (executeSlot && Character.toLowerCase(c) == 't') {
                mode |= FileEntry.STICKY;
            }
        }
        return mode;
    }

    public static String toOctal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}

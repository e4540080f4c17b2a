package io.github.imageassert.structure.internal.check;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;

/**
 * A file's mode as Go's {@code fs.FileMode.String()} prints it, which is what CST's {@code permissions} compares
 * with: the letters of the set type and flag bits, in Go's order {@code dalTLDpSugct?} (a regular file has none
 * and gets {@code -}), then {@code rwxrwxrwx} with {@code -} for each clear bit. Unlike {@code ls}, setuid,
 * setgid and sticky are letters in front ({@code u}, {@code g}, {@code t}), never {@code s}/{@code t} in the
 * execute columns: {@code urwxr-xr-x}, {@code dtrwxrwxrwx}. A symlink is {@code L}, a character device
 * {@code Dc}, a block device {@code D}, a FIFO {@code p}. A hard link is the regular file it is.
 */
public final class GoFileMode {

    private GoFileMode() {
    }

    public static String of(FileEntry entry) {
        StringBuilder out = new StringBuilder(13);
        switch (entry.type()) {
            case DIRECTORY -> out.append('d');
            case SYMLINK -> out.append('L');
            case BLOCK_DEVICE, CHAR_DEVICE -> out.append('D');
            case FIFO -> out.append('p');
            default -> {
            }
        }
        int mode = mode(entry);
        if ((mode & FileEntry.SETUID) != 0) {
            out.append('u');
        }
        if ((mode & FileEntry.SETGID) != 0) {
            out.append('g');
        }
        if (entry.type() == FileType.CHAR_DEVICE) {
            out.append('c');
        }
        if ((mode & FileEntry.STICKY) != 0) {
            out.append('t');
        }
        if (out.length() == 0) {
            out.append('-');
        }
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            out.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return out.toString();
    }

    /**
     * The mode bits a container's filesystem reports for {@code entry}: those of its layer's tar header, except for
     * a symlink, which Linux always shows as {@code 0777} whatever the header says.
     */
    public static int mode(FileEntry entry) {
        return entry.type() == FileType.SYMLINK ? 0777 : entry.mode();
    }
}

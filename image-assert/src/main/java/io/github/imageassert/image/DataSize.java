package io.github.imageassert.image;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes as a person writes it: {@code "150 MB"}, {@code "150MB"}, {@code "150 MiB"}, {@code "1.5 GB"}.
 * Decimal units are powers of 1000 (MB = 10^6), binary ones powers of 1024 (MiB = 2^20). The unit written is
 * kept, so messages can speak it back.
 */
public final class DataSize implements Comparable<DataSize> {

    private static final Pattern FORMAT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]i?B|[kK]B|B|bytes?)?\\s*");

    private final long bytes;
    private final String unit;

    private DataSize(long bytes, String unit) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A size cannot be negative: " + bytes);
        }
        this.bytes = bytes;
        this.unit = unit;
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes, "B");
    }

    public static DataSize parse(String text) {
        Matcher m = FORMAT.matcher(Objects.requireNonNull(text, "size"));
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a size: '" + text + "'. Write it like \"150 MB\", \"150MiB\", \"1.5 GB\" or \"512 B\"");
        }
        String unit = m.group(2) == null || m.group(2).startsWith("byte") ? "B" : normalizeUnit(m.group(2));
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor(unit)));
        return new DataSize(value.setScale(0, RoundingMode.HALF_UP).longValueExact(), unit);
    }

    private static String normalizeUnit(String unit) {
        return unit.equalsIgnoreCase("kB") ? "kB" : unit;
    }

    private static long factor(String unit) {
        return switch (unit) {
            case "B" -> 1L;
            case "kB", "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "TB" -> 1_000_000_000_000L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "TiB" -> 1L << 40;
            default -> throw new IllegalArgumentException("Unknown unit '" + unit + "'");
        };
    }

    public long bytes() {
        return bytes;
    }

    /** {@code bytes} written in this size's unit, e.g. {@code 152.31 MB}; exact byte counts below a unit. */
    public String format(long value) {
        if (unit.equals("B")) {
            return value + " B";
        }
        BigDecimal scaled = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(factor(unit)), 2, RoundingMode.HALF_UP);
        return scaled.stripTrailingZeros().toPlainString() + " " + unit;
    }

    /** A human size in decimal units, chosen by magnitude. */
    public static String human(long value) {
        String unit = value >= 1_000_000_000L ? "GB" : value >= 1_000_000L ? "MB" : value >= 1_000L ? "kB" : "B";
        return new DataSize(0, unit).format(value);
    }

    @Override
    public int compareTo(DataSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSize d && d.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        return format(bytes).toLowerCase(Locale.ROOT).equals(bytes + " b") ? bytes + " B" : format(bytes);
    }
}

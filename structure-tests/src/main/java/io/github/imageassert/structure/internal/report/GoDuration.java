package io.github.imageassert.structure.internal.report;

import java.math.BigDecimal;
import java.time.Duration;

/** A duration as Go's {@code time.Duration.String()} prints it, as CST's text report does: 0s, 1.5ms, 2m3.004s. */
public final class GoDuration {

    private GoDuration() {
    }

    public static String of(Duration d) {
        long ns = d.toNanos();
        if (ns == 0) {
            return "0s";
        }
        String sign = ns < 0 ? "-" : "";
        ns = Math.abs(ns);
        if (ns < 1_000) {
            return sign + ns + "ns";
        }
        if (ns < 1_000_000) {
            return sign + decimal(ns, 1_000) + "µs";
        }
        if (ns < 1_000_000_000) {
            return sign + decimal(ns, 1_000_000) + "ms";
        }
        long hours = ns / 3_600_000_000_000L;
        long minutes = ns / 60_000_000_000L % 60;
        long rest = ns % 60_000_000_000L;
        StringBuilder out = new StringBuilder(sign);
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(decimal(rest, 1_000_000_000)).append('s').toString();
    }

    private static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}

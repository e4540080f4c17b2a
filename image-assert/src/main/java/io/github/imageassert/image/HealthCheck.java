package io.github.imageassert.image;

import java.time.Duration;
import java.util.List;

/**
 * A HEALTHCHECK from the image config. {@code test} is as stored: {@code ["CMD-SHELL", "curl -f ..."]},
 * {@code ["CMD", ...]}, or {@code ["NONE"]} when a stage disabled an inherited check.
 */
public record HealthCheck(List<String> test, Duration interval, Duration timeout, Duration startPeriod, Integer retries) {

    public HealthCheck {
        test = List.copyOf(test);
    }

    /** A {@code HEALTHCHECK NONE} turns the check off. */
    public boolean isDisabled() {
        return test.isEmpty() || "NONE".equals(test.get(0));
    }
}

package io.github.imageassert.internal.source;

import java.util.function.Supplier;

/**
 * A value computed on first use, by one thread, and kept: how each source reads its manifest only when a
 * question needs it. A computation that throws is tried again by the next caller (a registry may be back).
 */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private volatile T value;

    Once(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
            }
        }
        return v;
    }
}

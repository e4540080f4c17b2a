package io.github.imageassert.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks shared by threads and processes: a thread lock first (the OS lock belongs to the whole JVM),
 * then an OS file lock, which the OS drops when a process dies, so a killed JVM never keeps others waiting.
 */
final class FileLocks {

    private static final ConcurrentHashMap<Path, ReentrantLock> THREADS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits at most {@code maxWait}; empty when the lock stayed taken that long. */
    static Optional<Held> acquire(Path lockFile, Duration maxWait) throws IOException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        ReentrantLock thread = THREADS.computeIfAbsent(lockFile.toAbsolutePath(), p -> new ReentrantLock());
        try {
            if (!thread.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    FileChannel held = channel;
                    return Optional.of(() -> {
                        try {
                            lock.release();
                            held.close();
                        } catch (IOException ignored) {
                            // closing the channel releases the lock anyway
                        } finally {
                            thread.unlock();
                        }
                    });
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    thread.unlock();
                    return Optional.empty();
                }
                Thread.sleep(50);
            }
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            thread.unlock();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            thread.unlock();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Takes the lock only if free right now: for work that can be skipped, such as cleaning. */
    static Optional<Held> tryAcquire(Path lockFile) throws IOException {
        try {
            return acquire(lockFile, Duration.ZERO);
        } catch (OverlappingFileLockException e) {
            return Optional.empty();
        }
    }
}

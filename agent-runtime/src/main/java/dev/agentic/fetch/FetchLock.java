package dev.agentic.fetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One fetch at a time into a cache: an exclusive lock on {@code <cache>/fetch.lock}, held for the whole
 * fetch and released by the operating system when the process ends, however it ends. A second fetch waits
 * for the first and says so, then finds what the first fetched and skips it.
 */
final class FetchLock implements AutoCloseable {

    /** File locks are held by processes: fetches of one process into one cache take turns on this first. */
    private static final java.util.Map<Path, java.util.concurrent.locks.ReentrantLock> IN_PROCESS = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.locks.ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock lock;

    private FetchLock(java.util.concurrent.locks.ReentrantLock inProcess, FileChannel channel, FileLock lock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.lock = lock;
    }

    static FetchLock acquire(TaskCache cache, Consumer<String> progress) {
        Path file = cache.root().resolve("fetch.lock");
        java.util.concurrent.locks.ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(cache.root(), r -> new java.util.concurrent.locks.ReentrantLock());
        if (!inProcess.tryLock()) {
            progress.accept("waiting for another fetch into " + cache.root() + " to finish");
            inProcess.lock();
        }
        try {
            Files.createDirectories(cache.root());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                progress.accept("waiting for another fetch into " + cache.root() + " to finish");
                lock = channel.lock();
            }
            return new FetchLock(inProcess, channel, lock);
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            IOException io = (IOException) e;
            if (Disk.full(io)) {
                throw new FetchException("disk full while creating " + file + " (" + Disk.free(file) + "); free some space or choose another"
                        + " cache (--cache <folder> or AGENTX_CACHE)", true, e);
            }
            throw new FetchException("cannot lock the cache " + file + ": " + Disk.describe(e), true, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        } finally {
            inProcess.unlock();
        }
    }
}

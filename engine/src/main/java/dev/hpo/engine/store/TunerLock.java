package dev.hpo.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps two tuners off one tuning job. The operating system's file lock decides: it is released when
 * its process ends however it ends (kill -9, a crash, a reboot), so a lock left by a dead tuner is
 * stale by construction and the next tuner simply takes it. The file also names the owner (pid and
 * start time, so a recycled pid is not mistaken for it), for messages and for {@code hpo stop}.
 */
public final class TunerLock implements AutoCloseable {
    public static final String FILE = "tuner.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private TunerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws TunerLockHeldException when a live tuner (this process included) already holds it */
    public static TunerLock acquire(Path jobDirectory) throws IOException {
        Files.createDirectories(jobDirectory);
        Path file = jobDirectory.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            String who = liveOwner(jobDirectory).map(pid -> " (process " + pid + ")").orElse("");
            throw new TunerLockHeldException("tuning job " + jobDirectory + " is already being run by another tuner" + who
                    + "; stop it with 'hpo stop " + jobDirectory + "' or wait for it to end");
        }
        ProcessHandle me = ProcessHandle.current();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((me.pid() + " " + startInstant(me) + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new TunerLock(channel, lock);
    }

    /** The process that runs a tuning job now, if one does: a lock file of a dead process names no one. */
    public static Optional<Long> liveOwner(Path jobDirectory) throws IOException {
        String text;
        try {
            text = Files.readString(jobDirectory.resolve(FILE), StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] parts = text.split(" ");
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || (parts.length > 1 && !parts[1].equals(startInstant(process.get())))) {
            return Optional.empty();
        }
        return Optional.of(pid);
    }

    /** Kept for callers that ask who holds the lock; same as {@link #liveOwner}. */
    public static Optional<Long> owner(Path jobDirectory) throws IOException {
        return liveOwner(jobDirectory);
    }

    private static String startInstant(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse("-");
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}

package dev.hpo.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps two tuners off one tuning job. The lock file names the owning process; a lock whose process
 * is gone (kill -9, reboot) is stale and is taken over rather than blocking the job forever.
 */
public final class TunerLock implements AutoCloseable {
    public static final String FILE = "tuner.lock";

    private final Path file;

    private TunerLock(Path file) {
        this.file = file;
    }

    public static TunerLock acquire(Path jobDirectory) throws IOException {
        Files.createDirectories(jobDirectory);
        Path file = jobDirectory.resolve(FILE);
        byte[] me = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.write(file, me, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return new TunerLock(file);
            } catch (FileAlreadyExistsException taken) {
                Optional<Long> owner = owner(jobDirectory);
                if (owner.isPresent() && ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IOException("tuning job " + jobDirectory + " is already being run by another tuner (process "
                            + owner.get() + "); stop it with 'hpo stop " + jobDirectory + "' or wait for it to end");
                }
                // stale: its tuner died without releasing it
                Files.deleteIfExists(file);
            }
        }
        throw new IOException("could not take the lock " + file);
    }

    /** The process that holds the lock of a tuning job, if any holds it. */
    public static Optional<Long> owner(Path jobDirectory) throws IOException {
        try {
            String text = Files.readString(jobDirectory.resolve(FILE), StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}

package dev.hpo.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content so that a reader (describe in another terminal) or a crash at any point
 * sees either the old content or the new, never half of one: write a sibling temp file, force it to
 * disk, then rename it over the target. A write that fails part-way (a full disk) leaves the old
 * content in place and no temp file behind.
 */
public final class AtomicFile {
    /** Writes the bytes of a temp file; the seam a test uses to make the disk fail part-way. */
    @FunctionalInterface
    interface ContentWriter {
        void write(Path temp, byte[] content) throws IOException;
    }

    static final ContentWriter DURABLE = (temp, content) -> {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // on disk before the rename, or a reboot could leave the new name pointing at nothing
            channel.force(false);
        }
    };

    /**
     * Atomic but not forced to disk: a crash of the process still leaves the old or the new content, only
     * a power cut may lose the latest such write. For records that are rewritten soon or can be derived.
     */
    static final ContentWriter ATOMIC_ONLY = (temp, content) -> Files.write(temp, content);

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, DURABLE);
    }

    static void write(Path target, byte[] content, ContentWriter writer) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".tmp");
        try {
            writer.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

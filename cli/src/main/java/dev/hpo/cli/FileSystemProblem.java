package dev.hpo.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file operation failed, in words. The JDK's FileSystemException often carries only the path
 * as its message, which makes "error: /proc/x" all a user would see.
 */
final class FileSystemProblem {
    private FileSystemProblem() {
    }

    static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "it cannot be made there";
        }
        return "the file system refused it";
    }

    /** The path the operation was on and why it failed. */
    static String describe(FileSystemException e) {
        return (e.getFile() == null ? "" : e.getFile() + ": ") + reason(e);
    }
}

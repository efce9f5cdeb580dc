package dev.pairstudio.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One window per database: a second Pair Studio window on the same file would fight over
 * curation state, so it is told which file is taken instead. The command line and the
 * collector may still share the database (H2 AUTO_SERVER).
 */
final class GuiLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private GuiLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock beside the database, or returns empty when another window holds it. */
    static Optional<GuiLock> tryAcquire(Path database) throws IOException {
        Path lockFile = database.resolveSibling(database.getFileName() + ".window.lock");
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new GuiLock(ch, l));
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the process is ending; the OS releases the lock anyway
        }
    }
}

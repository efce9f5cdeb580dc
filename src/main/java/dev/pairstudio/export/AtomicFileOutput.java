package dev.pairstudio.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * A file written atomically: bytes go to a hidden temporary file in the target's folder (same
 * file system, so the final rename is atomic), optionally gzip-compressed, with the SHA-256 and
 * size of the bytes on disk computed on the way. {@link #commit} flushes, fsyncs and renames;
 * {@link #abort} (or {@link #close} without commit) deletes the temporary file, so a failure or a
 * cancel never leaves a partial file.
 *
 * <p>A target that is not a regular file is never replaced: a symbolic link is followed and the
 * file it points to is written atomically (the link stays); a FIFO, a device or any other special
 * file is written in place, as a stream, since there is nothing to rename onto (no temporary file,
 * no fsync, and {@code replace} does not apply: writing to a stream replaces nothing).
 *
 * <p>A process killed while writing cannot delete its temporary file. So the writer holds an OS
 * lock on it, and opening a new output for the same target deletes that target's temporary files
 * whose writer is gone (their lock can be taken): a crash leaves no lasting debris.
 */
public final class AtomicFileOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    /** Temporary files this JVM is writing: the sweep never opens them (closing a channel can drop this JVM's lock). */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private final MessageDigest digest;
    private final CountingDigestStream counted;
    private final OutputStream out;
    private final GZIPOutputStream gzip;
    private boolean done;
    private boolean finished;
    private String sha256;
    private long bytes;

    private AtomicFileOutput(Path target, boolean gzipped, OutputStream sinkForTests) throws IOException {
        Path given = target.toAbsolutePath();
        boolean stream = isStream(given);
        this.target = stream ? given : followLinks(given);
        Path folder = this.target.getParent();
        this.temp = stream ? null : Files.createTempFile(folder, "." + this.target.getFileName() + ".", ".part");
        if (temp != null) {
            LIVE.add(temp);
        }
        FileChannel ch = null;
        try {
            if (stream) {
                ch = FileChannel.open(
                        this.target, StandardOpenOption.WRITE); // a FIFO blocks here until its reader comes
            } else {
                ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                lock(ch);
                sweep(folder, this.target.getFileName().toString(), temp);
            }
            this.channel = ch;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            OutputStream raw = sinkForTests != null ? sinkForTests : Channels.newOutputStream(channel);
            this.counted = new CountingDigestStream(raw, digest);
            if (gzipped) {
                this.gzip = new GZIPOutputStream(counted, 1 << 16);
                this.out = new BufferedOutputStream(gzip, 1 << 16);
            } else {
                this.gzip = null;
                this.out = new BufferedOutputStream(counted, 1 << 16);
            }
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
                LIVE.remove(temp);
            }
            throw e;
        }
    }

    /**
     * True for a target written in place rather than replaced: it exists (through any links) and
     * is neither a regular file nor a folder: a FIFO, a device, a socket, a pipe behind /dev/stdout.
     */
    public static boolean isStream(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    /** The file a chain of symbolic links ends at (the path itself when it is no link); that file is the one replaced. */
    private static Path followLinks(Path target) throws IOException {
        Path p = target;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IOException(
                        target + ": too many levels of symbolic links; give the file itself as the output");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p))
                    .normalize(); // a dangling link: the file is created where it points
        }
        if (Files.isDirectory(p)) {
            throw new IOException(target + " is a folder; give a file name inside it");
        }
        return p;
    }

    /** Marks the temporary file as in use for other processes; where the file system has no locks, it stays unmarked. */
    private static void lock(FileChannel ch) {
        try {
            FileLock ignored = ch.tryLock(); // released when the channel closes, or when the process dies
        } catch (IOException | OverlappingFileLockException e) {
            // no locking here (some network file systems): such files are then never swept, only left
        }
    }

    /**
     * Deletes what killed writers left for the same target: {@code .NAME.<digits>.part} files that
     * no process holds a lock on. Files this JVM is writing are not touched; best effort.
     */
    private static void sweep(Path folder, String name, Path own) {
        String prefix = "." + name + ".";
        DirectoryStream.Filter<Path> stale = p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix)
                    && n.endsWith(".part")
                    && n.length() > prefix.length() + 5
                    && n.substring(prefix.length(), n.length() - 5).chars().allMatch(Character::isDigit)
                    && !p.equals(own)
                    && !LIVE.contains(p);
        };
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, stale)) {
            for (Path p : leftovers) {
                try (FileChannel other = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    FileLock free = other.tryLock();
                    if (free != null) {
                        Files.delete(p); // its writer is gone
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // in use, or not ours to delete: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy; the export itself goes on
        }
    }

    /** Opens a temporary file beside {@code target}; the folder must exist and be writable. */
    public static AtomicFileOutput open(Path target, boolean gzip) throws IOException {
        return new AtomicFileOutput(target, gzip, null);
    }

    /** For tests: bytes go to {@code sink} instead of the temporary file (which is still created and cleaned up). */
    static AtomicFileOutput openWithSink(Path target, boolean gzip, OutputStream sink) throws IOException {
        return new AtomicFileOutput(target, gzip, sink);
    }

    public OutputStream stream() {
        return out;
    }

    public Path target() {
        return target;
    }

    Path temp() {
        return temp;
    }

    /**
     * Finishes the file: flush, gzip trailer, fsync, rename onto the target. With
     * {@code replace} false an existing target is an error (and the temporary file is removed).
     */
    public void commit(boolean replace) throws IOException {
        finish();
        publish(replace);
    }

    /**
     * The first half of {@link #commit}: flush, gzip trailer, fsync. Every byte is on disk (a full
     * disk fails here) and {@link #sha256}/{@link #bytes} are known, but nothing is under the
     * target's name yet. A caller writing several files finishes them all before publishing any.
     */
    public void finish() throws IOException {
        if (done || finished) {
            throw new IllegalStateException("already finished");
        }
        try {
            out.flush();
            if (gzip != null) {
                gzip.finish();
            }
            counted.flush();
            if (temp != null) {
                channel.force(true); // pipes and devices cannot be synced: a stream ends with its bytes handed over
            }
            channel.close();
            if (temp != null) {
                readableByOthers(temp);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
            bytes = counted.count;
            finished = true;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** The second half of {@link #commit}: renames the finished file onto the target. */
    public void publish(boolean replace) throws IOException {
        if (!finished || done) {
            throw new IllegalStateException(done ? "already finished" : "finish() first");
        }
        try {
            if (temp != null) {
                move(replace);
                LIVE.remove(temp);
            }
            done = true;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void move(boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString(), null, "the file exists");
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target);
            }
        }
    }

    /** A temporary file is created owner-only; the finished file gets the usual rw-r--r--. */
    private static void readableByOthers(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Discards everything written; safe to call more than once. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting anyway
        }
        if (temp == null) {
            return; // a stream: what was sent is gone, there is no file of ours to remove
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more we can do; the name starts with '.' and ends with .part (the next export sweeps it)
        }
        LIVE.remove(temp);
    }

    /** Hex SHA-256 of the file's bytes, after {@link #finish} or {@link #commit}. */
    public String sha256() {
        return sha256;
    }

    /** Size of the file in bytes, after {@link #finish} or {@link #commit}. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        abort();
    }

    /** Counts and digests the bytes that reach the disk (after compression). */
    private static final class CountingDigestStream extends FilterOutputStream {
        private final MessageDigest digest;
        long count;

        CountingDigestStream(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }
    }
}

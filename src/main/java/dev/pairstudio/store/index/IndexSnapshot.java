package dev.pairstudio.store.index;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PairIndex} saved to a file so that the next process reads it (a sequential read of
 * ~100 bytes a pair) instead of rebuilding it from every row of the table. The file is stamped
 * with the change-log position it reflects ({@code seq} and that entry's {@code logged_at}) and
 * ends with a CRC-32C; {@link IndexKeeper} brings it forward from the change log and checks it
 * against the database before trusting it. Written to a temporary file and renamed, so a reader
 * sees the old file or the new one, never half of one.
 *
 * <p>Layout: magic, {@link #FORMAT}, seq, stamp, then {@link PairIndex#write}. Raise
 * {@link #FORMAT} whenever the layout or the meaning of a derived column changes (sort keys,
 * text hashes, what {@link IndexRows} reads): an older file is then rebuilt, never misread.
 */
public final class IndexSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSnapshot.class);
    private static final long MAGIC = 0x5053_4944_5853_4e50L; // a fixed mark: this is an index snapshot
    static final int FORMAT = 2; // 2: question ranks

    /** A snapshot read back: the index and the change-log position it reflects. */
    record Loaded(PairIndex index, long seq, String stamp) {}

    private IndexSnapshot() {}

    /** The snapshot in {@code file}, or empty (with the reason logged) when there is none or it cannot be read whole. */
    static Optional<Loaded> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (SnapshotFile.In in = new SnapshotFile.In(file)) {
            if (in.i64() != MAGIC) {
                throw new IOException("not an index snapshot");
            }
            int format = in.i32();
            if (format != FORMAT) {
                throw new IOException("format " + format + ", this version reads " + FORMAT);
            }
            long seq = in.i64();
            String stamp = in.str();
            PairIndex index = PairIndex.read(in);
            if (!in.verify()) {
                throw new IOException("its checksum does not match");
            }
            return Optional.of(new Loaded(index, seq, stamp));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Index snapshot {} not used ({}); the index is rebuilt from the database", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Free space a snapshot leaves on its disk besides twice its own size: the database beside it
     * must be able to grow and to close (H2 writes on close), and a cache never competes with it.
     */
    static final long SPARE_BYTES = 64L << 20;

    /**
     * Replaces {@code file} with a snapshot of {@code index} at change-log entry {@code seq}.
     * Readable by the owner only. Returns false, writing nothing, when the disk is nearly full.
     */
    static boolean write(Path file, PairIndex index, long seq, String stamp) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).getUsableSpace() < 2 * index.memoryBytes() + SPARE_BYTES) {
            LOG.info(
                    "Index snapshot {} not written: less than {} MB would stay free on its disk",
                    file,
                    (2 * index.memoryBytes() + SPARE_BYTES) >> 20);
            return false;
        }
        Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(
                        dir,
                        "." + file.getFileName(),
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (SnapshotFile.Out out = new SnapshotFile.Out(temp)) {
                out.i64(MAGIC);
                out.i32(FORMAT);
                out.i64(seq);
                out.str(stamp);
                index.write(out);
                out.finish();
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

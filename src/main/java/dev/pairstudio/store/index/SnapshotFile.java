package dev.pairstudio.store.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The binary layer of an index snapshot: primitives and whole arrays in little-endian order
 * through a 1 MB buffer (arrays are copied in bulk, not element by element), a CRC-32C over every
 * byte, and the checksum as the file's last four bytes. {@link In} checks it at {@link In#verify}.
 */
final class SnapshotFile {
    private static final int BUFFER = 1 << 20;

    private SnapshotFile() {}

    /** Copies k array elements from index {@code at} to or from a buffer at its position, without moving it. */
    @FunctionalInterface
    private interface Bulk {
        void run(ByteBuffer buffer, int at, int k);
    }

    /** The buffer with {@code bytes} to write into or read from at its position. */
    @FunctionalInterface
    private interface Space {
        ByteBuffer take(int bytes) throws IOException;
    }

    /** Moves n elements of {@code size} bytes between an array and the file, a buffer at a time. */
    private static void array(int n, int size, Space space, Bulk copy) throws IOException {
        for (int at = 0; at < n; ) {
            int k = Math.min(n - at, BUFFER / size);
            ByteBuffer b = space.take(k * size);
            copy.run(b, at, k);
            b.position(b.position() + k * size);
            at += k;
        }
    }

    /** Writes a snapshot; {@link #finish} appends the checksum. */
    static final class Out implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Out(Path file) throws IOException {
            channel = FileChannel.open(
                    file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE);
        }

        void i32(int v) throws IOException {
            room(4).putInt(v);
        }

        void i64(long v) throws IOException {
            room(8).putLong(v);
        }

        void bool(boolean v) throws IOException {
            room(1).put((byte) (v ? 1 : 0));
        }

        /** A nullable string: its UTF-8 length (-1 for null) and bytes. */
        void str(String s) throws IOException {
            if (s == null) {
                i32(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            bytes(b, b.length);
        }

        void longs(long[] a, int n) throws IOException {
            array(n, Long.BYTES, this::room, (b, at, k) -> b.asLongBuffer().put(a, at, k));
        }

        void ints(int[] a, int n) throws IOException {
            array(n, Integer.BYTES, this::room, (b, at, k) -> b.asIntBuffer().put(a, at, k));
        }

        void bytes(byte[] a, int n) throws IOException {
            array(n, 1, this::room, (b, at, k) -> b.put(b.position(), a, at, k));
        }

        /** Appends the checksum of everything written and forces the file to disk. */
        void finish() throws IOException {
            drain();
            buf.putInt((int) crc.getValue());
            buf.flip();
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            buf.clear();
            channel.force(false);
        }

        private ByteBuffer room(int bytes) throws IOException {
            if (buf.remaining() < bytes) {
                drain();
            }
            return buf;
        }

        private void drain() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            buf.clear();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Reads a snapshot front to back; a length that cannot be right fails at once, a changed byte at {@link #verify}. */
    static final class In implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();
        private final long fileSize;
        private long consumed;

        In(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            fileSize = channel.size();
            buf.limit(0);
        }

        int i32() throws IOException {
            return need(4).getInt();
        }

        long i64() throws IOException {
            return need(8).getLong();
        }

        boolean bool() throws IOException {
            return need(1).get() != 0;
        }

        String str() throws IOException {
            int n = i32();
            if (n < 0) {
                return null;
            }
            return new String(bytes(n), StandardCharsets.UTF_8);
        }

        /** A count for an array about to be read: refused when the rest of the file is too short to hold it. */
        int count(int elementBytes) throws IOException {
            int n = i32();
            if (n < 0 || (long) n * elementBytes > fileSize - consumed + buf.remaining()) {
                throw new IOException("a length of " + n + " does not fit the file");
            }
            return n;
        }

        long[] longs(int n) throws IOException {
            long[] a = new long[n];
            array(n, Long.BYTES, this::need, (b, at, k) -> b.asLongBuffer().get(a, at, k));
            return a;
        }

        int[] ints(int n) throws IOException {
            int[] a = new int[n];
            array(n, Integer.BYTES, this::need, (b, at, k) -> b.asIntBuffer().get(a, at, k));
            return a;
        }

        byte[] bytes(int n) throws IOException {
            byte[] a = new byte[n];
            array(n, 1, this::need, (b, at, k) -> b.get(b.position(), a, at, k));
            return a;
        }

        /** Whether the checksum at the end matches every byte read, and nothing else follows it. */
        boolean verify() throws IOException {
            long expected = crcSoFar();
            int stored = need(4).getInt();
            return stored == (int) expected && consumed == fileSize && !buf.hasRemaining();
        }

        private long crcSoFar() {
            crc.update(buf.array(), mark, buf.position() - mark);
            mark = buf.position();
            return crc.getValue();
        }

        /** Start of the buffered bytes not yet in {@link #crc}. */
        private int mark;

        private ByteBuffer need(int bytes) throws IOException {
            if (buf.remaining() >= bytes) {
                return buf;
            }
            crcSoFar();
            buf.compact();
            mark = 0;
            while (buf.position() < bytes) {
                int read = channel.read(buf);
                if (read < 0) {
                    throw new EOFException("the file ends early");
                }
                consumed += read;
            }
            buf.flip();
            return buf;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}

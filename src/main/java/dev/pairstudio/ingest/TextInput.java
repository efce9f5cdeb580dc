package dev.pairstudio.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file for reading as UTF-8 text: counts bytes for progress, skips a UTF-8 BOM, and
 * refuses what is clearly not UTF-8 text (binary files, UTF-16) before any record is read.
 */
final class TextInput extends FilterInputStream {
    private static final int SNIFF = 8192;
    private long position;

    private TextInput(InputStream in) {
        super(in);
    }

    static TextInput open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            check(head);
            TextInput text = new TextInput(in);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                text.skipNBytes(3);
            }
            return text;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static void check(byte[] head) throws UnreadableFileException {
        if (head.length >= 2
                && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                        || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            throw new UnreadableFileException(0, "the file is UTF-16 encoded; save it as UTF-8 and import it again");
        }
        int nul = 0;
        for (byte b : head) {
            if (b == 0) {
                nul++;
            }
        }
        // A few NUL bytes are a damaged record (reported on its line); many mean binary or UTF-16.
        if (nul > 16 && nul * 20 > head.length) {
            throw new UnreadableFileException(
                    0, "the file is binary (or UTF-16), not UTF-8 text; nothing was imported from it");
        }
    }

    long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        position += k;
        return k;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}

package dev.pairstudio.cli;

import dev.pairstudio.export.AtomicFileOutput;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one file a command writes ({@code --output}): {@code -} is standard output; any other path
 * is written through {@link AtomicFileOutput}, so a file appears whole or not at all, and a link,
 * FIFO or device is written through, never replaced.
 */
final class OutputFile implements AutoCloseable {
    private final AtomicFileOutput file;
    private final OutputStream out;

    private OutputFile(AtomicFileOutput file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    static boolean isStandardOutput(Path output) {
        return output.toString().equals("-");
    }

    static OutputFile open(Path output) throws IOException {
        if (isStandardOutput(output)) {
            // the descriptor itself, not System.out: bytes as written, and a closed pipe is an error, not a silent flag
            return new OutputFile(null, new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        }
        Path target = output.toAbsolutePath();
        if (!AtomicFileOutput.isStream(target)) {
            Files.createDirectories(target.getParent());
        }
        AtomicFileOutput file = AtomicFileOutput.open(target, false);
        return new OutputFile(file, file.stream());
    }

    OutputStream stream() {
        return out;
    }

    /** Every byte written: the file is in place (replacing an older one), or standard output is flushed. */
    void commit() throws IOException {
        if (file == null) {
            out.flush();
        } else {
            file.commit(true);
        }
    }

    /** Without {@link #commit}: the temporary file goes, an existing file stays as it was. */
    @Override
    public void close() {
        if (file != null) {
            file.abort();
        }
    }
}

package dev.pairstudio.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Named pipes in a test's temporary folder, and a reader at their other end (the targets a shell's /dev/stdout can be). */
public final class Fifos {
    private Fifos() {}

    /** Makes a FIFO at {@code path} with mkfifo(1), which ends by itself (waited for, killed by its handle if it hangs). */
    public static Path make(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("mkfifo did not finish");
        }
        if (p.exitValue() != 0 || !Files.exists(path) || Files.isRegularFile(path)) {
            throw new IOException("mkfifo " + path + " failed");
        }
        return path;
    }

    /** Reads everything written to the FIFO until its writer closes it, on a thread of its own. */
    public static CompletableFuture<byte[]> readAll(Path fifo) {
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        read.complete(Files.readAllBytes(fifo)); // opening blocks until a writer comes
                    } catch (IOException | RuntimeException e) {
                        read.completeExceptionally(e);
                    }
                },
                "fifo-reader");
        t.setDaemon(true);
        t.start();
        return read;
    }
}

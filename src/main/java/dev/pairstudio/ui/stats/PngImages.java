package dev.pairstudio.ui.stats;

import dev.pairstudio.export.AtomicFileOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** PNG encoding of snapshots and atomic writing; safe off the FX thread once the snapshot is taken. */
final class PngImages {
    private PngImages() {}

    static byte[] encode(Image image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out)) {
            throw new IOException("no PNG writer available");
        }
        return out.toByteArray();
    }

    /** Writes to a temporary file beside {@code target} and renames it, so a failure never leaves half a file. */
    static Path write(Path target, byte[] bytes) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (AtomicFileOutput file = AtomicFileOutput.open(target, false)) {
            OutputStream out = file.stream();
            out.write(bytes);
            file.commit(true);
        }
        return target;
    }
}

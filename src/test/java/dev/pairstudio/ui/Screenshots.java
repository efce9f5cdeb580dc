package dev.pairstudio.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a user would see as a PNG under {@code target/screenshots/} (or {@code pairstudio.screenshots}). */
public final class Screenshots {
    private Screenshots() {}

    public static Path save(Scene scene, String name) {
        return write(snapshot(() -> scene.snapshot(null)), name);
    }

    public static Path save(Node node, String name) {
        return write(snapshot(() -> node.snapshot(null, null)), name);
    }

    private static WritableImage snapshot(Callable<WritableImage> shot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.asyncFx(shot).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("snapshot failed", e);
        }
    }

    private static Path write(WritableImage image, String name) {
        Path dir = Path.of(System.getProperty("pairstudio.screenshots", "target/screenshots"));
        Path file = dir.resolve(name.endsWith(".png") ? name : name + ".png");
        try {
            Files.createDirectories(dir);
            BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
            ImageIO.write(buffered, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

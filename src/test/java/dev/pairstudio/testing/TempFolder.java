package dev.pairstudio.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the temporary folders the per-test fixtures make (JUnit's {@code @TempDir} is for test fields only). */
final class TempFolder {
    private TempFolder() {}

    /** Removes the folder and all in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package dev.pairstudio.reliability;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where a {@link Soak} run stands after its last whole cycle, kept beside its database so that a
 * run paused at a cycle boundary (a cycle ends by closing the file) continues in a new JVM: the
 * live pairs it expects, the problems and unanswered requests so far, and the seconds spent cycling.
 */
record SoakState(String settings, int cycle, long expected, int problems, long lateAnswers, double seconds) {
    private static final String FILE = "soak.state";

    static SoakState fresh(String settings) {
        return new SoakState(settings, 0, 0, 0, 0, 0);
    }

    SoakState after(int cycle, long expected, int problems, long lateAnswers, double cycleSeconds) {
        return new SoakState(settings, cycle, expected, problems, lateAnswers, seconds + cycleSeconds);
    }

    /** The state in {@code dir}; refused when there is none or it was run with other settings. */
    static SoakState read(Path dir, String settings) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("nothing to resume: " + file + " does not exist (start without --resume)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        if (!settings.equals(p.getProperty("settings"))) {
            throw new IOException("the run in " + dir + " used " + p.getProperty("settings") + ", not " + settings);
        }
        return new SoakState(
                settings,
                Integer.parseInt(p.getProperty("cycle")),
                Long.parseLong(p.getProperty("expected")),
                Integer.parseInt(p.getProperty("problems")),
                Long.parseLong(p.getProperty("lateAnswers")),
                Double.parseDouble(p.getProperty("seconds")));
    }

    /** Replaces the file whole (a temporary file renamed), so a kill leaves the previous cycle's state. */
    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("settings", settings);
        p.setProperty("cycle", Integer.toString(cycle));
        p.setProperty("expected", Long.toString(expected));
        p.setProperty("problems", Integer.toString(problems));
        p.setProperty("lateAnswers", Long.toString(lateAnswers));
        p.setProperty("seconds", Double.toString(seconds));
        Path temp = dir.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(temp)) {
            p.store(w, "bench/soak.sh --resume continues from here");
        }
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

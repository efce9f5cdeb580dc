package dev.pairstudio.reliability;

import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.SeedJsonlWriter;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.TrashBatch;
import dev.pairstudio.testing.CliRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The soak of issue 25: N cycles on one database file, each as a user meets the product. Not part
 * of {@code mvn verify}; run it with {@code bench/soak.sh}.
 *
 * <p>A cycle: the CLI imports a freshly generated file (stored, analysed, grouped); a collector
 * takes pairs over HTTP at a steady rate while a reader pages, counts and searches as the window
 * does; the CLI exports every format; pairs are deleted by filter, restored, deleted again and
 * purged; the file is closed and opened again. After each step the counts must add up. Every
 * exception is printed with its stack trace and counted; the exit code is the number of problems
 * (0: clean).
 *
 * <p>Arguments: {@code DIR [cycles] [pairs per import] [collect seconds] [collected pairs per second]},
 * by default 10 cycles of 1,000,000 pairs, 60 s at 1,000 pairs/s.
 */
public final class Soak {

    private final Path dir;
    private final Path db;
    private final int pairs;
    private final int collectSeconds;
    private final int perSecond;
    private int problems;
    private long expected;
    /** Requests the client stopped waiting for: not a loss (nothing was acknowledged), but a collector too slow to answer. */
    private long lateAnswers;

    private Soak(Path dir, int pairs, int collectSeconds, int perSecond) {
        this.dir = dir;
        this.db = dir.resolve("soak");
        this.pairs = pairs;
        this.collectSeconds = collectSeconds;
        this.perSecond = perSecond;
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        boolean resume = false;
        Instant stopBy = null;
        for (String a : args) {
            if (a.equals("--resume")) {
                resume = true;
            } else if (a.startsWith("--stop-by=")) {
                stopBy = Instant.parse(a.substring("--stop-by=".length()));
            } else {
                positional.add(a);
            }
        }
        Path dir = Path.of(positional.size() > 0 ? positional.get(0) : "target/soak");
        int cycles = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 10;
        Soak soak = new Soak(
                dir,
                positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 1_000_000,
                positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 60,
                positional.size() > 4 ? Integer.parseInt(positional.get(4)) : 1_000);
        Files.createDirectories(dir);
        if (!resume && Files.exists(soak.db.resolveSibling("soak.mv.db"))) {
            System.err.println(
                    "soak: " + dir + " holds a run already: continue it with --resume, or choose a new --dir");
            System.exit(2);
        }
        SoakState state;
        try {
            state = resume ? SoakState.read(dir, soak.settings()) : SoakState.fresh(soak.settings());
        } catch (IOException e) {
            System.err.println("soak: cannot resume: " + e.getMessage());
            System.exit(2);
            return;
        }
        soak.expected = state.expected();
        soak.problems = state.problems();
        soak.lateAnswers = state.lateAnswers();
        if (resume) {
            log(
                    "resuming after cycle %d of %d: %d pairs live, %d problems so far",
                    state.cycle(), cycles, state.expected(), state.problems());
        }
        long lastCycleNanos = 0;
        for (int cycle = state.cycle() + 1; cycle <= cycles; cycle++) {
            if (stopBy != null
                    && Instant.now().plusNanos(lastCycleNanos * 5 / 4).isAfter(stopBy)) {
                log(
                        "PAUSED after cycle %d of %d (the next would end after %s); continue with: bench/soak.sh --dir %s --resume",
                        cycle - 1, cycles, stopBy, dir);
                System.exit(Math.min(soak.problems, 100));
            }
            long c0 = System.nanoTime();
            soak.cycle(cycle);
            lastCycleNanos = System.nanoTime() - c0;
            state = state.after(cycle, soak.expected, soak.problems, soak.lateAnswers, lastCycleNanos / 1e9);
            state.write(dir);
            log(
                    "cycle %d done in %.0f s; %d pairs live; problems so far: %d",
                    cycle, lastCycleNanos / 1e9, soak.expected, soak.problems);
        }
        log(
                "SOAK %s: %d cycles in %.0f s of cycling, %d problems, %d requests unanswered within %d s",
                soak.problems == 0 ? "CLEAN" : "FAILED",
                cycles,
                state.seconds(),
                soak.problems,
                soak.lateAnswers,
                PacedPosts.ANSWER_TIMEOUT.toSeconds());
        System.exit(Math.min(soak.problems, 100));
    }

    /** What a resumed soak must share with the run it continues. */
    private String settings() {
        return pairs + " pairs, " + collectSeconds + " s at " + perSecond + "/s";
    }

    private void cycle(int cycle) throws Exception {
        step("import", () -> {
            Path file = dir.resolve("cycle-" + cycle + ".jsonl");
            try (SeedJsonlWriter out = new SeedJsonlWriter(Files.newOutputStream(file))) {
                new SyntheticPairs(1_000L + cycle).generate(pairs, p -> {
                    try {
                        out.write(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            cli("--db", db.toString(), "import", file.toString());
            expected += pairs;
            checkCount("after the import");
            Files.delete(file);
        });
        step("collect", () -> {
            try (Database store = Databases.open(db.toString())) {
                Collected c = collect(store, cycle);
                long stored = store.count(PairFilter.ALL) - expected;
                // a request that timed out may have been committed after all: its pairs may or may not be there
                if (stored < c.acknowledged() || stored > c.acknowledged() + c.unanswered()) {
                    problem(
                            "collect: %d pairs stored, %d acknowledged, %d sent in requests left unanswered",
                            stored, c.acknowledged(), c.unanswered());
                }
                expected += stored;
            }
        });
        step("export", () -> {
            List<String> formats;
            try (Database store = Databases.open(db.toString())) {
                formats = new DatasetExporter(store, null).formats();
            }
            for (String format : formats) {
                Path out = dir.resolve("export-" + format);
                cli("--db", db.toString(), "export", "--format", format, "--output", out.toString(), "--overwrite");
                removeExport(out, format);
            }
        });
        step("delete, restore, purge", () -> {
            try (Database store = Databases.open(db.toString())) {
                PairFilter some = PairFilter.ALL.withText("orders", false);
                long matching = store.count(some);
                TrashBatch trashed = store.trash(some);
                same("trashed", trashed.count(), matching);
                same("live after the delete", store.count(PairFilter.ALL), expected - matching);
                same("restored", store.restore(trashed.id()), matching);
                same("live after the restore", store.count(PairFilter.ALL), expected);
                TrashBatch again = store.trash(some);
                same("purged", store.purge(), again.count());
                expected -= again.count();
                same("live after the purge", store.count(PairFilter.ALL), expected);
            }
        });
        step("close and reopen", () -> checkCount("after reopening"));
    }

    /** Pairs in answered requests, and in requests the client gave up on (the seed's API has no client ids to retry with). */
    private record Collected(long acknowledged, long unanswered) {}

    /** Posts batches at the set rate for the set time while a reader uses the store as the window does. */
    private Collected collect(Database store, int cycle) throws Exception {
        PacedPosts.Result posted;
        long rounds;
        try (CollectorServer server =
                        CollectorServer.start(store, CollectorConfig.defaults().withPort(0));
                WindowReads reads = WindowReads.start(store, e -> problem("reader: %s", stackTrace(e)))) {
            posted = PacedPosts.run(
                    server, -cycle, "soak-" + cycle + "-", perSecond, Duration.ofSeconds(collectSeconds), () -> {
                        lateAnswers++;
                        log(
                                "  LATE no answer within %d s (the machine's load: %.1f)",
                                PacedPosts.ANSWER_TIMEOUT.toSeconds(), load());
                    });
            reads.close();
            rounds = reads.rounds();
        }
        posted.refusals().forEach(r -> problem("collector answered %s", r));
        log(
                "  collected %d pairs in %d s (%d in unanswered requests); the reader made %d rounds of reads",
                posted.acknowledged(), collectSeconds, posted.unanswered(), rounds);
        return new Collected(posted.acknowledged(), posted.unanswered());
    }

    private void checkCount(String when) {
        try (Database store = Databases.open(db.toString())) {
            same("live pairs " + when, store.count(PairFilter.ALL), expected);
            same("unanalysed pairs " + when, store.unanalysed(0, 1).size(), 0);
        }
    }

    /** Checks that an export wrote something, then deletes it: at 8M pairs every format's files together pass 20 GB. */
    private void removeExport(Path out, String format) throws IOException {
        // the file or folder of splits, and the manifest beside it
        List<Path> written = List.of(out, out.resolveSibling(out.getFileName() + ".manifest.json"));
        long bytes = 0;
        for (Path f : written) {
            if (!Files.exists(f)) {
                continue;
            }
            try (var tree = Files.walk(f)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    bytes += f.equals(out) && Files.isRegularFile(p) ? Files.size(p) : 0; // the data, not the manifest
                    Files.delete(p);
                }
            }
        }
        if (bytes == 0) {
            problem("export %s wrote nothing at %s", format, out);
        }
    }

    private void cli(String... args) {
        CliRun run = CliRun.of(args);
        if (run.code() != 0) {
            problem(
                    "pairstudio %s exited %d: %s",
                    String.join(" ", args), run.code(), run.err().trim());
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) {
        long t0 = System.nanoTime();
        try {
            step.run();
        } catch (Exception | Error e) {
            problem("%s failed: %s", name, stackTrace(e));
        }
        log("  %s: %.1f s", name, seconds(t0));
    }

    private void same(String what, long actual, long wanted) {
        if (actual != wanted) {
            problem("%s: %d, expected %d", what, actual, wanted);
        }
    }

    private synchronized void problem(String format, Object... args) {
        problems++;
        log("PROBLEM " + format, args);
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println(Instant.now() + " " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}

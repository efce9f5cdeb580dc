package dev.pairstudio.reliability;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** What the reliability tests share: synthetic data, real H2 files, child JVMs. */
final class Reliability {
    private Reliability() {}

    /** The duration of the concurrency run: {@code -Dreliability.seconds=60} for the long run. */
    static int seconds() {
        return Integer.getInteger("reliability.seconds", 10);
    }

    /** A new H2 file database in {@code dir} holding {@code count} synthetic pairs (stored with a first-keyword type only). */
    static String databaseWith(Path dir, String name, int count, long seed) {
        String db = dir.resolve(name).toString();
        try (Database store = Databases.open(db)) {
            add(store, new SyntheticPairs(seed).list(count), "seed");
        }
        return db;
    }

    /**
     * A fresh copy of a database of {@code count} synthetic pairs (seed {@code count}), stored as
     * read; built once per test run (see {@link dev.pairstudio.testing.TestDatabases}).
     */
    static Path synthetic(int count) {
        return TestDatabases.copyOfQuicklyTyped("reliability-" + count, () -> new SyntheticPairs(count).list(count));
    }

    static void add(Database store, List<Pair> pairs, String batch) {
        for (int i = 0; i < pairs.size(); i += 5_000) {
            store.addAll(pairs.subList(i, Math.min(pairs.size(), i + 5_000)), null, Source.FILE, batch);
        }
    }

    /**
     * Exports every live pair in {@code format}, duplicates kept, the default profile otherwise. {@code eachPoll}
     * runs each time the exporter asks whether to stop (about once a batch), and never stops it.
     */
    static ExportResult export(
            Database store, String format, Path target, ExportTargetPolicy existing, Runnable eachPoll) {
        return new DatasetExporter(store, null)
                .export(ExportProfile.defaults(format).withDedup(false), target, existing, new ExportListener() {
                    @Override
                    public boolean isCancelled() {
                        eachPoll.run();
                        return false;
                    }
                });
    }

    static long live(Database store) {
        return store.count(PairFilter.ALL);
    }

    /** The highest store id (live or trash), 0 for an empty store. */
    static long maxId(Database store) {
        long max = 0;
        for (boolean trash : new boolean[] {false, true}) {
            var page = store.query(PairFilter.ALL.withTrash(trash), new PairSort(SortColumn.ID, true), null, 1);
            if (!page.rows().isEmpty()) {
                max = Math.max(max, page.rows().get(0).id());
            }
        }
        return max;
    }

    /** The highest store id among the given pairs (found by pair_id). */
    static long maxIdOf(Database store, List<Pair> pairs) {
        long max = 0;
        for (Pair p : pairs) {
            max = Math.max(max, store.getByPairId(p.pairId()).orElseThrow().id());
        }
        return max;
    }

    static long trashed(Database store) {
        return store.count(PairFilter.ALL.withTrash(true));
    }

    /**
     * SHA-256 over every stored pair (live and trash) in insertion order: id, pair_id, texts,
     * timestamp, status, trash state. Equal before and after means nothing stored was touched.
     */
    static String fingerprint(Database store) {
        return fingerprint(store, Long.MAX_VALUE);
    }

    /** {@link #fingerprint(Database)} of the pairs with store ids up to {@code upToId}: those stored before a test. */
    static String fingerprint(Database store, long upToId) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (boolean trash : new boolean[] {false, true}) {
            store.forEach(PairFilter.ALL.withTrash(trash), PairSort.INSERTION, p -> {
                if (p.id() > upToId) {
                    return;
                }
                String row = p.id() + "\u0001" + p.pair().pairId() + "\u0001"
                        + p.pair().question() + "\u0001" + p.pair().sql()
                        + "\u0001" + p.pair().timestamp() + "\u0001" + p.pair().databaseName() + "\u0001" + p.status()
                        + "\u0001" + p.trashBatch() + "\n";
                md.update(row.getBytes(StandardCharsets.UTF_8));
            });
        }
        return HexFormat.of().formatHex(md.digest());
    }

    // ---- child JVMs ------------------------------------------------------------------------------

    /** Starts {@code main} in a new JVM with this test's class path; stdout and stderr merged. */
    static Process child(Class<?> main, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the child's output until a line starts with {@code prefix}; returns it, or null at the end of its output. */
    static String awaitLine(BufferedReader out, String prefix, List<String> seen) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    /**
     * A child's output read on a thread of its own, so that lines it printed survive
     * {@link Process#destroy()} (which closes our end of its pipes).
     */
    static final class Output {
        private final List<String> lines = new ArrayList<>();
        private final Thread thread;

        Output(Process p) {
            BufferedReader r = reader(p);
            thread = new Thread(
                    () -> {
                        try (r) {
                            String line;
                            while ((line = r.readLine()) != null) {
                                synchronized (lines) {
                                    lines.add(line);
                                    lines.notifyAll();
                                }
                            }
                        } catch (IOException closed) {
                            // destroyed: what was read is kept
                        }
                    },
                    "child-output");
            thread.setDaemon(true);
            thread.start();
        }

        /** The first line starting with {@code prefix}, waiting up to {@code seconds}; null when none came. */
        String await(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            synchronized (lines) {
                while (true) {
                    for (String l : lines) {
                        if (l.startsWith(prefix)) {
                            return l;
                        }
                    }
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0 || !thread.isAlive()) {
                        return null;
                    }
                    lines.wait(Math.min(left, 200));
                }
            }
        }

        /** Everything read so far (after {@link #finish}: everything). */
        String text() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        /** Waits until the child's output has ended. */
        void finish() throws InterruptedException {
            thread.join(30_000);
        }
    }

    static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Every file under {@code dir} (recursively), as paths relative to it. */
    static List<String> filesIn(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

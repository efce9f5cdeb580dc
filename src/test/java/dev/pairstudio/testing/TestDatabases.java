package dev.pairstudio.testing;

import dev.pairstudio.demo.DemoData;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.StatGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Real H2 files with analysed pairs for tests. Building one (analysis, duplicate grouping) takes
 * seconds, so each named database is built once per test run and copied for every test that
 * wants its own: a file copy is milliseconds, and tests never see each other's changes.
 */
public final class TestDatabases {
    private static final Map<String, Path> TEMPLATES = new ConcurrentHashMap<>();

    private TestDatabases() {}

    /** A fresh copy of the named database, built from {@code pairs} the first time it is asked for. */
    public static Path copyOf(String name, Supplier<List<Pair>> pairs) {
        return copy(name, () -> build(name, store -> addAnalysed(store, pairs.get())));
    }

    /** A fresh copy of a database as the very first start leaves it: the demo pairs ({@link DemoData#addOnFirstStart}). */
    public static Path copyOfDemoData() {
        return copy("demo", () -> build("demo", DemoData::addOnFirstStart));
    }

    /**
     * Like {@link #copyOf}, for large sets where the test needs rows, not analysis: each pair is
     * stored with just its statement type by the seed's first-keyword rule, so that nothing is
     * left for a window to analyse in the background while the test runs.
     */
    public static Path copyOfQuicklyTyped(String name, Supplier<List<Pair>> pairs) {
        return copy(name, () -> build(name, store -> addQuicklyTyped(store, pairs.get())));
    }

    private static Path copy(String name, Supplier<Path> build) {
        Path template = TEMPLATES.computeIfAbsent(name, n -> build.get());
        try {
            Path dir = Files.createTempDirectory("pairstudio-" + name);
            Files.copy(template, dir.resolve("pairs.mv.db"));
            return dir.resolve("pairs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores {@code pairs} analysed and grouped, as an import does. */
    private static void addAnalysed(Database store, List<Pair> pairs) {
        try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            enricher.addAll(store, pairs, Source.FILE, "test");
        }
        new DuplicateTracker(store).catchUp();
    }

    /** Stores {@code pairs} with just their statement type. */
    private static void addQuicklyTyped(Database store, List<Pair> pairs) {
        for (int i = 0; i < pairs.size(); i += 10_000) {
            List<Pair> batch = pairs.subList(i, Math.min(pairs.size(), i + 10_000));
            store.addAll(
                    batch,
                    batch.stream()
                            .map(p ->
                                    new PairAnalysis(StatGroup.guessType(p.sql()), null, null, null, null, null, null))
                            .toList(),
                    Source.FILE,
                    "test");
        }
    }

    private static Path build(String name, Consumer<Database> fill) {
        try {
            Path dir = Files.createTempDirectory("pairstudio-template-" + name);
            try (Database store = Databases.open(dir.resolve("pairs").toString())) {
                fill.accept(store);
            }
            return dir.resolve("pairs.mv.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.pairstudio.testing;

import dev.pairstudio.io.AnalyzingEnricher;
import dev.pairstudio.io.DuplicateTracker;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.PairStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Real H2 files with analysed pairs for tests. Building one (analysis, duplicate grouping) takes
 * seconds, so each named database is built once per test run and copied for every test that
 * wants its own: a file copy is milliseconds, and tests never see each other's changes.
 */
public final class TestDatabases {
    private static final Map<String, Path> TEMPLATES = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** A fresh copy of the named database, built from {@code pairs} the first time it is asked for. */
    public static Path copyOf(String name, Supplier<List<Pair>> pairs) {
        return copy(name, () -> build(name, pairs.get(), true));
    }

    /**
     * Like {@link #copyOf}, for large sets where the test needs rows, not analysis: each pair is
     * stored with just its statement type by the seed's first-keyword rule, so that nothing is
     * left for a window to analyse in the background while the test runs.
     */
    public static Path copyOfQuicklyTyped(String name, Supplier<List<Pair>> pairs) {
        return copy(name, () -> build(name, pairs.get(), false));
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

    private static Path build(String name, List<Pair> pairs, boolean analysed) {
        try {
            Path dir = Files.createTempDirectory("pairstudio-template-" + name);
            try (PairStore store = PairStores.open(dir.resolve("pairs").toString())) {
                if (analysed) {
                    try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
                        enricher.addAll(store, pairs, Source.FILE, "test");
                    }
                    new DuplicateTracker(store).catchUp();
                } else {
                    for (int i = 0; i < pairs.size(); i += 10_000) {
                        List<Pair> batch = pairs.subList(i, Math.min(pairs.size(), i + 10_000));
                        store.addAll(batch, batch.stream().map(p -> new dev.pairstudio.pair.PairAnalysis(
                                dev.pairstudio.store.StatGroup.guessType(p.sql()), null, null, null, null, null, null)).toList(),
                                Source.FILE, "test");
                    }
                }
            }
            return dir.resolve("pairs.mv.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

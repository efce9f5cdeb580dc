package dev.pairstudio.testing;

import dev.pairstudio.io.AnalyzingEnricher;
import dev.pairstudio.io.DuplicateTracker;
import dev.pairstudio.io.PairEnricher;
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
        Path template = TEMPLATES.computeIfAbsent(name, n -> build(n, pairs.get()));
        try {
            Path dir = Files.createTempDirectory("pairstudio-" + name);
            Files.copy(template, dir.resolve("pairs.mv.db"));
            return dir.resolve("pairs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build(String name, List<Pair> pairs) {
        try {
            Path dir = Files.createTempDirectory("pairstudio-template-" + name);
            Path db = dir.resolve("pairs");
            try (PairStore store = PairStores.open(db.toString()); AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
                List<PairEnricher.Enriched> e = pairs.stream().map(enricher::enrich).toList();
                store.addAll(e.stream().map(PairEnricher.Enriched::pair).toList(),
                        e.stream().map(PairEnricher.Enriched::analysis).toList(), Source.FILE, "test");
                new DuplicateTracker(store).catchUp();
            }
            return dir.resolve("pairs.mv.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

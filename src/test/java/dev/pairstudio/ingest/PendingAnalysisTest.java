package dev.pairstudio.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Source;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store-first import is analysed afterwards exactly as an analysing import would have stored it. */
class PendingAnalysisTest {
    @TempDir
    Path dir;

    @Test
    void storedPairsGetTheSameAnalysisAsAnAnalysingImport() {
        List<Pair> pairs = new SyntheticPairs(11).list(9_000);
        try (Database later = Databases.open(dir.resolve("later").toString());
                Database inline = Databases.open(dir.resolve("inline").toString());
                AnalyzingEnricher enricher =
                        new AnalyzingEnricher(new SqlAnalyzer(), PrivacySettings.anonymizer(later))) {
            later.addAll(pairs, null, Source.FILE, "b");
            enricher.addAll(inline, pairs, Source.FILE, "b");
            assertThat(later.unanalysed(0, 10)).hasSize(10);

            AtomicLong reported = new AtomicLong();
            long analysed = PendingAnalysis.run(later, enricher, 2, reported::set, () -> false);

            assertThat(analysed).isEqualTo(9_000);
            assertThat(reported.get()).isEqualTo(9_000);
            assertThat(later.unanalysed(0, 10)).isEmpty();
            List<StoredPair> a = all(later);
            List<StoredPair> b = all(inline);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i).pair().tableNames())
                        .isEqualTo(b.get(i).pair().tableNames());
                assertThat(a.get(i).analysis()).isEqualTo(b.get(i).analysis());
            }
            assertThat(later.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.CONTAINS_PII))))
                    .isEqualTo(inline.count(PairFilter.ALL.withFlags(Set.of(QualityFlag.CONTAINS_PII))))
                    .isPositive();
        }
    }

    @Test
    void aCancelledAnalysisKeepsWholeBatchesAndTheRestStaysPending() {
        try (Database store = Databases.open(dir.resolve("cancel").toString());
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            store.addAll(new SyntheticPairs(12).list(10_000), null, Source.FILE, "b");
            AtomicLong batches = new AtomicLong();
            long analysed =
                    PendingAnalysis.run(store, enricher, 1, n -> batches.incrementAndGet(), () -> batches.get() >= 1);
            assertThat(analysed).isPositive().isLessThan(10_000);
            assertThat(store.count(PairFilter.ALL)).isEqualTo(10_000);
            assertThat(PendingAnalysis.run(store, enricher, 2, n -> {}, () -> false))
                    .isEqualTo(10_000 - analysed);
        }
    }

    @Test
    void aRunFromAnIdLeavesTheEarlierPairsToAnotherRun() {
        try (Database store = Databases.open(dir.resolve("from").toString());
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            List<Long> ids = store.addAll(new SyntheticPairs(13).list(300), null, Source.FILE, "b")
                    .ids();
            long middle = ids.get(199);
            assertThat(PendingAnalysis.run(store, enricher, 1, middle, n -> {}, () -> false))
                    .isEqualTo(100);
            assertThat(store.unanalysed(0, 1_000))
                    .extracting(StoredPair::id)
                    .containsExactlyElementsOf(ids.subList(0, 200));
        }
    }

    private static List<StoredPair> all(Database store) {
        List<StoredPair> out = new ArrayList<>();
        store.forEach(PairFilter.ALL, PairSort.INSERTION, out::add);
        return out;
    }
}

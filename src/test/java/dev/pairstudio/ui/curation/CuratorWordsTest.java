package dev.pairstudio.ui.curation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.StoredPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the status bar says after curation and undo: counts in words, sentence case after "Undone:". */
class CuratorWordsTest {
    @TempDir
    Path dir;

    @Test
    void countsReadAsWordsAndUndoContinuesTheSentence() throws Exception {
        try (Database store = Databases.open(dir.resolve("db").toString());
                AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            List<Long> ids = store.addAll(new SyntheticPairs(3).list(1200), null, Source.FILE, "t")
                    .ids();
            Curator curator = new Curator(store, enricher, new DuplicateTracker(store), edited -> {});
            List<StoredPair> one = List.of(store.get(ids.get(0)).orElseThrow());
            assertThat(curator.review(one, ReviewStatus.ACCEPTED)).isEqualTo("Accepted 1 pair");
            assertThat(curator.undo()).contains("Undone: accepted 1 pair");

            assertThat(curator.trash(ids.subList(0, 3))).startsWith("Deleted 3 pairs");
            assertThat(curator.undo().orElseThrow()).startsWith("Undone: deleted 3 pairs");

            assertThat(curator.trash(PairFilter.ALL)).startsWith("Deleted 1,200 pairs");
            assertThat(curator.undo().orElseThrow()).startsWith("Undone: deleted 1,200 pairs");
        }
    }
}

package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.ImportSummary;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.ingest.PairImporter;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exported, then imported with the importer into a fresh database: the same pairs come back. */
class ExportRoundTripTest {
    @TempDir
    static Path dir;

    static Database source;
    static List<Pair> original = new ArrayList<>();

    @BeforeAll
    static void fill() {
        source = Databases.open(dir.resolve("source").toString());
        List<Pair> pairs = new ArrayList<>();
        for (Pair p : new SyntheticPairs(21).list(400)) {
            pairs.add(p.withTableNames(List.of("orders", "public.users")));
        }
        source.addAll(pairs, null, Source.FILE, "t");
        source.forEach(PairFilter.ALL, PairSort.INSERTION, p -> original.add(p.pair()));
    }

    @AfterAll
    static void close() {
        source.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "json", "csv"})
    void theSamePairsComeBack(String format) {
        Path file = dir.resolve("rt." + format);
        new DatasetExporter(source, null)
                .export(
                        ExportProfile.defaults(format).withAnonymize(false).withDedup(false),
                        file,
                        ExportTargetPolicy.OVERWRITE,
                        ExportListener.NONE);
        try (Database target = Databases.open(dir.resolve("target-" + format).toString())) {
            ImportSummary s =
                    new PairImporter(target, PairEnricher.NONE).importFiles(List.of(file), null, null, null, null);
            assertThat(s.added()).as(s.toString()).isEqualTo(original.size());
            List<Pair> back = new ArrayList<>();
            target.forEach(PairFilter.ALL, PairSort.INSERTION, p -> back.add(p.pair()));
            assertThat(back).hasSize(original.size());
            for (int i = 0; i < back.size(); i++) {
                Pair a = original.get(i);
                Pair b = back.get(i);
                assertThat(b.pairId()).isEqualTo(a.pairId());
                assertThat(b.question()).isEqualTo(a.question());
                assertThat(b.sql()).isEqualTo(a.sql());
                assertThat(b.timestamp()).isEqualTo(a.timestamp());
                assertThat(b.databaseType()).isEqualTo(a.databaseType());
                assertThat(b.databaseName()).isEqualTo(a.databaseName());
                assertThat(b.tableNames()).containsExactlyInAnyOrderElementsOf(a.tableNames());
                assertThat(b.success()).isEqualTo(a.success());
                assertThat(num(b.executionTimeMs())).isEqualTo(num(a.executionTimeMs()));
                if (!format.equals("csv")) { // the seed's CSV has no metadata column
                    assertThat(b.metadata()).isEqualTo(Map.copyOf(a.metadata()));
                }
            }
        }
    }

    private static String num(BigDecimal d) {
        return d == null ? null : d.toString();
    }
}

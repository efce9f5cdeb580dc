package dev.pairstudio.privacy;

import dev.pairstudio.testing.SpiderCorpus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput on one thread for typical pairs (about 3% with a value) and the corpus figures.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat /tmp/cp-priv.txt) dev.pairstudio.privacy.PrivacyBenchmark}
 */
public final class PrivacyBenchmark {
    private PrivacyBenchmark() {}

    /** Spider train as it is (its SQL and questions, SQLite quoting), the real pairs a user imports. */
    private static void spider(Anonymizer anonymizer) {
        List<SpiderCorpus.Example> pairs = SpiderCorpus.train();
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            for (SpiderCorpus.Example p : pairs) {
                sink += anonymizer
                        .anonymizePair(p.question(), p.sql(), "sqlite", p.database())
                        .findings()
                        .size();
            }
        }
        int rounds = 10;
        long t0 = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (SpiderCorpus.Example p : pairs) {
                sink += anonymizer
                        .anonymizePair(p.question(), p.sql(), "sqlite", p.database())
                        .findings()
                        .size();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "Spider train pairs (sqlite), one thread: %.0f pairs/s (%d pairs in %.2f s; findings %d)%n",
                rounds * pairs.size() / seconds, rounds * pairs.size(), seconds, sink);
    }

    public static void main(String[] args) {
        Pseudonymizer key = new Pseudonymizer("benchmark-key-benchmark-key-32b".getBytes(StandardCharsets.UTF_8));
        Anonymizer anonymizer = new Anonymizer(Policy.defaults(), key);
        PiiCorpus corpus = new PiiCorpus(42);
        List<PiiCorpus.LabeledPair> pairs = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            pairs.add(corpus.typicalPair(0.03));
        }
        long sink = 0;
        for (int round = 0; round < 2; round++) { // warm-up
            for (PiiCorpus.LabeledPair p : pairs) {
                sink += anonymizer
                        .anonymizePair(p.question(), p.sql(), p.databaseType(), p.databaseName())
                        .findings()
                        .size();
            }
        }
        int rounds = 3;
        long t0 = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (PiiCorpus.LabeledPair p : pairs) {
                sink += anonymizer
                        .anonymizePair(p.question(), p.sql(), p.databaseType(), p.databaseName())
                        .findings()
                        .size();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "typical pairs (3%% with PII), one thread: %.0f pairs/s (%d pairs in %.2f s; findings %d)%n",
                rounds * pairs.size() / seconds, rounds * pairs.size(), seconds, sink);
        spider(anonymizer);
        System.out.print(CorpusEvaluation.runStandard(anonymizer, key).report());
    }
}

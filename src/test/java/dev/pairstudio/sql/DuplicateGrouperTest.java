package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.testing.SpiderCorpus;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DuplicateGrouperTest {

    @Test
    void sameQuestionAndSqlIsADuplicateAndBothPairsAreReported() {
        DuplicateGrouper g = new DuplicateGrouper();
        g.add(1, "How many singers are there?", "fp-a");
        g.add(2, "Who is the oldest singer?", "fp-b");
        DuplicateGrouper.Changes first = g.flush();
        assertThat(first.assignments())
                .extracting(DuplicateGrouper.Assignment::flags)
                .allMatch(Set::isEmpty);

        g.add(3, "how many singers are there", "fp-a");
        DuplicateGrouper.Changes second = g.flush();
        assertThat(second.assignments())
                .extracting(DuplicateGrouper.Assignment::id)
                .containsExactly(3L, 1L);
        assertThat(g.resultFor(1).flags()).containsExactly(QualityFlag.DUPLICATE);
        assertThat(g.resultFor(3).flags()).containsExactly(QualityFlag.DUPLICATE);
        assertThat(g.resultFor(3).groupId()).isEqualTo(1L);
        assertThat(g.resultFor(2).groupId()).isEqualTo(2L);
    }

    @Test
    void sameQuestionWithOtherSqlIsAConflictForAllItsPairs() {
        DuplicateGrouper g = new DuplicateGrouper();
        g.add(10, "List all albums", "fp-1");
        g.add(11, "List all albums", "fp-1");
        g.flush();
        g.add(12, "List all albums!", "fp-2");
        g.flush();
        assertThat(g.resultFor(10).flags()).containsExactlyInAnyOrder(QualityFlag.DUPLICATE, QualityFlag.CONFLICT);
        assertThat(g.resultFor(12).flags()).containsExactly(QualityFlag.CONFLICT);
        assertThat(g.resultFor(12).groupId()).isEqualTo(10L);
    }

    @Test
    void nearDuplicateQuestionsJoinTheOlderGroupAndTheMergeIsReported() {
        DuplicateGrouper g = new DuplicateGrouper();
        g.add(1, "show the names of all singers from france ordered by their age", "a");
        g.add(2, "what is the average capacity of stadiums", "b");
        g.flush();
        g.add(3, "show the names of all singers from france ordered by their age descending", "c");
        DuplicateGrouper.Changes c = g.flush();
        assertThat(g.resultFor(3).flags()).containsExactly(QualityFlag.NEAR_DUPLICATE);
        assertThat(g.resultFor(1).flags()).containsExactly(QualityFlag.NEAR_DUPLICATE);
        assertThat(g.resultFor(3).groupId()).isEqualTo(1L);
        assertThat(g.resultFor(2).flags()).isEmpty();
        assertThat(c.assignments())
                .extracting(DuplicateGrouper.Assignment::id)
                .contains(1L, 3L)
                .doesNotContain(2L);
    }

    @Test
    void groupsThatBecomeLinkedMergeIntoTheOldest() {
        // single-word shingles: the bridge shares 9 of 11 words with each side (0.82), the sides 8 of 12 (0.67)
        DuplicateGrouper g = new DuplicateGrouper(new DuplicateGrouper.Options(0.8, 1, 16, 4, 50));
        g.add(1, "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10", "x");
        g.add(2, "w3 w4 w5 w6 w7 w8 w9 w10 w11 w12", "y");
        g.flush();
        assertThat(g.resultFor(2).groupId()).isEqualTo(2L);
        g.add(3, "w2 w3 w4 w5 w6 w7 w8 w9 w10 w11", "z");
        g.add(4, "w2 w3 w4 w5 w6 w7 w8 w9 w10 w11", "z");
        DuplicateGrouper.Changes c = g.flush();
        assertThat(c.merges()).containsExactly(new DuplicateGrouper.GroupMerge(2, 1));
        assertThat(g.resultFor(2).groupId()).isEqualTo(1L);
        assertThat(g.resultFor(4).groupId()).isEqualTo(1L);
    }

    @Test
    void thresholdIsRespectedByExactVerification() {
        // Jaccard of word-pair shingles: 8 of 10 shared → 0.8 joins, 7 of 11 → 0.64 does not
        DuplicateGrouper g = new DuplicateGrouper();
        g.add(1, "a b c d e f g h i j", "x");
        g.add(2, "a b c d e f g h i j k", "y");
        g.add(3, "a b c d e f g h q r s", "z");
        g.flush();
        assertThat(QuestionShingles.jaccard(
                        QuestionShingles.of("a b c d e f g h i j", 2), QuestionShingles.of("a b c d e f g h i j k", 2)))
                .isGreaterThanOrEqualTo(0.8);
        assertThat(g.resultFor(1).groupId()).isEqualTo(g.resultFor(2).groupId());
        assertThat(g.resultFor(3).groupId()).isEqualTo(3L);
    }

    @Test
    void findsPlantedNearDuplicatesAmongManyDistinctQuestions() {
        Random r = new Random(3);
        String[] vocab = new String[2000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = "w" + i;
        }
        DuplicateGrouper g = new DuplicateGrouper();
        int n = 20_000;
        String[] questions = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder q = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                q.append(vocab[r.nextInt(vocab.length)]).append(' ');
            }
            questions[i] = q.toString();
            g.add(i, questions[i], "f" + i);
        }
        g.flush();
        // each planted copy adds one word at the end: 11 of 12 shingles shared (0.92)
        for (int i = 0; i < 200; i++) {
            g.add(n + i, questions[i * 7] + " extra", "p" + i);
        }
        g.flush();
        int found = 0;
        for (int i = 0; i < 200; i++) {
            if (g.resultFor(n + i).groupId() == i * 7
                    && g.resultFor(n + i).flags().contains(QualityFlag.NEAR_DUPLICATE)) {
                found++;
            }
        }
        assertThat(found).isEqualTo(200);
        long falseLinks = IntStream.range(0, n)
                .filter(i -> i % 7 != 0 || i / 7 >= 200)
                .filter(i -> g.resultFor(i).flags().contains(QualityFlag.NEAR_DUPLICATE))
                .count();
        assertThat(falseLinks).isZero();
    }

    /**
     * The store keeps only what flushes report, so the reports, applied in order (assignments,
     * then merges), must add up to every pair's current assignment, whatever the batch size.
     * Spider's questions and SQL, each pair repeated, re-asked with other SQL or reworded at random.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 37, 500, 5_000})
    void whatTheFlushesReportIsEveryPairsAssignment(int batch) {
        Random random = new Random(batch);
        List<SpiderCorpus.Example> spider = SpiderCorpus.train();
        DuplicateGrouper g = new DuplicateGrouper();
        Map<Long, DuplicateGrouper.Assignment> stored = new HashMap<>();
        int pairs = batch == 1 ? 3_000 : 12_000;
        for (long id = 1; id <= pairs; id++) {
            var e = spider.get(random.nextInt(spider.size() / 3)); // a third of Spider: many repeats
            String question = switch (random.nextInt(4)) {
                case 0 -> e.question().replaceFirst("\\s\\S+$", " at random");
                default -> e.question();
            };
            String sql = random.nextInt(5) == 0
                    ? spider.get(random.nextInt(spider.size())).sql()
                    : e.sql();
            g.add(id, question, SqlTemplate.hash(SqlTemplate.of(sql, null)));
            if (id % batch == 0 || id == pairs) {
                DuplicateGrouper.Changes c = g.flush();
                c.assignments().forEach(a -> stored.put(a.id(), a));
                for (DuplicateGrouper.GroupMerge m : c.merges()) {
                    stored.replaceAll((k, a) ->
                            a.groupId() == m.from() ? new DuplicateGrouper.Assignment(a.id(), m.into(), a.flags()) : a);
                }
            }
        }
        Map<QualityFlag, Integer> seen = new EnumMap<>(QualityFlag.class);
        for (long id = 1; id <= pairs; id++) {
            DuplicateGrouper.Assignment now = g.resultFor(id);
            assertThat(stored.get(id)).as("pair %d", id).isEqualTo(now);
            now.flags().forEach(f -> seen.merge(f, 1, Integer::sum));
        }
        assertThat(seen)
                .as("the data make every kind of flag")
                .containsKeys(QualityFlag.DUPLICATE, QualityFlag.CONFLICT, QualityFlag.NEAR_DUPLICATE);
    }

    @Test
    void anIdCanOnlyBeAddedOnce() {
        DuplicateGrouper g = new DuplicateGrouper();
        g.addAll(List.of(new DuplicateGrouper.PairKey(1, "q", "f")));
        assertThatThrownBy(() -> g.add(1, "q", "f")).isInstanceOf(IllegalArgumentException.class);
        assertThat(g.resultFor(99)).isNull();
        assertThat(g.size()).isEqualTo(1);
    }
}

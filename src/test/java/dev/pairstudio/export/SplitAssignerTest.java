package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.ComplexityLevel;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Source;
import dev.pairstudio.sql.DuplicateGrouper;
import dev.pairstudio.sql.SqlTemplate;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.TestPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Splits of generated pairs with planted SQL templates (some large), exact duplicate questions and
 * near-duplicate questions, grouped by the store's own duplicate grouping: nothing may cross, for
 * any seed and any shares, and the shares are met as closely as whole groups allow.
 */
class SplitAssignerTest {

    private static final List<String> RATIOS =
            List.of("80/10/10", "70/15/15", "90/10", "34/33/33", "50/0/50", "98/1/1");

    @Test
    void nothingCrossesTheSplitsForAnySeedAndShares() {
        for (long seed = 1; seed <= 6; seed++) {
            List<StoredPair> pairs = planted(seed, 3_000, seed % 2 == 1);
            for (String ratios : RATIOS) {
                SplitPlan plan = plan(pairs, SplitRatios.parse(ratios), seed, SplitAssigner.Grouping.TEMPLATE, false);
                SplitAudit.Report r = audit(pairs, plan);
                assertThat(r.clean())
                        .as("seed %d, %s: %s", seed, ratios, r.summary())
                        .isTrue();
                assertThat(plan.pairs()).isEqualTo(pairs.size());
                for (SplitAudit.Kind k : r.failing()) {
                    assertThat(r.rows(k)).as("seed %d, %s, %s", seed, ratios, k).isZero();
                }
            }
        }
    }

    @Test
    void theAuditSeesWhatThePlantedDataWouldLeakUnderAPerPairSplit() {
        List<StoredPair> pairs = planted(7, 3_000);
        SplitAudit audit = new SplitAudit(
                List.of("train", "validation", "test"),
                "train",
                EnumSet.allOf(SplitAudit.Kind.class),
                EnumSet.allOf(SplitAudit.Kind.class),
                2);
        Random r = new Random(7);
        List<String> naive = new ArrayList<>();
        for (StoredPair p : pairs) {
            double u = r.nextDouble();
            naive.add(u < 0.8 ? "train" : u < 0.9 ? "validation" : "test");
        }
        for (int i = 0; i < pairs.size(); i++) {
            audit.add(naive.get(i), PlannedSplitAudit.entry(pairs.get(i)));
        }
        SplitAudit.Report report = audit.finish(row -> {
            for (int i = 0; i < pairs.size(); i++) {
                row.accept(naive.get(i), PlannedSplitAudit.entry(pairs.get(i)));
            }
        });
        for (SplitAudit.Kind k : List.of(
                SplitAudit.Kind.DUPLICATE_QUESTION,
                SplitAudit.Kind.SQL_TEMPLATE,
                SplitAudit.Kind.NEAR_DUPLICATE_QUESTION,
                SplitAudit.Kind.DUPLICATE_GROUP,
                SplitAudit.Kind.IDENTICAL_SQL)) {
            assertThat(report.rows(k)).as(k.name()).isPositive();
        }
        assertThat(report.clean()).isFalse();
    }

    @Test
    void sharesAndQueryTypeQuotasWithinOnePercentWhenGroupsAllow() {
        List<StoredPair> pairs = planted(11, 4_000);
        for (String ratios : List.of("80/10/10", "70/20/10")) {
            SplitRatios requested = SplitRatios.parse(ratios);
            SplitPlan plan = plan(pairs, requested, 3, SplitAssigner.Grouping.TEMPLATE, false);
            assertThat(plan.ratiosMet()).as(plan.summary()).isTrue();
            for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
                assertThat(plan.achieved(s)).isCloseTo(SplitPlan.requested(requested, s), Offset.offset(0.01));
            }
            // every query type with enough singletons to deal is on its quota
            assertThat(plan.strataCounts()).containsKey("SELECT");
            long[] select = plan.strataCounts().get("SELECT");
            long all = select[0] + select[1] + select[2];
            assertThat((double) select[1] / all).isCloseTo(requested.validation(), Offset.offset(0.01));
        }
    }

    @Test
    void aGroupTooBigForTheSharesIsKeptWholeAndReported() {
        List<StoredPair> pairs = new ArrayList<>(planted(5, 2_000));
        // 35% of the pairs share one template
        int big = (int) (pairs.size() * 0.35 / 0.65);
        for (int i = 0; i < big; i++) {
            Pair p = TestPair.of(
                            "big-" + i,
                            "Spend of customer number " + i + " in the last quarter of " + (1990 + i % 30) + " " + i,
                            "WITH spend AS (SELECT customer_id, SUM(total) s FROM orders WHERE customer_id = " + i
                                    + " GROUP BY customer_id) SELECT * FROM spend")
                    .at(Instant.EPOCH)
                    .tables("orders")
                    .build();
            pairs.add(stored(100_000 + i, p, null, ComplexityLevel.MEDIUM));
        }
        SplitPlan plan = plan(pairs, SplitRatios.DEFAULT, 1, SplitAssigner.Grouping.TEMPLATE, false);
        assertThat(plan.largestComponent()).isGreaterThanOrEqualTo(big);
        assertThat(plan.ratiosMet()).isFalse();
        assertThat(plan.summary())
                .contains("largest group holds")
                .contains("no group is ever broken")
                .contains("achieved");
        SplitAssigner.Split where = plan.splitOf(100_000);
        for (int i = 0; i < big; i++) {
            assertThat(plan.splitOf(100_000 + i)).isEqualTo(where);
        }
        assertThat(audit(pairs, plan).clean()).isTrue();
    }

    @Test
    void byDatabaseNoDatabaseIsInTwoSplits() {
        List<StoredPair> pairs = planted(3, 2_000);
        SplitPlan plan = plan(pairs, SplitRatios.DEFAULT, 3, SplitAssigner.Grouping.DATABASE, true);
        Map<String, SplitAssigner.Split> dbSplit = new HashMap<>();
        for (StoredPair p : pairs) {
            SplitAssigner.Split before = dbSplit.putIfAbsent(p.pair().databaseName(), plan.splitOf(p.id()));
            assertThat(before == null || before == plan.splitOf(p.id()))
                    .as(p.pair().databaseName())
                    .isTrue();
        }
        assertThat(plan.strata()).isEqualTo("query type and complexity");
        assertThat(audit(pairs, plan).rows(SplitAudit.Kind.DATABASE)).isZero();
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        List<StoredPair> pairs = planted(9, 2_000);
        SplitPlan a = plan(pairs, SplitRatios.DEFAULT, 1, SplitAssigner.Grouping.TEMPLATE, false);
        SplitPlan b = plan(pairs, SplitRatios.DEFAULT, 1, SplitAssigner.Grouping.TEMPLATE, false);
        SplitPlan c = plan(pairs, SplitRatios.DEFAULT, 2, SplitAssigner.Grouping.TEMPLATE, false);
        int differ = 0;
        for (StoredPair p : pairs) {
            assertThat(a.splitOf(p.id())).isEqualTo(b.splitOf(p.id()));
            differ += a.splitOf(p.id()) == c.splitOf(p.id()) ? 0 : 1;
        }
        assertThat(differ).isGreaterThan(pairs.size() / 20);
    }

    @Test
    void ratiosParse() {
        assertThat(SplitRatios.parse("80/10/10").train()).isEqualTo(0.8);
        assertThat(SplitRatios.parse("90/10").test()).isZero();
        assertThat(SplitRatios.parse("0.7:0.2:0.1").toString()).isEqualTo("70/20/10");
        assertThatThrownBy(() -> SplitRatios.parse("a/b")).hasMessageContaining("80/10/10");
        SplitPlan noTest = plan(planted(2, 500), SplitRatios.parse("90/10"), 3, SplitAssigner.Grouping.TEMPLATE, false);
        assertThat(noTest.count(SplitAssigner.Split.TEST)).isZero();
    }

    // ---- generated data ----

    static SplitPlan plan(
            List<StoredPair> pairs, SplitRatios ratios, long seed, SplitAssigner.Grouping g, boolean stratify) {
        SplitAssigner a = new SplitAssigner(ratios, seed, g, stratify, pairs.size());
        pairs.forEach(a::add);
        return a.plan();
    }

    static SplitAudit.Report audit(List<StoredPair> pairs, SplitPlan plan) {
        SplitAudit audit = PlannedSplitAudit.start(plan, 3);
        SplitAudit.Source source =
                row -> pairs.forEach(p -> row.accept(plan.splitOf(p.id()).label, PlannedSplitAudit.entry(p)));
        source.forEach(audit::add);
        return audit.finish(source);
    }

    /**
     * Generated pairs, then planted: SQL templates shared by 2 to 300 pairs with other literals,
     * exact duplicate questions with other SQL, identical SQL under other questions, and near-duplicate questions (a long question with
     * its last word changed); grouped by the store's DuplicateGrouper as an import would.
     */
    static List<StoredPair> planted(long seed, int n) {
        return planted(seed, n, false);
    }

    /**
     * @param synthetic the base pairs from {@link SyntheticPairs} (`pairstudio generate`: few templates, chained by its own
     *                  duplicates into one large group), else pairs of distinct shapes and questions
     */
    static List<StoredPair> planted(long seed, int n, boolean synthetic) {
        Random r = new Random(seed);
        SyntheticPairs gen = new SyntheticPairs(seed);
        List<Pair> pairs = new ArrayList<>();
        String[] kinds = {
            "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "SELECT", "INSERT", "UPDATE", "DELETE", "SELECT"
        };
        for (int i = 0; i < n; i++) {
            if (synthetic) {
                Pair p = gen.next();
                pairs.add(TestPair.copyOf(p).id("g" + seed + "-" + i).build());
                continue;
            }
            StringBuilder q = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                q.append("v").append(r.nextInt(5_000)).append(' ');
            }
            String table = "t" + seed + "_" + i;
            String sql = switch (kinds[r.nextInt(kinds.length)]) {
                case "INSERT" -> "INSERT INTO " + table + " (a) VALUES (" + r.nextInt(100) + ")";
                case "UPDATE" -> "UPDATE " + table + " SET a = 1 WHERE b = " + r.nextInt(100);
                case "DELETE" -> "DELETE FROM " + table + " WHERE b = " + r.nextInt(100);
                default -> "SELECT a FROM " + table + " WHERE b = " + r.nextInt(100);
            };
            pairs.add(TestPair.of("g" + seed + "-" + i, q.toString().strip() + "?", sql)
                    .at(Instant.EPOCH)
                    .on("postgresql", "db" + r.nextInt(40))
                    .tables(table)
                    .build());
        }
        for (int t = 0; t < 25; t++) { // templates
            int size = t == 0 ? 300 : 2 + r.nextInt(20);
            for (int j = 0; j < size; j++) {
                int i = r.nextInt(n);
                Pair p = pairs.get(i);
                pairs.set(
                        i,
                        with(
                                p,
                                p.question(),
                                "SELECT name, city FROM planted_" + t + " WHERE id = " + r.nextInt(1_000_000)
                                        + " AND note = 'x" + r.nextInt() + "'"));
            }
        }
        for (int d = 0; d < 40; d++) { // exact duplicate questions, other SQL
            String q = "Which customers of region " + d + " ordered more than twice last month";
            for (int j = 0; j < 2 + r.nextInt(4); j++) {
                int i = r.nextInt(n);
                pairs.set(i, with(pairs.get(i), q, pairs.get(i).sql()));
            }
        }
        for (int c = 0; c < 30; c++) { // identical SQL under other questions
            Pair from = pairs.get(r.nextInt(n));
            int i = r.nextInt(n);
            pairs.set(i, with(pairs.get(i), pairs.get(i).question(), from.sql()));
        }
        String[] last = {"yesterday", "today", "recently", "overall", "weekly", "monthly"};
        for (int c = 0; c < 40; c++) { // near duplicates: 20 words, the last one differs (Jaccard of word pairs 18/20)
            StringBuilder base = new StringBuilder();
            for (int w = 0; w < 19; w++) {
                base.append("w").append(c).append('x').append(w).append(' ');
            }
            for (int j = 0; j < 2 + r.nextInt(5); j++) {
                int i = r.nextInt(n);
                pairs.set(
                        i,
                        with(
                                pairs.get(i),
                                base + last[j % last.length],
                                pairs.get(i).sql()));
            }
        }
        DuplicateGrouper grouper = new DuplicateGrouper();
        List<String> fingerprints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fingerprints.add(
                    SqlTemplate.fingerprint(pairs.get(i).sql(), pairs.get(i).databaseType()));
            grouper.add(i + 1, pairs.get(i).question(), fingerprints.get(i));
        }
        grouper.flush();
        List<StoredPair> out = new ArrayList<>();
        ComplexityLevel[] levels = ComplexityLevel.values();
        for (int i = 0; i < n; i++) {
            DuplicateGrouper.Assignment a = grouper.resultFor(i + 1);
            ComplexityLevel level = levels[r.nextInt(levels.length)];
            Pair p = pairs.get(i);
            out.add(stored(
                    i + 1,
                    p,
                    new PairAnalysis(
                            StatGroup.guessType(p.sql()),
                            fingerprints.get(i),
                            level,
                            a.flags(),
                            a.groupId(),
                            Set.of(),
                            null)));
        }
        return out;
    }

    private static Pair with(Pair p, String question, String sql) {
        return TestPair.copyOf(p).text(question, sql).build();
    }

    static StoredPair stored(long id, Pair p, Long group, ComplexityLevel level) {
        return stored(
                id, p, new PairAnalysis(StatGroup.guessType(p.sql()), null, level, Set.of(), group, Set.of(), null));
    }

    /** An unreviewed pair as the store hands it out, with {@code analysis}. */
    private static StoredPair stored(long id, Pair p, PairAnalysis analysis) {
        return new StoredPair(
                id,
                p,
                ReviewStatus.UNREVIEWED,
                null,
                null,
                null,
                Source.FILE,
                "b",
                null,
                null,
                Instant.EPOCH,
                1,
                analysis);
    }
}

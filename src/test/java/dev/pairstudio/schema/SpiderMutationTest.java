package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.sql.SqlAnalysis;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.testing.SpiderCorpus;
import dev.pairstudio.testing.TestPair;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The measurement on real data nobody here wrote: Spider's 7,000 training pairs and their
 * schemas (../shared/corpora/spider), and broken copies of five kinds, each kept only if real
 * SQLite (the test's own connection, not the validator's) rejects it. Gold and copies go through
 * ONE long-lived analyzer and validator, each copy right after its gold query, the way the window
 * and the collector meet them. The bar: no error flag on gold SQLite accepts; every kind found at
 * least 99.5 % of the time.
 */
class SpiderMutationTest {
    static final int PER_KIND = 320;

    record Case(String db, String question, String sql, SpiderMutants.Kind kind) {}

    static Path corpus() {
        Path dir = SpiderCorpus.FOLDER;
        assertThat(dir.resolve("train.json"))
                .as("Spider's train.json (set -Dcorpora.dir=DIR to find it elsewhere)")
                .exists();
        return dir;
    }

    @Test
    void goldIsNeverFlaggedAndEveryKindOfBrokenCopyIsFound() throws IOException, SQLException {
        Path dir = corpus();
        Map<String, LoadedSchema> schemas = new HashMap<>();
        SchemaImport read = new SpiderTablesReader().read(Files.readString(dir.resolve("tables.json")), null);
        long id = 1;
        for (DatabaseSchema s : read.schemas()) {
            schemas.put(s.databaseName(), LoadedSchema.of(id++, s));
        }
        List<SpiderCorpus.Example> gold = SpiderCorpus.train();

        Map<String, Connection> referee = new HashMap<>();
        try {
            // the broken copies, made from gold queries in a fixed random order, kept only if SQLite rejects them
            Map<Integer, List<Case>> mutantsOf = new HashMap<>();
            Map<SpiderMutants.Kind, Integer> kept = new EnumMap<>(SpiderMutants.Kind.class);
            Set<String> seen = new HashSet<>();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < gold.size(); i++) {
                order.add(i);
            }
            Random random = new Random(23);
            Collections.shuffle(order, random);
            for (SpiderMutants.Kind kind : SpiderMutants.Kind.values()) {
                for (int i : order) {
                    if (kept.getOrDefault(kind, 0) >= PER_KIND) {
                        break;
                    }
                    SpiderCorpus.Example g = gold.get(i);
                    String db = g.database();
                    String broken = new SpiderMutants(schemas.get(db).schema(), random).mutate(g.sql(), kind);
                    if (broken != null && seen.add(broken) && rejects(referee, schemas.get(db), broken) != null) {
                        mutantsOf
                                .computeIfAbsent(i, k -> new ArrayList<>())
                                .add(new Case(db, g.question(), broken, kind));
                        kept.merge(kind, 1, Integer::sum);
                    }
                }
            }

            // one analyzer and one validator for everything, as in the window and the collector
            Map<SpiderMutants.Kind, int[]> found =
                    new EnumMap<>(SpiderMutants.Kind.class); // {found, by our own checks, unparseable}
            List<String> falseAlarms = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            int goldAccepted = 0;
            int goldRejected = 0;
            int goldRejectedFlagged = 0;
            int validations = 0;
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            validationNanos = 0;
            try (SqlAnalyzer analyzer = new SqlAnalyzer();
                    PairValidator validator = new PairValidator(analyzer, true, 2_000)) {
                for (int i = 0; i < gold.size(); i++) {
                    SpiderCorpus.Example g = gold.get(i);
                    String db = g.database();
                    Case goldCase = new Case(db, g.question(), g.sql(), null);
                    Verdict v = verdict(analyzer, validator, schemas.get(db), goldCase);
                    validations++;
                    if (rejects(referee, schemas.get(db), goldCase.sql()) == null) {
                        goldAccepted++;
                        if (v.error()) {
                            falseAlarms.add(db + ": " + goldCase.sql() + " -> " + v.why());
                        }
                    } else {
                        goldRejected++;
                        goldRejectedFlagged += v.error() ? 1 : 0;
                    }
                    for (Case m : mutantsOf.getOrDefault(i, List.of())) {
                        Verdict mv = verdict(analyzer, validator, schemas.get(db), m);
                        validations++;
                        int[] f = found.computeIfAbsent(m.kind(), k -> new int[3]);
                        f[0] += mv.error() ? 1 : 0;
                        f[1] += mv.ours() ? 1 : 0;
                        f[2] += mv.unparseable() ? 1 : 0;
                        if (!mv.error()) {
                            missed.add(m.kind().label + ": " + m.sql());
                        }
                    }
                }
            }
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;

            StringBuilder table = new StringBuilder(
                    "\n| | pairs | found (any error flag) | by our own checks | UNPARSEABLE |\n|---|---|---|---|---|\n");
            table.append(String.format(
                    "| gold that SQLite accepts | %d | %d error flags | | |%n", goldAccepted, falseAlarms.size()));
            table.append(
                    String.format("| gold that SQLite rejects | %d | %d | | |%n", goldRejected, goldRejectedFlagged));
            for (SpiderMutants.Kind k : SpiderMutants.Kind.values()) {
                int n = kept.getOrDefault(k, 0);
                int[] f = found.getOrDefault(k, new int[3]);
                table.append(String.format(
                        "| %s | %d | %.1f %% | %.1f %% | %.1f %% |%n",
                        k.label, n, 100.0 * f[0] / n, 100.0 * f[1] / n, 100.0 * f[2] / n));
            }
            table.append(String.format(
                    "%nanalysis + validation on one thread: %d pairs, %.1f s CPU, %.0f pairs/s; validation alone %.0f pairs/s%n",
                    validations, cpuSeconds, validations / cpuSeconds, validations / (validationNanos / 1e9)));
            System.out.println(table);

            assertThat(falseAlarms).as("error flags on gold SQLite accepts").isEmpty();
            assertThat(goldRejectedFlagged).as("gold SQLite rejects").isEqualTo(goldRejected);
            for (SpiderMutants.Kind k : SpiderMutants.Kind.values()) {
                int n = kept.getOrDefault(k, 0);
                assertThat(n).as(k.label + " copies that SQLite rejects").isGreaterThanOrEqualTo(300);
                assertThat(found.get(k)[0] / (double) n)
                        .as(k.label + " recall; missed: " + missed)
                        .isGreaterThanOrEqualTo(0.995);
            }
            // the analysis alone (no schema: the window's UNPARSEABLE flag) finds syntax errors in a long-lived
            // analyzer
            int syntax = kept.get(SpiderMutants.Kind.SYNTAX_ERROR);
            assertThat(found.get(SpiderMutants.Kind.SYNTAX_ERROR)[2] / (double) syntax)
                    .as("syntax errors flagged UNPARSEABLE")
                    .isGreaterThanOrEqualTo(0.995);
        } finally {
            for (Connection c : referee.values()) {
                c.close();
            }
        }
    }

    record Verdict(SqlAnalysis analysis, Validation validation) {
        boolean unparseable() {
            return !analysis.parsed();
        }

        boolean error() {
            return unparseable() || validation.flags().stream().anyMatch(QualityFlag::schemaError);
        }

        /** Found without SQLite's verdict: the parser, or the name resolver. */
        boolean ours() {
            return unparseable()
                    || validation.messages().stream()
                            .anyMatch(m -> m.flag().schemaError() && m.flag() != QualityFlag.DOES_NOT_RUN);
        }

        String why() {
            return unparseable() ? analysis.parseError() : validation.messages().toString();
        }
    }

    /** CPU time of this thread spent in validate (not in analyze), for the pairs/s figure. */
    private static long validationNanos;

    static Verdict verdict(SqlAnalyzer analyzer, PairValidator validator, LoadedSchema schema, Case c) {
        SqlAnalysis a = analyzer.analyze(c.sql(), "sqlite");
        Pair pair = TestPair.of("p", c.question(), c.sql()).on("sqlite", c.db()).build();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        Validation v = validator.validate(pair, schema);
        validationNanos += cpu.getCurrentThreadCpuTime() - start;
        return new Verdict(a, v);
    }

    /** SQLite's message when it rejects the query against an empty copy of the schema, else null. */
    static String rejects(Map<String, Connection> referee, LoadedSchema schema, String sql) throws SQLException {
        Connection c = referee.get(schema.schema().databaseName());
        if (c == null) {
            c = DriverManager.getConnection("jdbc:sqlite::memory:");
            referee.put(schema.schema().databaseName(), c);
            try (Statement s = c.createStatement()) {
                for (SchemaTable t : schema.schema().tables()) {
                    if (t.name().equalsIgnoreCase("sqlite_sequence")) {
                        s.execute(
                                "CREATE TABLE referee_autoincrement (id INTEGER PRIMARY KEY AUTOINCREMENT)"); // SQLite
                        // makes
                        // it
                        continue;
                    }
                    StringBuilder b = new StringBuilder("CREATE TABLE \"")
                            .append(t.name())
                            .append("\" (");
                    for (int i = 0; i < t.columns().size(); i++) {
                        b.append(i == 0 ? "" : ", ")
                                .append('"')
                                .append(t.columns().get(i).name())
                                .append('"');
                    }
                    s.execute(b.append(')').toString());
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("EXPLAIN " + sql);
            return null;
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }
}

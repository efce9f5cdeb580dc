package dev.pairstudio.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.CliRun;
import dev.pairstudio.testing.SpiderCorpus;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass import (issue 24: analysed and grouped as each batch is stored) must leave exactly
 * what the store-first import left: per pair the same type, tables, fingerprint, complexity,
 * flags (duplicates included), PII types, parse error and duplicate group. Data none of us wrote:
 * Spider's 7,000 pairs, with datafaker's e-mails, phones, cards and IBANs put into questions and
 * string literals, and repeats (same pair, same question with other SQL, a reworded question)
 * spread over the file so that groups grow, gain flags and merge across batches and imports.
 */
class ImportInOnePassTest {
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");

    @TempDir
    static Path dir;

    static Path first;
    static Path second;
    /** What the store-first import left, per pair_id. */
    static Map<String, String> reference;

    @BeforeAll
    static void storeFirst() throws Exception {
        List<Map<String, Object>> records = records(new Random(24));
        int cut = records.size() * 7 / 10;
        first = write(dir.resolve("first.jsonl"), records.subList(0, cut));
        second = write(dir.resolve("second.jsonl"), records.subList(cut, records.size()));
        reference = reference("reference");
    }

    @Test
    void smallBatchesAndASecondImportLeaveWhatTheStoreFirstImportLeft() {
        try (Database store = Databases.open(dir.resolve("one-pass").toString())) {
            OnePassImport.Result a = OnePassImport.run(
                    store,
                    List.of(first),
                    null,
                    null,
                    97,
                    2,
                    null,
                    PairImporter.estimatedRecords(List.of(first), null));
            OnePassImport.Result b = OnePassImport.run(
                    store,
                    List.of(second),
                    null,
                    null,
                    89,
                    2,
                    null,
                    PairImporter.estimatedRecords(List.of(second), null));
            assertThat(a.summary().added() + b.summary().added()).isEqualTo(reference.size());
            assertThat(b.regrouped())
                    .as("the second import groups against the first's pairs")
                    .isEqualTo(a.summary().added());
            assertThat(store.setting(DuplicateTracker.GROUPED_DIGEST))
                    .as("the groups stand for the stored pairs")
                    .contains(Long.toString(store.liveTextDigest()));
            assertSame(outcome(store), reference);
        }
    }

    @Test
    void theImportCommandLeavesWhatTheStoreFirstImportLeft() {
        String db = dir.resolve("cli").toString();
        CliRun run = CliRun.of("--db", db, "import", first.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("grouped duplicates:");
        run = CliRun.of("--db", db, "import", second.toString());
        assertThat(run.code()).as(run.err()).isZero();
        // a rerun adds nothing and leaves every result as it was
        run = CliRun.of("--db", db, "import", first.toString(), second.toString());
        assertThat(run.out()).contains("added:                     0");
        try (Database store = Databases.open(db)) {
            assertSame(outcome(store), reference);
        }
    }

    private static void assertSame(Map<String, String> actual, Map<String, String> reference) {
        assertThat(actual.keySet()).isEqualTo(reference.keySet());
        Map<String, String> differing = new TreeMap<>();
        for (Map.Entry<String, String> e : reference.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                differing.put(e.getKey(), "reference " + e.getValue() + "\n   one pass " + actual.get(e.getKey()));
            }
        }
        assertThat(differing).as("pairs analysed or grouped differently").isEmpty();
        // the data exercise what is compared
        String all = String.join("\n", reference.values());
        for (QualityFlag f : List.of(
                QualityFlag.DUPLICATE,
                QualityFlag.CONFLICT,
                QualityFlag.NEAR_DUPLICATE,
                QualityFlag.CONTAINS_PII,
                QualityFlag.UNPARSEABLE)) {
            assertThat(all).as("some pair is flagged %s", f).contains(f.name());
        }
        assertThat(all)
                .contains("pii=[EMAIL")
                .contains("PHONE")
                .contains("CARD")
                .contains("IBAN");
    }

    /** The store-first path as `import` ran it before issue 24: store, analyse what is unanalysed, then group. */
    private static Map<String, String> reference(String name) {
        try (Database store = Databases.open(dir.resolve(name).toString())) {
            for (Path file : List.of(first, second)) {
                new PairImporter(store, PairEnricher.NONE).importFiles(List.of(file), null, null, null, null);
                try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
                    PendingAnalysis.run(store, enricher, 2, n -> {}, () -> false);
                }
                new DuplicateTracker(store).catchUp();
            }
            return outcome(store);
        }
    }

    /** Per pair_id, everything analysis and grouping decided; groups named by their first pair's pair_id. */
    private static Map<String, String> outcome(Database store) {
        List<StoredPair> all = new ArrayList<>();
        store.forEach(PairFilter.ALL, PairSort.INSERTION, all::add);
        Map<Long, String> pairIdOf = new HashMap<>();
        all.forEach(p -> pairIdOf.put(p.id(), p.pair().pairId()));
        Map<String, String> out = new LinkedHashMap<>();
        for (StoredPair p : all) {
            var a = p.analysis();
            out.put(
                    p.pair().pairId(),
                    "type=" + a.queryType() + " tables=" + p.pair().tableNames() + " fingerprint="
                            + a.fingerprint() + " complexity=" + a.complexity() + " flags=" + new TreeSet<>(a.flags())
                            + " pii="
                            + new TreeSet<>(a.piiTypes()) + " error=" + a.parseError() + " group="
                            + Optional.ofNullable(a.duplicateGroup())
                                    .map(pairIdOf::get)
                                    .orElse(null));
        }
        return out;
    }

    /**
     * Spider's pairs as import records; every 9th question ends with a datafaker e-mail, every 7th
     * SQL's first string literal holds a phone number, card or IBAN, every 50th SQL is cut short;
     * then 1,500 repeats: the same
     * pair again, the same question with another pair's SQL, or the question reworded by a word.
     */
    static List<Map<String, Object>> records(Random random) {
        Faker faker = new Faker(Locale.US, new Random(random.nextLong()));
        List<SpiderCorpus.Example> spider = SpiderCorpus.train();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < spider.size(); i++) {
            SpiderCorpus.Example e = spider.get(i);
            String question = e.question();
            String sql = e.sql();
            if (i % 9 == 4) {
                question = question + " Send it to " + faker.internet().emailAddress() + ".";
            }
            Matcher literal = STRING_LITERAL.matcher(sql);
            if (i % 7 == 3 && literal.find()) {
                String value = switch (i % 3) {
                    case 0 -> faker.phoneNumber().cellPhone();
                    case 1 -> faker.finance().creditCard().replace("-", " ");
                    default -> faker.finance().iban("DE");
                };
                sql = sql.substring(0, literal.start() + 1) + value + sql.substring(literal.end() - 1);
            }
            if (i % 50 == 17) {
                sql = sql.substring(0, sql.length() * 2 / 3); // cut short: mostly unparseable
            }
            out.add(record(random, question, sql, e.database()));
        }
        int originals = out.size();
        for (int k = 0; k < 1_500; k++) {
            Map<String, Object> of = out.get(random.nextInt(originals));
            String question = (String) of.get("natural_language_query");
            String sql = (String) of.get("sql_query");
            switch (k % 3) {
                case 0 -> {} // the same pair again: exact duplicate
                case 1 -> sql = (String) out.get(random.nextInt(originals)).get("sql_query"); // conflict
                default ->
                    question = question.replaceFirst(
                            "\\s\\S+$", " " + faker.lorem().word()); // near duplicate
            }
            out.add(record(random, question, sql, (String) of.get("database_name")));
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static Map<String, Object> record(Random random, String question, String sql, String database) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("pair_id", new UUID(random.nextLong(), random.nextLong()).toString());
        r.put("natural_language_query", question);
        r.put("sql_query", sql);
        r.put("timestamp", "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:00:00");
        r.put("database_type", "sqlite");
        r.put("database_name", database);
        r.put("table_names", List.of());
        r.put("success", random.nextInt(10) > 0);
        r.put("execution_time_ms", random.nextInt(5000) / 10.0);
        r.put("metadata", Map.of());
        return r;
    }

    private static Path write(Path file, List<Map<String, Object>> records) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map<String, Object> r : records) {
                w.write(json.writeValueAsString(r));
                w.newLine();
            }
        }
        return file;
    }
}

package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.cli.Cli;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.TrashBatch;
import dev.pairstudio.testing.Contracts;
import dev.pairstudio.testing.TestPair;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * SQL-injection attempts in every filter field (through the store, as the UI filters), in every
 * query parameter and path of the collector API, and in the CLI's filter options are data, not
 * SQL: they match exactly the pairs that contain them as text (each payload is also stored in a
 * question, a SQL string literal and a database name), the counts stay the same and the table
 * stays there.
 */
class SqlInjectionTest {
    static final List<String> PAYLOADS = List.of(
            "' OR 1=1 --",
            "'); DROP TABLE pairs; --",
            "\" OR \"\"=\"",
            "1; DELETE FROM pairs",
            "%' OR '%'='",
            "_",
            "\\'; SHUTDOWN; --",
            "' UNION SELECT pair_id, question FROM pairs --",
            "*/ OR 1=1 /*",
            "'||(SELECT COUNT(*) FROM pairs)||'",
            "postgresql' OR 'a'='a",
            "'; CALL SHUTDOWN IMMEDIATELY; --",
            "') OR ('x'='x",
            "1 OR 1=1",
            "admin'--",
            "'; UPDATE pairs SET status = 'ACCEPTED'; --",
            "' AND SLEEP(5) --",
            "' OR ''='",
            "EMAIL,%",
            ",EMAIL,");
    static final int SYNTHETIC = 300;

    @TempDir
    static Path dir;

    static String db;
    static Database store;
    static List<Pair> stored;
    static String fingerprint;
    static long total;

    @BeforeAll
    static void fill() {
        db = dir.resolve("inject").toString();
        store = Databases.open(db);
        stored = new ArrayList<>(new SyntheticPairs(41).list(SYNTHETIC));
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = PAYLOADS.get(i);
            // one pair with the payload in its question and a SQL string literal, one named after it
            // (not both in one pair: see PrivacyEdgeTest)
            stored.add(TestPair.of(
                            "inj-" + i,
                            "Which customer is called " + p + "?",
                            "SELECT * FROM customers WHERE name = '" + p.replace("'", "''") + "'")
                    .at("2024-06-01T10:00:00Z")
                    .on("postgresql", "crm")
                    .tables("customers")
                    .metadata(Map.of("note", p))
                    .build());
            stored.add(TestPair.of("inj-db-" + i, "How many customers are there?", "SELECT COUNT(*) FROM customers")
                    .at("2024-06-02T10:00:00Z")
                    .on("postgresql", p)
                    .tables("customers")
                    .build());
        }
        Reliability.add(store, stored, "baseline");
        fingerprint = Reliability.fingerprint(store);
        total = stored.size();
    }

    @AfterEach
    void nothingChanged() {
        assertThat(Reliability.live(store))
                .as("the table is there with every pair")
                .isEqualTo(total);
        assertThat(Reliability.trashed(store)).isZero();
        assertThat(Reliability.fingerprint(store)).as("no pair changed").isEqualTo(fingerprint);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** The pairs whose question or SQL contains {@code text}, ignoring case: what the text filter must find. */
    static long containing(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return stored.stream()
                .filter(p -> p.question().toLowerCase(Locale.ROOT).contains(t)
                        || p.sql().toLowerCase(Locale.ROOT).contains(t))
                .count();
    }

    static long named(String database) {
        return stored.stream().filter(p -> database.equals(p.databaseName())).count();
    }

    @Test
    void everyFilterFieldOfTheStoreTakesPayloadsAsData() {
        for (String p : PAYLOADS) {
            Map<String, Function<PairFilter, PairFilter>> fields = Map.of(
                    "databaseTypes", f -> f.withDatabaseTypes(Set.of(p)),
                    "databaseNames", f -> f.withDatabaseNames(Set.of(p)),
                    "piiTypes", f -> f.withPiiTypes(Set.of(p)),
                    "tables", f -> f.withTables(Set.of(p)),
                    "text", f -> f.withText(p, false));
            for (var field : fields.entrySet()) {
                PairFilter f = field.getValue().apply(PairFilter.ALL);
                long expected = switch (field.getKey()) {
                    case "databaseNames" -> named(p);
                    case "text" -> containing(p);
                    default -> 0;
                };
                String what = field.getKey() + " = " + p;
                assertThat(store.count(f)).as(what).isEqualTo(expected);
                assertThat(store.query(f, PairSort.INSERTION, null, 1_000).rows())
                        .as(what)
                        .hasSize((int) expected);
                assertThat(Statistics.compute(store, f).totalPairs()).as(what).isEqualTo(expected);
                assertThat(store.pageStarts(f, PairSort.NEWEST_FIRST, 10))
                        .as(what)
                        .isNotNull();
                long[] streamed = {0};
                store.forEach(f, PairSort.INSERTION, x -> streamed[0]++);
                assertThat(streamed[0]).as(what).isEqualTo(expected);
            }
            // as a regular expression it is a regular expression (or refused as an invalid one), never SQL
            try {
                long n = store.count(PairFilter.ALL.withText(p, true));
                assertThat(n).as("regex %s", p).isBetween(0L, total);
            } catch (IllegalArgumentException invalid) {
                assertThat(invalid.getMessage()).startsWith("Invalid regular expression");
            }
            // settings keys and values are data too
            store.putSetting("test." + p, p);
            assertThat(store.setting("test." + p)).hasValue(p);
        }
    }

    @Test
    void aBulkDeleteByAPayloadFilterTrashesOnlyTheLiteralMatches() {
        for (String p : PAYLOADS) {
            TrashBatch b = store.trash(PairFilter.ALL.withDatabaseNames(Set.of(p)));
            assertThat(b.count()).as(p).isEqualTo(named(p));
            assertThat(store.restore(b.id())).isEqualTo(b.count());
            TrashBatch t = store.trash(PairFilter.ALL.withDatabaseTypes(Set.of(p)));
            assertThat(t.count()).as(p).isZero();
        }
    }

    @Test
    void everyApiParameterAndPathTakesPayloadsAsData() throws Exception {
        try (CollectorServer server = CollectorServer.start(
                store, CollectorConfig.defaults().withPort(0).withThreads(4).withTrackDuplicates(false))) {
            RawHttp api = new RawHttp("127.0.0.1", server.port(), server.token());
            String prefix = CollectorServer.PREFIX;
            List<String> params = Contracts.API_QUERY_PARAMETERS;
            for (String p : PAYLOADS) {
                String q = URLEncoder.encode(p, StandardCharsets.UTF_8);
                // an export reads and anonymizes every pair: every parameter, but a few payloads
                List<String> paths = PAYLOADS.indexOf(p) < 4
                        ? List.of("/pairs", "/statistics", "/export")
                        : List.of("/pairs", "/statistics");
                for (String param : params) {
                    for (String path : paths) {
                        RawHttp.Response r = api.get(prefix + path + "?" + param + "=" + q);
                        assertThat(r.status())
                                .as("%s?%s=%s: %s", path, param, p, r)
                                .isIn(200, 400);
                        if (r.status() == 400) {
                            assertThat(r.json().get("error").asText()).as(param).isNotBlank();
                        }
                    }
                }
                RawHttp.Response byText = api.get(prefix + "/pairs?limit=10000&text=" + q);
                assertThat(byText.json().get("total").asLong()).as("text=%s", p).isEqualTo(containing(p));
                RawHttp.Response byName = api.get(prefix + "/pairs?limit=10000&database_name=" + q);
                assertThat(byName.json().get("total").asLong())
                        .as("database_name=%s", p)
                        .isEqualTo(named(p));
                RawHttp.Response stats = api.get(prefix + "/statistics?database_name=" + q);
                assertThat(stats.json().get("statistics").get("total_pairs").asLong())
                        .isEqualTo(named(p));
                // in the path: no such pair, and nothing deleted
                assertThat(api.get(prefix + "/pairs/" + q).status())
                        .as("GET /pairs/%s", p)
                        .isIn(400, 404);
                assertThat(api.send("DELETE", prefix + "/pairs/" + q, null, null)
                                .status())
                        .as("DELETE /pairs/%s", p)
                        .isIn(400, 404);
            }
            // stored by the API, a payload comes back verbatim (then goes, to keep the store as it was)
            for (String p : PAYLOADS.subList(0, 4)) {
                String body = RawHttp.JSON
                        .createObjectNode()
                        .put("natural_language_query", p)
                        .put("sql_query", p)
                        .put("database_name", p)
                        .toString();
                RawHttp.Response created = api.postJson(prefix + "/pairs", body.getBytes(StandardCharsets.UTF_8));
                assertThat(created.status()).isEqualTo(201);
                JsonNode pair = created.json().get("pair");
                assertThat(pair.get("natural_language_query").asText()).isEqualTo(p);
                String id = pair.get("pair_id").asText();
                assertThat(api.get(prefix + "/pairs/" + id)
                                .json()
                                .get("pair")
                                .get("sql_query")
                                .asText())
                        .isEqualTo(p);
                store.trash(List.of(store.getByPairId(id).orElseThrow().id()));
                assertThat(store.purge()).isEqualTo(1);
            }
        }
    }

    @Test
    void theCliFilterOptionsTakePayloadsAsData() throws Exception {
        for (String p : PAYLOADS) {
            for (String[] option : List.of(
                    new String[] {"--search", p}, new String[] {"--database", p}, new String[] {"--database-type", p
                    })) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine cl = Cli.commandLine();
                cl.setOut(new PrintWriter(out));
                cl.setErr(new PrintWriter(err));
                List<String> args = new ArrayList<>(List.of("list", "--db", db, "--json", "--limit", "10000"));
                args.addAll(List.of(option));
                int code = cl.execute(args.toArray(String[]::new));
                String what = String.join(" ", option);
                if (p.contains(",") && !option[0].equals("--search")) {
                    assertThat(code).as(what).isIn(0, 1); // a list option splits at commas: several names
                    continue;
                }
                assertThat(code).as("%s: %s", what, err).isZero();
                long expected = switch (option[0]) {
                    case "--search" -> containing(p);
                    case "--database" -> named(p);
                    default -> 0;
                };
                assertThat(RawHttp.JSON.readTree(out.toString()).get("total").asLong())
                        .as(what)
                        .isEqualTo(expected);
            }
        }
    }
}

package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.Contracts;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged requests to the collector over real HTTP on loopback, against a real H2 file that
 * already holds pairs: truncated and re-encoded bodies, BOMs, NUL bytes, 10 MB bodies (declared
 * and chunked), 100,000 levels of nesting, random byte edits of a valid batch with a fixed seed,
 * and random query strings. Every request gets a JSON answer (never a 500, never a dropped
 * connection); a refused body stores nothing and says where it is wrong; the count grows by
 * exactly the pairs the 201 answers list; the pairs stored before are untouched.
 */
class CollectorApiFuzzTest {
    static final String PAIRS = CollectorServer.PREFIX + "/pairs";
    static final Set<Integer> REFUSALS = Set.of(400, 413, 415, 422);

    @TempDir
    static Path dir;

    static Database store;
    static CollectorServer server;
    static RawHttp http;
    static long expected;
    static String baselineFingerprint;
    static long baselineMaxId;
    static final AtomicInteger unique = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        store = Databases.open(dir.resolve("api-fuzz").toString());
        Reliability.add(store, new SyntheticPairs(11).list(200), "baseline");
        baselineMaxId = Reliability.maxId(store);
        baselineFingerprint = Reliability.fingerprint(store, baselineMaxId);
        expected = Reliability.live(store);
        server = CollectorServer.start(
                store, CollectorConfig.defaults().withPort(0).withThreads(8).withTrackDuplicates(false));
        http = new RawHttp("127.0.0.1", server.port(), server.token());
    }

    @AfterEach
    void countsAddUp() {
        assertThat(Reliability.live(store))
                .as("pairs stored = baseline + pairs the 201 answers listed")
                .isEqualTo(expected);
        assertThat(http.get(PAIRS + "?limit=1").status())
                .as("the server still answers")
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        String after = Reliability.fingerprint(store, baselineMaxId);
        store.close();
        assertThat(after).as("the pairs stored before are as they were").isEqualTo(baselineFingerprint);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static ObjectNode pair(int i) {
        ObjectNode o = RawHttp.JSON.createObjectNode();
        int n = unique.incrementAndGet();
        o.put("natural_language_query", "How many orders did customer " + i + " place in Zürich? (" + n + ")");
        o.put("sql_query", "SELECT COUNT(*) FROM orders WHERE customer_id = " + i);
        o.put("database_type", "postgresql");
        o.put("database_name", "shop");
        o.put("success", i % 3 != 0);
        o.put("execution_time_ms", 12.5);
        o.putObject("metadata").put("client", "fuzz");
        return o;
    }

    static byte[] batch(int size) {
        ArrayNode a = RawHttp.JSON.createArrayNode();
        for (int i = 0; i < size; i++) {
            a.add(pair(i));
        }
        return a.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Posts and checks the answer: a 201 lists what was stored (the count then grows by that),
     * a refusal is a JSON error and stores nothing.
     */
    static RawHttp.Response post(byte[] body, String what) {
        RawHttp.Response r = http.postJson(PAIRS, body);
        return check(r, what);
    }

    static RawHttp.Response check(RawHttp.Response r, String what) {
        assertThat(r.status()).as(what + ": " + r).isIn(201, 400, 413, 415, 422);
        JsonNode json = r.json();
        if (r.status() == 201) {
            expected += json.has("pairs") ? json.get("count").asLong() : 1;
            // the server must store exactly what it answered
            JsonNode first = json.has("pairs") ? json.get("pairs").get(0) : json.get("pair");
            if (first != null) {
                assertThat(store.getByPairId(first.get("pair_id").asText()))
                        .as(what)
                        .isPresent();
            }
        } else {
            assertThat(json.get("error").asText()).as(what).isNotBlank();
        }
        assertThat(Reliability.live(store))
                .as(what + ": the count matches the answers")
                .isEqualTo(expected);
        return r;
    }

    private static void within(Runnable r) {
        assertTimeoutPreemptively(Duration.ofSeconds(40), r::run, "the collector hung");
    }

    // ---- bodies ----------------------------------------------------------------------------------

    @Test
    void truncatedBodiesAreRefusedWithTheirPosition() {
        within(() -> {
            byte[] valid = batch(5);
            for (int cut = 1; cut < valid.length; cut += 7) {
                RawHttp.Response r = post(Arrays.copyOf(valid, cut), "cut at " + cut);
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.json().get("error").asText())
                        .as("cut at %d", cut)
                        .contains("line")
                        .contains("column");
            }
            assertThat(post(valid, "whole").status()).isEqualTo(201);
        });
    }

    @Test
    void wrongEncodingsAreRefusedOrDecodedFaithfully() {
        within(() -> {
            byte[] latin1 = pair(1).toString().getBytes(StandardCharsets.ISO_8859_1);
            assertThat(post(latin1, "Latin-1").status()).isEqualTo(400);

            for (var cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16)) {
                ObjectNode p = pair(2);
                RawHttp.Response r = post(p.toString().getBytes(cs), cs.name());
                if (r.status() == 201) {
                    // JSON's own encoding detection read it: then the text must be exactly what was sent
                    assertThat(r.json()
                                    .get("pair")
                                    .get("natural_language_query")
                                    .asText())
                            .isEqualTo(p.get("natural_language_query").asText());
                }
            }
            // what a UTF-32 detector would take for UTF-32, with invalid code points
            byte[] fakeUtf32 = {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, '}'};
            assertThat(post(fakeUtf32, "invalid UTF-32").status()).isEqualTo(400);

            ObjectNode p = pair(3);
            byte[] bom = FuzzFiles.concat(
                    new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    p.toString().getBytes(StandardCharsets.UTF_8));
            RawHttp.Response r = post(bom, "UTF-8 BOM");
            if (r.status() == 201) {
                assertThat(r.json().get("pair").get("natural_language_query").asText())
                        .isEqualTo(p.get("natural_language_query").asText());
            }
        });
    }

    @Test
    void nulBytesAreRefusedNamingTheField() {
        within(() -> {
            String body = pair(4).toString().replace("How many", "How\u0000many");
            assertThat(post(body.getBytes(StandardCharsets.UTF_8), "raw NUL").status())
                    .isEqualTo(400);
            String escaped = pair(5).toString().replace("How many", "How\\u0000many");
            RawHttp.Response r = post(escaped.getBytes(StandardCharsets.UTF_8), "escaped NUL");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("natural_language_query");
            assertThat(post(new byte[] {0, 0, 0, 0}, "only NULs").status()).isEqualTo(400);
        });
    }

    @Test
    void tenMegabyteBodiesAreRefusedDeclaredOrChunked() {
        within(() -> {
            ObjectNode p = pair(6);
            p.put("natural_language_query", "x".repeat(10 << 20));
            byte[] huge = p.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(post(huge, "10 MB declared").status()).isEqualTo(413);
            assertThat(check(http.postChunked(PAIRS, huge), "10 MB chunked").status())
                    .isEqualTo(413);
            assertThat(check(
                                    http.postChunked(PAIRS, pair(7).toString().getBytes(StandardCharsets.UTF_8)),
                                    "small chunked")
                            .status())
                    .isEqualTo(201);
        });
    }

    @Test
    void hundredThousandLevelsOfNestingAreRefused() {
        within(() -> {
            String deep = FuzzFiles.nested(100_000);
            assertThat(post(deep.getBytes(StandardCharsets.UTF_8), "nested body")
                            .status())
                    .isEqualTo(400);
            String inMetadata = pair(8).toString().replace("{\"client\":\"fuzz\"}", "{\"deep\":" + deep + "}");
            assertThat(post(inMetadata.getBytes(StandardCharsets.UTF_8), "nested metadata")
                            .status())
                    .isEqualTo(400);
            String objects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
            assertThat(post(objects.getBytes(StandardCharsets.UTF_8), "nested objects")
                            .status())
                    .isEqualTo(400);
        });
    }

    @Test
    void aBatchWithBadElementsStoresNothingAndNamesEachIndex() {
        ArrayNode a = RawHttp.JSON.createArrayNode();
        a.add(pair(1));
        a.add(pair(2).put("success", "yes"));
        a.add(pair(3));
        a.add(pair(4).putNull("sql_query"));
        RawHttp.Response r = post(a.toString().getBytes(StandardCharsets.UTF_8), "bad elements");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors"))
                .extracting(e -> e.get("index").asInt())
                .containsExactly(1, 3);
    }

    @Test
    void randomByteEditsOfAValidBatchNeverCrashTheServer() {
        within(() -> {
            Random random = new Random(20240613);
            byte[] valid = batch(6);
            int stored = 0;
            for (int i = 0; i < 150; i++) {
                RawHttp.Response r = post(FuzzFiles.mutate(valid, random), "mutant " + i);
                if (r.status() == 201) {
                    stored++;
                } else if (r.status() == 400 && r.json().has("errors")) {
                    for (JsonNode e : r.json().get("errors")) {
                        assertThat(e.has("index") || e.has("field"))
                                .as("mutant %d: a position for %s", i, e)
                                .isTrue();
                    }
                }
            }
            assertThat(stored)
                    .as("some edits leave a valid batch (inside strings)")
                    .isPositive();
        });
    }

    // ---- query strings and headers ------------------------------------------------------------------

    @Test
    void randomQueryStringsGetAnAnswerNeverAFailure() {
        within(() -> {
            Random random = new Random(99);
            // the API's parameters and one it does not know
            String[] names = Stream.concat(Contracts.API_QUERY_PARAMETERS.stream(), Stream.of("x"))
                    .toArray(String[]::new);
            String[] paths = {PAIRS, CollectorServer.PREFIX + "/statistics", CollectorServer.PREFIX + "/export"};
            for (int i = 0; i < 120; i++) {
                StringBuilder q = new StringBuilder();
                int params = 1 + random.nextInt(3);
                for (int k = 0; k < params; k++) {
                    byte[] value = new byte[random.nextInt(24)];
                    random.nextBytes(value);
                    q.append(k == 0 ? "" : "&")
                            .append(names[random.nextInt(names.length)])
                            .append('=');
                    switch (random.nextInt(4)) {
                        case 0 ->
                            q.append(URLEncoder.encode(
                                    new String(value, StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                        case 1 ->
                            q.append("%")
                                    .append(Integer.toHexString(random.nextInt(256)))
                                    .append("%zz%");
                        case 2 -> q.append("%00%FF%C3%28");
                        default ->
                            q.append("2024-")
                                    .append(random.nextInt(20))
                                    .append("-")
                                    .append(random.nextInt(40));
                    }
                }
                String target = paths[random.nextInt(paths.length)] + "?" + q;
                RawHttp.Response r = http.get(target);
                assertThat(r.status()).as(target + " -> " + r).isIn(200, 400);
                if (!validUri(target)) {
                    continue; // the JDK's HTTP server refuses it before any handler runs (400, an HTML page)
                }
                if (!target.contains("/export") || r.status() != 200) {
                    assertThat(r.json()).as(target).isNotNull();
                }
            }
            // a 10,000-character parameter and a huge limit
            assertThat(http.get(PAIRS + "?text=" + "a".repeat(10_000)).status()).isIn(200, 400);
            assertThat(http.get(PAIRS + "?limit=99999999999999999999").status()).isEqualTo(400);
            assertThat(http.get(PAIRS + "?offset=-1").status()).isEqualTo(400);
        });
    }

    private static boolean validUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Test
    void wrongContentTypesAndMethodsAreRefusedCleanly() {
        byte[] body = pair(9).toString().getBytes(StandardCharsets.UTF_8);
        assertThat(check(http.send("POST", PAIRS, null, body), "no type").status())
                .isEqualTo(415);
        assertThat(check(http.send("POST", PAIRS, "text/plain", body), "text/plain")
                        .status())
                .isEqualTo(415);
        assertThat(check(http.send("POST", PAIRS, "application/json; charset=latin1", new byte[0]), "empty")
                        .status())
                .isEqualTo(400);
        RawHttp.Response put = http.send("PUT", PAIRS, "application/json", body);
        assertThat(put.status()).isEqualTo(405);
        RawHttp.Response weird = http.send("FROBNICATE", PAIRS, "application/json", body);
        assertThat(weird.status()).isIn(400, 405, 501);
    }
}

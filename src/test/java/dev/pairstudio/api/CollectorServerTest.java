package dev.pairstudio.api;

import static dev.pairstudio.api.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.Source;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.Contracts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint over real HTTP on loopback, against a real H2 file. */
class CollectorServerTest {
    @TempDir
    static Path dir;

    static Database store;
    static CollectorServer server;
    static TestClient api;
    static final List<Long> added = new CopyOnWriteArrayList<>();
    static final List<Long> trashed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        store = Databases.open(dir.resolve("pairs").toString());
        server = CollectorServer.start(
                store, CollectorConfig.defaults().withPort(0).withThreads(8));
        server.addListener(new CollectorListener() {
            @Override
            public void onPairsAdded(List<Long> ids) {
                added.addAll(ids);
            }

            @Override
            public void onPairsTrashed(List<Long> ids) {
                trashed.addAll(ids);
            }
        });
        api = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static String pair(String question, String sql, String dbName) {
        return "{\"natural_language_query\":\"" + question + "\",\"sql_query\":\"" + sql + "\",\"database_name\":\""
                + dbName + "\"}";
    }

    private static long stored(String dbName) {
        return store.count(PairFilter.ALL.withDatabaseNames(Set.of(dbName)));
    }

    // ---- auth and safety -------------------------------------------------------------------------

    @Test
    void everyApiRequestNeedsTheToken() {
        for (TestClient c : List.of(api.withToken(null), api.withToken("wrong"), api.withToken(server.token() + "x"))) {
            for (HttpResponse<String> r : List.of(
                    c.get("/pairs"),
                    c.get("/statistics"),
                    c.get("/export"),
                    c.get("/openapi.json"),
                    c.delete("/pairs/x"),
                    c.post("/pairs", pair("q", "SELECT 1", "auth")))) {
                assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(401);
                assertThat(json(r).get("error").asText()).contains("token");
                assertThat(r.headers().firstValue("WWW-Authenticate"))
                        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            }
        }
        HttpResponse<String> basic = api.send(api.withToken(null)
                .request("/pairs")
                .header("Authorization", "Basic " + server.token())
                .GET()
                .build());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(stored("auth")).isZero();
    }

    @Test
    void rootAnswersWithoutTokenAndListensOnLoopback() {
        HttpResponse<String> r = api.withToken(null)
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                        .GET()
                        .build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("api").asText()).isEqualTo("/api/training-data");
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void theTokenBelongsToTheDatabase() {
        assertThat(server.token()).isEqualTo(ApiTokens.forStore(store)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(ApiTokens.matches("Bearer " + server.token(), server.token()))
                .isTrue();
        assertThat(ApiTokens.matches("bearer  " + server.token() + " ", server.token()))
                .isTrue();
        assertThat(ApiTokens.matches("Bearer ", server.token())).isFalse();
        assertThat(ApiTokens.matches(null, server.token())).isFalse();
    }

    @Test
    void unknownPathsAndMethods() {
        assertThat(api.get("/nothing").statusCode()).isEqualTo(404);
        assertThat(json(api.get("/nothing")).get("error").asText()).isEqualTo("Not found");
        HttpResponse<String> put = api.send(api.request("/pairs")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(json(put).has("error")).isTrue();
    }

    // ---- POST ------------------------------------------------------------------------------------

    @Test
    void postOnePairAnswersTheStoredRecordInSeedOrder() {
        HttpResponse<String> r = api.post(
                "/pairs",
                "{\"natural_language_query\":\"How many users signed up?\","
                        + "\"sql_query\":\"SELECT COUNT(*) FROM Users u JOIN public.orders o ON o.uid = u.id\","
                        + "\"database_type\":\"postgresql\",\"database_name\":\"post-one\",\"success\":false,"
                        + "\"execution_time_ms\":45,\"metadata\":{\"model\":\"m1\",\"n\":2}}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(r);
        assertThat(fieldNames(body)).containsExactly("pair");
        JsonNode p = body.get("pair");
        assertThat(fieldNames(p)).containsExactlyElementsOf(Contracts.PAIR_JSON_KEYS);
        assertThat(p.get("pair_id").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(p.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(p.get("natural_language_query").asText()).isEqualTo("How many users signed up?");
        assertThat(p.get("success").asBoolean()).isFalse();
        assertThat(r.body()).contains("\"execution_time_ms\":45,");
        assertThat(p.get("table_names").toString()).isEqualTo("[\"public.orders\",\"users\"]");
        assertThat(p.get("metadata").toString()).isEqualTo("{\"model\":\"m1\",\"n\":2}");

        StoredPair s = store.getByPairId(p.get("pair_id").asText()).orElseThrow();
        assertThat(s.source()).isEqualTo(Source.API);
        assertThat(s.analysis().queryType()).isEqualTo(QueryType.SELECT);
        assertThat(s.analysis().fingerprint()).isNotNull();
        assertThat(s.analysis().flags()).contains(QualityFlag.FAILED_EXECUTION);
        assertThat(s.pair().tableNames()).containsExactly("public.orders", "users");
        assertThat(added).contains(s.id());

        HttpResponse<String> again = api.get("/pairs/" + p.get("pair_id").asText());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("pair")).isEqualTo(p);
    }

    @Test
    void floatsStayFloats() {
        HttpResponse<String> r = api.post(
                "/pairs",
                "{\"natural_language_query\":\"q floats\",\"sql_query\":\"SELECT 1\"," + "\"execution_time_ms\":45.0}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"execution_time_ms\":45.0,");
        String id = json(r).get("pair").get("pair_id").asText();
        assertThat(api.get("/pairs/" + id).body()).contains("\"execution_time_ms\":45.0,");
        assertThat(api.post(
                                "/pairs",
                                "{\"natural_language_query\":\"q exp\",\"sql_query\":\"SELECT 1\",\"execution_time_ms\":1e3}")
                        .body())
                .contains("\"execution_time_ms\":1000.0,");
        assertThat(api.post(
                                "/pairs",
                                "{\"natural_language_query\":\"q dec\",\"sql_query\":\"SELECT 1\",\"execution_time_ms\":0.125}")
                        .body())
                .contains("\"execution_time_ms\":0.125,");
    }

    @Test
    void postABatch() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            sb.append(i == 0 ? "" : ",").append(pair("question number " + i, "SELECT * FROM t" + i, "batch"));
        }
        HttpResponse<String> r = api.post("/pairs", sb.append(']').toString());
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode body = json(r);
        assertThat(fieldNames(body)).containsExactly("pairs", "count");
        assertThat(body.get("count").asInt()).isEqualTo(50);
        assertThat(body.get("pairs").get(7).get("table_names").get(0).asText()).isEqualTo("t7");
        assertThat(stored("batch")).isEqualTo(50);

        HttpResponse<String> empty = api.post("/pairs", "[]");
        assertThat(empty.statusCode()).isEqualTo(201);
        assertThat(json(empty).get("count").asInt()).isZero();
    }

    @Test
    void aLargeBatchIsStoredFirstAndAnalysedInTheBackground() throws Exception {
        int n = PairEndpoints.INLINE_ANALYSIS_MAX + 50;
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(pair("large batch question " + i, "DELETE FROM big" + i, "large"));
        }
        assertThat(api.post("/pairs", sb.append(']').toString()).statusCode()).isEqualTo(201);
        assertThat(stored("large")).isEqualTo(n);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!store.unanalysed(0, 1).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(store.unanalysed(0, 1)).as("analysed within seconds").isEmpty();
        assertThat(store.count(
                        PairFilter.ALL.withDatabaseNames(Set.of("large")).withQueryTypes(Set.of(QueryType.DELETE))))
                .isEqualTo(n);
        assertThat(store.count(PairFilter.ALL.withTables(Set.of("big7")))).isEqualTo(1);
    }

    @Test
    void missingRequiredFieldsGiveTheSeedsMessage() {
        for (String body : List.of(
                "{}",
                "{\"natural_language_query\":\"q\"}",
                "{\"natural_language_query\":\"\",\"sql_query\":\"SELECT 1\"}",
                "{\"natural_language_query\":null,\"sql_query\":\"SELECT 1\",\"database_name\":\"req\"}")) {
            HttpResponse<String> r = api.post("/pairs", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).get("error").asText()).isEqualTo("natural_language_query and sql_query are required");
        }
        JsonNode errors = json(api.post("/pairs", "{}")).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("natural_language_query", "sql_query");
        assertThat(stored("req")).isZero();
    }

    @Test
    void wrongTypesAreNamedFieldByField() {
        HttpResponse<String> r = api.post(
                "/pairs",
                "{\"natural_language_query\":\"q\",\"sql_query\":\"SELECT 1\","
                        + "\"success\":\"false\",\"execution_time_ms\":\"12\",\"metadata\":[1],\"database_type\":5,\"database_name\":\"types\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("errors").findValuesAsText("field"))
                .containsExactly("database_type", "success", "execution_time_ms", "metadata");
        assertThat(body.get("error").asText())
                .contains("success must be a boolean")
                .contains("execution_time_ms must be a number")
                .contains("metadata must be an object")
                .contains("database_type must be a string");
        assertThat(body.has("trace")).isFalse();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");

        HttpResponse<String> q = api.post("/pairs", "{\"natural_language_query\":[\"q\"],\"sql_query\":\"SELECT 1\"}");
        assertThat(q.statusCode()).isEqualTo(400);
        assertThat(json(q).get("errors").get(0).get("message").asText()).isEqualTo("must be a string, found an array");
        assertThat(stored("types")).isZero();
    }

    @Test
    void aBadElementRefusesTheWholeBatch() {
        HttpResponse<String> r = api.post(
                "/pairs",
                "[" + pair("good one", "SELECT 1", "allornothing") + ",5,"
                        + "{\"natural_language_query\":\"q\",\"sql_query\":\"SELECT 1\",\"success\":1}]");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode errors = json(r).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(errors.get(0).get("message").asText()).startsWith("must be a JSON object");
        assertThat(errors.get(1).get("index").asInt()).isEqualTo(2);
        assertThat(errors.get(1).get("field").asText()).isEqualTo("success");
        assertThat(stored("allornothing")).isZero();
    }

    @Test
    void batchLimit() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < CollectorConfig.MAX_BATCH + 1; i++) {
            sb.append(i == 0 ? "" : ",").append("{}");
        }
        HttpResponse<String> r = api.post("/pairs", sb.append(']').toString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error").asText()).contains("at most 10000 pairs");
    }

    @Test
    void malformedJsonIsA400WithAJsonBody() {
        for (String body : List.of(
                "{\"natural_language_query\": 5",
                "not json",
                "{\"a\":1} {\"b\":2}",
                "{\"a\":1,\"a\":2}",
                "\"text\"",
                "")) {
            HttpResponse<String> r = api.post("/pairs", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).get("error").asText()).as(body).isNotBlank().doesNotContain("REDACTED");
        }
        assertThat(json(api.post("/pairs", "{\"x\": 5")).get("error").asText()).startsWith("Malformed JSON at line 1");
    }

    @Test
    void nonJsonContentTypeIs415() {
        for (String type :
                List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> r = api.send(api.request("/pairs")
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(pair("q", "SELECT 1", "ctype")))
                    .build());
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertThat(json(r).get("error").asText()).startsWith("Content-Type must be application/json");
        }
        HttpResponse<String> none = api.send(api.request("/pairs")
                .POST(HttpRequest.BodyPublishers.ofString(pair("q", "SELECT 1", "ctype")))
                .build());
        assertThat(none.statusCode()).isEqualTo(415);
        HttpResponse<String> charset = api.send(api.request("/pairs")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(pair("q charset", "SELECT 1", "ctype")))
                .build());
        assertThat(charset.statusCode()).isEqualTo(201);
        assertThat(stored("ctype")).isEqualTo(1);
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"natural_language_query\":\"" + "x".repeat((int) CollectorConfig.DEFAULT_MAX_BODY)
                + "\",\"sql_query\":\"SELECT 1\",\"database_name\":\"big\"}";
        HttpResponse<String> declared = api.post("/pairs", big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json(declared).get("error").asText()).contains("larger than 1048576 bytes");
        // without a declared length (chunked), the limit applies while reading
        HttpResponse<String> chunked = api.send(api.request("/pairs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(stored("big")).isZero();
        // just under the limit is fine
        String fits = "{\"natural_language_query\":\"" + "y".repeat(1_000_000)
                + "\",\"sql_query\":\"SELECT 1\",\"database_name\":\"big\"}";
        assertThat(api.post("/pairs", fits).statusCode()).isEqualTo(201);
    }

    @Test
    void unknownFieldsAreIgnoredAndReported() {
        HttpResponse<String> r = api.post(
                "/pairs",
                "{\"natural_language_query\":\"q unknown\",\"sql_query\":\"SELECT 1\","
                        + "\"database_name\":\"unknown\",\"pair_id\":\"mine\",\"timestamp\":\"2020-01-01\",\"table_names\":[\"x\"],\"model\":\"m\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode body = json(r);
        assertThat(fieldNames(body)).containsExactly("pair", "ignored_fields");
        assertThat(body.get("ignored_fields").toString())
                .isEqualTo("[\"model\",\"pair_id\",\"table_names\",\"timestamp\"]");
        assertThat(body.get("pair").get("pair_id").asText()).isNotEqualTo("mine");
        assertThat(body.get("pair").get("timestamp").asText()).doesNotStartWith("2020");
    }

    // ---- GET list, GET one, DELETE ----------------------------------------------------------------

    @Test
    void listPagesWithCountTotalAndCursor() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 25; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"natural_language_query\":\"list question " + i + "\",\"sql_query\":\"SELECT " + i
                            + " FROM items\",\"database_name\":\"list\",\"success\":" + (i % 5 != 0) + "}");
        }
        assertThat(api.post("/pairs", sb.append(']').toString()).statusCode()).isEqualTo(201);

        JsonNode page = json(api.get("/pairs?database_name=list&limit=10"));
        assertThat(fieldNames(page)).containsExactly("pairs", "count", "total", "next_cursor");
        assertThat(page.get("count").asInt()).isEqualTo(10);
        assertThat(page.get("total").asInt()).isEqualTo(25);
        assertThat(page.get("pairs").get(0).get("natural_language_query").asText())
                .isEqualTo("list question 0");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode p =
                    json(api.get("/pairs?database_name=list&limit=10" + (cursor == null ? "" : "&cursor=" + cursor)));
            p.get("pairs").forEach(x -> seen.add(x.get("natural_language_query").asText()));
            cursor = p.get("next_cursor").isNull() ? null : p.get("next_cursor").asText();
        } while (cursor != null);
        assertThat(seen)
                .hasSize(25)
                .doesNotHaveDuplicates()
                .startsWith("list question 0")
                .endsWith("list question 24");

        JsonNode offset = json(api.get("/pairs?database_name=list&limit=3&offset=20"));
        assertThat(offset.get("pairs").findValuesAsText("natural_language_query"))
                .containsExactly("list question 20", "list question 21", "list question 22");
        assertThat(json(api.get("/pairs?database_name=list&offset=30"))
                        .get("count")
                        .asInt())
                .isZero();

        JsonNode ok = json(api.get("/pairs?database_name=list&successful_only=TRUE&limit=0"));
        assertThat(ok.get("total").asInt()).isEqualTo(20);
        assertThat(ok.get("count").asInt()).isEqualTo(20);
        assertThat(json(api.get("/pairs?database_name=list&successful_only=1"))
                        .get("total")
                        .asInt())
                .isEqualTo(25);
        assertThat(json(api.get("/pairs?database_name=list&text=question%201&limit=100"))
                        .get("total")
                        .asInt())
                .isEqualTo(11);
        assertThat(json(api.get("/pairs?database_name=list&query_type=select"))
                        .get("total")
                        .asInt())
                .isEqualTo(25);
        assertThat(json(api.get("/pairs?database_name=list&table=items"))
                        .get("total")
                        .asInt())
                .isEqualTo(25);
        assertThat(json(api.get("/pairs?database_name=list&query_type=delete"))
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void listRefusesBadParameters() {
        for (String q : List.of(
                "limit=abc",
                "limit=-1",
                "limit=10001",
                "offset=-5",
                "offset=x",
                "start_date=2024/01/01",
                "end_date=yesterday",
                "query_type=FETCH",
                "cursor=garbage",
                "cursor=abc&offset=3",
                "text=(&regex=true")) {
            HttpResponse<String> r = api.get("/pairs?" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(json(r).get("error").asText()).as(q).isNotBlank();
        }
        assertThat(json(api.get("/pairs?start_date=2024/01/01")).get("error").asText())
                .contains("2024/01/01")
                .contains("start_date");
    }

    @Test
    void datesAreWholeDaysOrInstants() {
        String today = Timestamps.format(Timestamps.now()).substring(0, 10);
        assertThat(api.post("/pairs", pair("dated question", "SELECT 1", "dates"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(json(api.get("/pairs?database_name=dates&start_date=" + today + "&end_date=" + today))
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(api.get("/pairs?database_name=dates&end_date=2000-01-01"))
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(json(api.get("/pairs?database_name=dates&start_date=2000-01-01T00:00:00Z&end_date="))
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(api.get("/pairs?database_name=dates&start_date=2999-01-01T10:00:00%2B02:00"))
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void getAndDeleteOnePair() {
        String id = json(api.post("/pairs", pair("to delete", "DELETE FROM t", "delete")))
                .get("pair")
                .get("pair_id")
                .asText();
        assertThat(api.get("/pairs/" + id).statusCode()).isEqualTo(200);

        HttpResponse<String> d = api.delete("/pairs/" + id);
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).isEqualTo("{\"message\":\"Pair deleted successfully\"}");
        assertThat(api.get("/pairs/" + id).statusCode()).isEqualTo(404);
        assertThat(api.delete("/pairs/" + id).body()).isEqualTo("{\"error\":\"Pair not found\"}");
        assertThat(api.get("/pairs/no-such-pair").body()).isEqualTo("{\"error\":\"Pair not found\"}");

        StoredPair inTrash = store.getByPairId(id).orElseThrow();
        assertThat(inTrash.inTrash()).isTrue();
        assertThat(trashed).contains(inTrash.id());
        assertThat(store.restore(inTrash.trashBatch())).isEqualTo(1);
        assertThat(api.get("/pairs/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void statisticsHaveTheSeedsKeysFirst() {
        String batch =
                "[{\"natural_language_query\":\"How many orders?\",\"sql_query\":\"SELECT COUNT(*) FROM orders\","
                        + "\"database_type\":\"postgresql\",\"database_name\":\"stats\"},"
                        + "{\"natural_language_query\":\"Remove old users\",\"sql_query\":\"DELETE FROM users WHERE age > 99\","
                        + "\"database_type\":\"mysql\",\"database_name\":\"stats\",\"success\":false}]";
        assertThat(api.post("/pairs", batch).statusCode()).isEqualTo(201);
        HttpResponse<String> r = api.get("/statistics?database_name=stats");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(fieldNames(body)).containsExactly("statistics");
        JsonNode s = body.get("statistics");
        assertThat(fieldNames(s).subList(0, 9)).containsExactlyElementsOf(Contracts.STATISTICS_FIRST_KEYS);
        assertThat(s.get("total_pairs").asInt()).isEqualTo(2);
        assertThat(s.get("successful_pairs").asInt()).isEqualTo(1);
        assertThat(s.get("failed_pairs").asInt()).isEqualTo(1);
        assertThat(s.get("unique_tables").toString()).isEqualTo("[\"orders\",\"users\"]");
        assertThat(s.get("database_types").toString()).isEqualTo("[\"mysql\",\"postgresql\"]");
        assertThat(s.get("query_type_distribution").toString()).isEqualTo("{\"SELECT\":1,\"DELETE\":1}");
        assertThat(s.get("date_range").get("start").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        JsonNode none = json(api.get("/statistics?start_date=1990-01-01&end_date=1990-01-02"))
                .get("statistics");
        assertThat(none.get("total_pairs").asInt()).isZero();
        assertThat(none.get("date_range").toString()).isEqualTo("{}");
        assertThat(none.get("avg_query_length").asDouble()).isZero();
        assertThat(api.get("/statistics?end_date=31.01.2024").statusCode()).isEqualTo(400);
    }

    @Test
    void exportIsAnonymizedByDefaultInTheSeedsFormats() {
        String batch = "[{\"natural_language_query\":\"Orders of jane.doe@corp.example.org\",\"sql_query\":"
                + "\"SELECT * FROM orders WHERE email = 'jane.doe@corp.example.org'\",\"database_name\":\"export\"},"
                + "{\"natural_language_query\":\"How many items, \\\"really\\\"?\",\"sql_query\":\"SELECT COUNT(*) FROM items\","
                + "\"database_name\":\"export\",\"success\":false,\"execution_time_ms\":12.5}]";
        assertThat(api.post("/pairs", batch).statusCode()).isEqualTo(201);

        HttpResponse<String> jsonl = api.get("/export?database_name=export");
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(jsonl.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=training_data.jsonl");
        String[] lines = jsonl.body().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(jsonl.body())
                .endsWith("\n")
                .doesNotContain("jane.doe")
                .contains("\"natural_language_query\": \"Orders of ");
        assertThat(jsonl.body()).doesNotContain("\"database_name\": \"export\""); // the database name is anonymized too

        HttpResponse<String> original = api.get("/export?database_name=export&anonymize=false");
        assertThat(original.body()).contains("jane.doe@corp.example.org").contains("\"database_name\": \"export\"");

        HttpResponse<String> json = api.get("/export?database_name=export&format=JSON");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=training_data.json");
        JsonNode doc = json(json);
        assertThat(fieldNames(doc)).startsWith("exported_at", "format_version", "total_pairs", "pairs", "statistics");
        assertThat(doc.get("total_pairs").asInt()).isEqualTo(2);

        HttpResponse<String> csv = api.get("/export?database_name=export&format=csv&successful_only=true");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.body())
                .startsWith("pair_id,natural_language_query,sql_query,timestamp,database_type,database_name,"
                        + "table_names,success,execution_time_ms,query_type\r\n");
        assertThat(csv.body().split("\r\n")).hasSize(2);

        HttpResponse<String> bad = api.get("/export?format=xml");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"error\":\"Invalid format: xml. Must be jsonl, json, or csv\"}");
        assertThat(api.get("/export?format=xml&start_date=garbage").body()).contains("Invalid format"); // format first
        assertThat(api.get("/export?start_date=garbage").statusCode()).isEqualTo(400);

        HttpResponse<String> empty = api.get("/export?database_name=nothing-here");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(json(api.get("/export?database_name=nothing-here&format=json"))
                        .get("total_pairs")
                        .asInt())
                .isZero();
    }

    @Test
    void openApiDescribesTheEndpoints() {
        HttpResponse<String> r = api.get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.get("paths");
        assertThat(fieldNames(paths))
                .contains(
                        "/api/training-data/pairs",
                        "/api/training-data/pairs/{pair_id}",
                        "/api/training-data/statistics",
                        "/api/training-data/export");
        assertThat(paths.get("/api/training-data/pairs").has("post")).isTrue();
        assertThat(paths.get("/api/training-data/pairs/{pair_id}").has("delete"))
                .isTrue();
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        int threads = 8;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    int created = 0;
                    for (int i = 0; i < each; i++) {
                        HttpResponse<String> r = api.post(
                                "/pairs",
                                pair("concurrent " + thread + "/" + i, "SELECT " + i + " FROM c", "concurrent"));
                        if (r.statusCode() == 201) {
                            created++;
                        }
                    }
                    return created;
                }));
            }
            int created = 0;
            for (Future<Integer> f : done) {
                created += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(created).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored("concurrent")).isEqualTo(threads * each);
        assertThat(json(api.get("/pairs?database_name=concurrent&limit=1"))
                        .get("total")
                        .asInt())
                .isEqualTo(threads * each);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------

    @Test
    void anonymizeOnIngestStoresNoOriginals() throws IOException {
        try (CollectorServer anon = CollectorServer.start(
                store,
                CollectorConfig.defaults()
                        .withPort(0)
                        .withToken("anon-token-123")
                        .withAnonymizeOnIngest(true))) {
            TestClient c = new TestClient(anon);
            assertThat(c.get("/pairs?limit=1").statusCode()).isEqualTo(200);
            assertThat(api.withToken("anon-token-123").get("/pairs").statusCode())
                    .isEqualTo(401);
            HttpResponse<String> r = c.post(
                    "/pairs",
                    "{\"natural_language_query\":\"Orders of jane.doe@corp.example.org\","
                            + "\"sql_query\":\"SELECT * FROM orders WHERE email = 'jane.doe@corp.example.org'\",\"database_name\":\"anon\"}");
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.body()).doesNotContain("jane.doe");
            StoredPair s = store.getByPairId(json(r).get("pair").get("pair_id").asText())
                    .orElseThrow();
            assertThat(s.pair().question()).doesNotContain("jane.doe");
            assertThat(s.pair().sql()).doesNotContain("jane.doe").startsWith("SELECT * FROM orders WHERE email = '");
        }
    }

    @Test
    void closeReleasesThePortAndLeavesTheStoreOpen() throws IOException {
        CollectorServer other =
                CollectorServer.start(store, CollectorConfig.defaults().withPort(0));
        TestClient c = new TestClient(other);
        assertThat(c.post("/pairs", pair("before close", "SELECT 1", "lifecycle"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(other.pairsCollected()).isEqualTo(1);
        other.close();
        other.close();
        assertThat(other.isRunning()).isFalse();
        Assertions.assertThatThrownBy(() -> c.get("/pairs")).hasCauseInstanceOf(ConnectException.class);
        assertThat(stored("lifecycle")).isEqualTo(1);
    }

    @Test
    void aPortInUseIsABindError() {
        Assertions.assertThatThrownBy(() ->
                        CollectorServer.start(store, CollectorConfig.defaults().withPort(server.port())))
                .isInstanceOf(BindException.class);
        assertThat(api.get("/pairs?limit=1").statusCode()).isEqualTo(200);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}

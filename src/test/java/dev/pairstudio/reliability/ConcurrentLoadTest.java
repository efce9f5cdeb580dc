package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportResult;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.ForwardingDatabase;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector API taking writes from several clients, the UI's kind of reads (count, keyset
 * pages, page starts, statistics) and exports (files and the API's download), all at once on
 * one H2 file for {@code -Dreliability.seconds} (10 by default; 60 for the run). No
 * request fails; every pair a 201 answer acknowledged is stored (count = baseline + sent); every
 * export holds at least the pairs stored before it began and at most those stored when it ended,
 * and its header, manifest and body agree with each other.
 */
class ConcurrentLoadTest {
    static final int BASELINE = 2_000;
    static final int WRITERS = 4;
    static final int READERS = 2;

    @TempDir
    Path dir;

    final AtomicBoolean running = new AtomicBoolean(true);
    final Queue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicLong acknowledged = new AtomicLong();
    final Queue<String> acknowledgedIds = new ConcurrentLinkedQueue<>();
    final AtomicLong reads = new AtomicLong();
    final AtomicLong exports = new AtomicLong();

    @Test
    void writesReadsAndExportsAtOnceAddUp() throws Exception {
        int seconds = Reliability.seconds();
        Database store = Databases.open(dir.resolve("load").toString());
        Reliability.add(store, new SyntheticPairs(21).list(BASELINE), "baseline");
        CollectorServer server = CollectorServer.start(
                store, CollectorConfig.defaults().withPort(0).withThreads(16));
        List<Thread> threads = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                threads.add(start("writer-" + w, () -> write(server, writer)));
            }
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                threads.add(start("reader-" + r, () -> read(store, server, reader)));
            }
            threads.add(start("exporter", () -> export(store, server)));

            Thread.sleep(seconds * 1_000L);
            running.set(false);
            for (Thread t : threads) {
                t.join(120_000);
                assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
            }
        } finally {
            running.set(false);
            server.close();
        }
        try {
            assertThat(errors).as("no request, read or export failed").isEmpty();
            assertThat(acknowledged.get()).as("the writers got through").isPositive();
            assertThat(exports.get()).as("exports ran during the writes").isGreaterThanOrEqualTo(2);
            assertThat(reads.get()).isPositive();
            assertThat(Reliability.live(store))
                    .as("pairs stored = baseline + pairs acknowledged")
                    .isEqualTo(BASELINE + acknowledged.get());
            assertThat(server.pairsCollected()).isEqualTo(acknowledged.get());
            for (String id : acknowledgedIds) {
                assertThat(store.getByPairId(id)).as(id).isPresent();
            }
            System.out.printf(
                    "concurrency: %d s, %d pairs written through the API, %d UI reads, %d exports, load average %.2f%n",
                    seconds,
                    acknowledged.get(),
                    reads.get(),
                    exports.get(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            store.close();
        }
    }

    @Test
    void pairsAddedDuringAnExportAreLeftForTheNextAndDeletionsKeepItConsistent() throws Exception {
        try (Database store = Databases.open(dir.resolve("during").toString())) {
            Reliability.add(store, new SyntheticPairs(22).list(BASELINE), "baseline");
            SyntheticPairs more = new SyntheticPairs(23);
            for (String format : List.of("json", "jsonl", "csv")) {
                long before = Reliability.live(store);
                Path target = dir.resolve("during." + format);
                ExportResult r = Reliability.export(
                        store,
                        format,
                        target,
                        ExportTargetPolicy.FAIL,
                        () -> Reliability.add(store, more.list(300), "during")); // after every batch of 1,000
                assertThat(r.written()).as(format).isEqualTo(before);
                assertThat(KilledOperationsTest.recordsIn(target, format)).isEqualTo(before);
                assertThat(Reliability.live(store)).isGreaterThan(before);
            }

            // a deletion during a JSON export: the pairs were read already (they stay in), or the stated
            // count would be wrong and the export starts over; either way the file agrees with itself
            long before = Reliability.live(store);
            boolean[] deleted = {false};
            Path target = dir.resolve("deleted.json");
            ExportResult r = Reliability.export(store, "json", target, ExportTargetPolicy.FAIL, () -> {
                if (!deleted[0]) {
                    deleted[0] = true;
                    store.trash(store.query(PairFilter.ALL, new PairSort(SortColumn.ID, true), null, 10).rows().stream()
                            .map(p -> p.id())
                            .toList());
                }
            });
            assertThat(r.written()).isIn(before, before - 10);
            assertThat(KilledOperationsTest.recordsIn(target, "json"))
                    .isEqualTo(r.written()); // and total_pairs = pairs
            assertThat(Reliability.filesIn(dir).stream().filter(f -> f.endsWith(".part")))
                    .isEmpty();
        }
    }

    @Test
    void aJsonExportWhosePairsAreDeletedUnderItStartsOver() throws Exception {
        try (Database real = Databases.open(dir.resolve("deleted").toString())) {
            Reliability.add(real, new SyntheticPairs(24).list(500), "baseline");
            int[] streams = {0};
            // the store as the exporter sees it: the first stream starts right after 10 pairs were deleted,
            // so the count it took at the beginning no longer holds
            Database store = new ForwardingDatabase(real) {
                @Override
                public void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action) {
                    if (streams[0]++ == 0) {
                        real.trash(real.query(PairFilter.ALL, PairSort.INSERTION, null, 10).rows().stream()
                                .map(p -> p.id())
                                .toList());
                    }
                    super.forEach(filter, sort, action);
                }
            };
            Path target = dir.resolve("deleted.json");
            ExportResult r = new DatasetExporter(store, null)
                    .export(
                            ExportProfile.defaults("json").withDedup(false),
                            target,
                            ExportTargetPolicy.FAIL,
                            ExportListener.NONE);
            assertThat(streams[0]).as("it started over once").isEqualTo(2);
            assertThat(r.written()).isEqualTo(490);
            assertThat(KilledOperationsTest.recordsIn(target, "json")).isEqualTo(490);
            assertThat(RawHttp.JSON
                            .readTree(target.toFile())
                            .get("statistics")
                            .get("total_pairs")
                            .asLong())
                    .isEqualTo(490);
            assertThat(Reliability.filesIn(dir).stream().filter(f -> f.endsWith(".part")))
                    .isEmpty();
        }
    }

    private Thread start(String name, Runnable body) {
        Thread t = new Thread(
                () -> {
                    try {
                        body.run();
                    } catch (Throwable e) {
                        errors.add(name + ": " + e);
                        running.set(false);
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---- the clients --------------------------------------------------------------------------------

    private void write(CollectorServer server, int writer) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        SplittableRandom random = new SplittableRandom(writer);
        long n = 0;
        while (running.get()) {
            int size = random.nextInt(4) == 0 ? 1 + random.nextInt(20) : 0; // 0: a single object
            ArrayNode batch = RawHttp.JSON.createArrayNode();
            for (int i = 0; i < Math.max(1, size); i++) {
                ObjectNode p = batch.addObject();
                p.put(
                        "natural_language_query",
                        "How many orders did client " + writer + " send as number " + (n++)
                                + "? Reply to jane.doe@example.com");
                p.put("sql_query", "SELECT COUNT(*) FROM orders WHERE client = " + writer + " AND seq = " + n);
                p.put("database_type", random.nextBoolean() ? "postgresql" : "mysql");
                p.put("database_name", "load");
                p.put("success", random.nextInt(10) > 0);
                p.put("execution_time_ms", random.nextInt(500));
            }
            String body = size == 0 ? batch.get(0).toString() : batch.toString();
            HttpResponse<String> r = send(
                    http,
                    HttpRequest.newBuilder(URI.create(server.baseUri() + "/pairs"))
                            .header("Authorization", "Bearer " + server.token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build());
            if (r.statusCode() != 201) {
                errors.add("POST " + r.statusCode() + ": " + r.body());
                return;
            }
            JsonNode json = json(r.body());
            JsonNode stored = size == 0 ? RawHttp.JSON.createArrayNode().add(json.get("pair")) : json.get("pairs");
            for (JsonNode p : stored) {
                acknowledgedIds.add(p.get("pair_id").asText());
            }
            acknowledged.addAndGet(stored.size());
        }
    }

    /** What the table, the filter panel and the statistics view do while the user works. */
    private void read(Database store, CollectorServer server, int reader) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        PairFilter[] filters = {
            PairFilter.ALL,
            PairFilter.ALL.withDatabaseTypes(Set.of("postgresql")),
            PairFilter.ALL.withQueryTypes(Set.of(QueryType.SELECT)),
            PairFilter.ALL.withText("orders", false),
            PairFilter.ALL.withSuccess(false)
        };
        int i = reader;
        while (running.get()) {
            PairFilter f = filters[i++ % filters.length];
            long before = store.count(f);
            Page page = store.query(f, PairSort.NEWEST_FIRST, null, 100);
            for (int k = 0; k < 3 && page.nextCursor() != null; k++) {
                page = store.query(f, PairSort.NEWEST_FIRST, page.nextCursor(), 100);
            }
            store.pageStarts(f, PairSort.INSERTION, 500);
            Statistics s = Statistics.compute(store, f);
            long after = store.count(f);
            if (s.totalPairs() < before || s.totalPairs() > after) {
                errors.add("statistics counted " + s.totalPairs() + " pairs, the store " + before + " before and "
                        + after + " after");
            }
            store.databaseTypes();
            if (i % 4 == 0) {
                for (String path : List.of("/pairs?limit=50&successful_only=true", "/statistics")) {
                    HttpResponse<String> r = send(
                            http,
                            HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                                    .header("Authorization", "Bearer " + server.token())
                                    .GET()
                                    .build());
                    if (r.statusCode() != 200) {
                        errors.add("GET " + path + " " + r.statusCode() + ": " + r.body());
                    }
                }
            }
            reads.incrementAndGet();
        }
    }

    private void export(Database store, CollectorServer server) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] formats = {"jsonl", "json", "csv"};
        int i = 0;
        try {
            while (running.get()) {
                String format = formats[i % formats.length];
                long before = Reliability.live(store);
                if (i % 4 == 3) {
                    HttpResponse<String> r = send(
                            http,
                            HttpRequest.newBuilder(URI.create(server.baseUri() + "/export?format=jsonl"))
                                    .header("Authorization", "Bearer " + server.token())
                                    .GET()
                                    .build());
                    long after = Reliability.live(store);
                    if (r.statusCode() != 200) {
                        errors.add("GET /export " + r.statusCode() + ": " + r.body());
                        return;
                    }
                    long lines = r.body().lines().count();
                    within("API export", lines, before, after);
                } else {
                    Path target = dir.resolve("export." + format);
                    ExportResult result =
                            Reliability.export(store, format, target, ExportTargetPolicy.OVERWRITE, () -> {});
                    long after = Reliability.live(store);
                    within(format + " export", result.written(), before, after);
                    long inFile = KilledOperationsTest.recordsIn(target, format); // for json also: total_pairs = pairs
                    if (inFile != result.written()) {
                        errors.add(format + " export: " + inFile + " records in the file, " + result.written()
                                + " reported");
                    }
                    JsonNode manifest =
                            RawHttp.JSON.readTree(Files.readString(result.manifest(), StandardCharsets.UTF_8));
                    if (manifest.get("counts").get("total").asLong() != result.written()) {
                        errors.add(format + " export: the manifest counts " + manifest.get("counts") + ", written "
                                + result.written());
                    }
                    if (format.equals("json")) {
                        JsonNode root = RawHttp.JSON.readTree(target.toFile());
                        if (root.get("statistics").get("total_pairs").asLong()
                                != root.get("total_pairs").asLong()) {
                            errors.add("json export: statistics.total_pairs "
                                    + root.get("statistics").get("total_pairs") + " but total_pairs "
                                    + root.get("total_pairs"));
                        }
                    }
                }
                exports.incrementAndGet();
                i++;
            }
        } catch (Exception e) {
            errors.add("export: " + e);
        } catch (AssertionError e) {
            errors.add("export: " + e.getMessage());
        }
    }

    private void within(String what, long exported, long before, long after) {
        if (exported < before || exported > after) {
            errors.add(what + ": " + exported + " pairs, but the store held " + before + " when it began and " + after
                    + " when it ended");
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + ": " + e, e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return RawHttp.JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}

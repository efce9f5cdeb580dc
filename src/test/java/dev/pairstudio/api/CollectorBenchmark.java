package dev.pairstudio.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.management.OperatingSystemMXBean;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load figures of issue 11: single-pair POSTs per second and pairs per second in batches, from a
 * local load generator (java.net.http.HttpClient, HTTP/1.1 keep-alive, several concurrent
 * connections), against a collector on a fresh H2 file; checks that every pair sent was stored
 * and prints p50/p99 latency. Not a test: run it as a main.
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp-api.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp-api.txt) dev.pairstudio.api.CollectorBenchmark \
 *     [singles=60000] [singleConnections=32] [batchPairs=500000] [batchSize=1000] [batchConnections=4] [duplicates=1]
 * </pre>
 */
public final class CollectorBenchmark {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool(named("bench-http-")))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI pairsUri;
    private final String auth;

    private CollectorBenchmark(CollectorServer server) {
        this.pairsUri = URI.create(server.baseUri() + "/pairs");
        this.auth = "Bearer " + server.token();
    }

    public static void main(String[] args) throws Exception {
        int singles = intArg(args, "singles", 60_000);
        int singleConnections = intArg(args, "singleConnections", 32);
        int batchPairs = intArg(args, "batchPairs", 500_000);
        int batchSize = intArg(args, "batchSize", 1_000);
        int batchConnections = intArg(args, "batchConnections", 4);
        boolean duplicates = intArg(args, "duplicates", 1) != 0;

        Path dir = Files.createTempDirectory("collector-bench");
        System.out.printf(
                Locale.ROOT,
                "Collector benchmark: %d cores, Java %s, H2 file in %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                dir);
        try (Database store = Databases.open(dir.resolve("bench").toString());
                CollectorServer server = CollectorServer.start(
                        store, CollectorConfig.defaults().withPort(0).withTrackDuplicates(duplicates))) {
            CollectorBenchmark b = new CollectorBenchmark(server);
            SyntheticPairs gen = new SyntheticPairs(42);
            List<String> singleBodies = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                singleBodies.add(body(List.of(gen.next()), false));
            }
            List<String> batchBodies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batchBodies.add(body(gen.list(batchSize), true));
            }
            long bodyBytes =
                    batchBodies.stream().mapToLong(String::length).max().orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "Duplicate tracking %s; server threads %d; batch bodies up to %,d bytes (limit %,d)%n",
                    duplicates ? "on" : "off",
                    server.config().threads(),
                    bodyBytes,
                    server.config().maxBodyBytes());

            // warm-up: JIT, the analyser's template cache, connections
            b.run("warm-up singles", singleBodies, 1, 10_000, singleConnections);
            b.run("warm-up batches", batchBodies, batchSize, 20, batchConnections);

            long before = store.count(PairFilter.ALL);
            long[] c0 = server.commitFigures();
            Result s = b.run("single-pair POSTs", singleBodies, 1, singles, singleConnections);
            long afterSingles = store.count(PairFilter.ALL);
            s.print(afterSingles - before);
            long[] c1 = server.commitFigures();
            printGroupCommit(c0, c1);

            Result m = b.run("batch POSTs", batchBodies, batchSize, batchPairs / batchSize, batchConnections);
            long afterBatches = store.count(PairFilter.ALL);
            m.print(afterBatches - afterSingles);
            long[] c2 = server.commitFigures();
            printGroupCommit(c1, c2);
            System.out.printf(
                    Locale.ROOT,
                    "Stored in all: %,d pairs; collected by the server: %,d%n",
                    afterBatches,
                    server.pairsCollected());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Result(
            String name,
            int requests,
            int pairsPerRequest,
            long failures,
            long nanos,
            long[] latencies,
            long cpuNanos,
            long clientCpuNanos,
            String load) {
        void print(long stored) {
            long sent = (long) (requests - failures) * pairsPerRequest;
            double secs = nanos / 1e9;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %,d requests x %,d pairs in %.2f s = %,.0f requests/s, %,.0f pairs/s; "
                            + "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; failures %d; sent %,d, stored %,d -> %s%n",
                    name,
                    requests,
                    pairsPerRequest,
                    secs,
                    requests / secs,
                    requests * (double) pairsPerRequest / secs,
                    pct(sorted, 50),
                    pct(sorted, 99),
                    sorted[sorted.length - 1] / 1e6,
                    failures,
                    sent,
                    stored,
                    sent == stored && failures == 0 ? "nothing lost" : "MISMATCH");
            double pairs = (double) requests * pairsPerRequest;
            long server = cpuNanos - clientCpuNanos;
            System.out.printf(
                    Locale.ROOT,
                    "  CPU: process %.1f s, of which load generator %.1f s; server side %.1f s = %.0f us per pair, "
                            + "%.0f us per request; load average before/after: %s%n",
                    cpuNanos / 1e9,
                    clientCpuNanos / 1e9,
                    server / 1e9,
                    server / 1e3 / pairs,
                    server / 1e3 / requests,
                    load);
        }

        private static double pct(long[] sorted, int p) {
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    private Result run(String name, List<String> bodies, int pairsPerRequest, int requests, int connections)
            throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections, named("bench-client-"));
        String loadBefore = loadAverage();
        Map<Long, Long> client0 = clientCpu();
        long cpu0 = processCpu();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            done.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    HttpRequest r = HttpRequest.newBuilder(pairsUri)
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size())))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() != 201) {
                            if (failures.incrementAndGet() <= 3) {
                                System.out.println("  " + resp.statusCode() + ": "
                                        + resp.body()
                                                .substring(
                                                        0,
                                                        Math.min(
                                                                200, resp.body().length())));
                            }
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        long cpu = processCpu() - cpu0;
        long clientCpu = 0;
        for (Map.Entry<Long, Long> e : clientCpu().entrySet()) {
            clientCpu += e.getValue() - client0.getOrDefault(e.getKey(), 0L);
        }
        pool.shutdown();
        if (name.startsWith("warm-up")) {
            System.out.printf(Locale.ROOT, "%s: %,d requests in %.2f s%n", name, requests, nanos / 1e9);
        }
        return new Result(
                name,
                requests,
                pairsPerRequest,
                failures.get(),
                nanos,
                latencies,
                cpu,
                clientCpu,
                loadBefore + " / " + loadAverage());
    }

    /** The body a collecting assistant would send: the seed's POST fields. */
    public static String body(List<Pair> pairs, boolean array) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ApiJson.MAPPER.getFactory().createGenerator(w)) {
            if (array) {
                g.writeStartArray();
            }
            for (Pair p : pairs) {
                g.writeStartObject();
                g.writeStringField("natural_language_query", p.question());
                g.writeStringField("sql_query", p.sql());
                g.writeStringField("database_type", p.databaseType());
                g.writeStringField("database_name", p.databaseName());
                g.writeBooleanField("success", p.success());
                if (p.executionTimeMs() != null) {
                    g.writeNumberField("execution_time_ms", p.executionTimeMs());
                }
                g.writeEndObject();
            }
            if (array) {
                g.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** CPU time of the load generator's threads (its request threads and the HttpClient's), by thread id. */
    private static Map<Long, Long> clientCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("bench-") || t.getName().startsWith("HttpClient")) {
                long c = mx.getThreadCpuTime(t.getId());
                if (c >= 0) {
                    out.put(t.getId(), c);
                }
            }
        }
        return out;
    }

    private static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The 1-minute load average (Linux), to judge how shared the machine was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1).replace("_", ""));
            }
        }
        return dflt;
    }

    /** The server's commit figures ({transactions, requests}) between two readings. */
    private static void printGroupCommit(long[] before, long[] after) {
        long transactions = after[0] - before[0];
        System.out.printf(
                Locale.ROOT,
                "  group commit: %,d transactions, %.1f requests per transaction%n",
                transactions,
                (after[1] - before[1]) / (double) Math.max(1, transactions));
    }
}

package dev.pairstudio.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collector's client as the soak of issue 25 runs it: one connection posting batches of 100
 * synthetic pairs at a set rate (a batch every 100 ms for 1,000 pairs/s), each waiting for its
 * answer, for a set time. A slow answer delays the next batch, so the pairs acknowledged measure
 * what the collector keeps up with.
 */
final class PacedPosts {
    static final int BATCH = 100;
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What a run got: pairs in answered requests (201), in requests left unanswered, other answers, and each answered request's latency. */
    record Result(long acknowledged, long unanswered, List<String> refusals, long[] latencyNanos, double seconds) {
        double pairsPerSecond() {
            return acknowledged / seconds;
        }

        /** The {@code p}-th percentile latency in milliseconds (0 when nothing was answered). */
        double latencyMs(double p) {
            if (latencyNanos.length == 0) {
                return 0;
            }
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    /** Called when a request times out (for a log line). */
    interface Late {
        void timedOut();
    }

    private PacedPosts() {}

    /** Posts {@code perSecond} pairs a second for {@code duration}; pair ids start with {@code idPrefix}. */
    static Result run(CollectorServer server, long seed, String idPrefix, int perSecond, Duration duration, Late late)
            throws IOException, InterruptedException {
        SyntheticPairs generator = new SyntheticPairs(seed);
        URI uri = URI.create(server.baseUri() + "/pairs");
        long intervalNanos = 1_000_000_000L * BATCH / perSecond;
        long start = System.nanoTime();
        long next = start;
        long end = start + duration.toNanos();
        long acknowledged = 0;
        long unanswered = 0;
        List<String> refusals = new ArrayList<>();
        long[] latencies = new long[16];
        int answered = 0;
        for (int batch = 0; System.nanoTime() < end; batch++) {
            String body = body(generator, idPrefix + batch + "-");
            long t = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = HTTP.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + server.token())
                                .header("Content-Type", "application/json")
                                .timeout(ANSWER_TIMEOUT)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                unanswered += BATCH;
                late.timedOut();
                r = null;
            }
            if (r != null) {
                if (answered == latencies.length) {
                    latencies = Arrays.copyOf(latencies, answered * 2);
                }
                latencies[answered++] = System.nanoTime() - t;
                if (r.statusCode() == 201) {
                    acknowledged += BATCH;
                } else {
                    refusals.add(r.statusCode() + ": " + r.body());
                }
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return new Result(
                acknowledged,
                unanswered,
                refusals,
                Arrays.copyOf(latencies, answered),
                (System.nanoTime() - start) / 1e9);
    }

    private static String body(SyntheticPairs generator, String idPrefix) throws JsonProcessingException {
        List<Map<String, Object>> body = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Pair p = generator.next();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pair_id", idPrefix + i);
            m.put("natural_language_query", p.question());
            m.put("sql_query", p.sql());
            m.put("database_type", p.databaseType());
            m.put("database_name", p.databaseName());
            m.put("success", p.success());
            body.add(m);
        }
        return JSON.writeValueAsString(body);
    }
}

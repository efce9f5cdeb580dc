package dev.pairstudio.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latencies of one operation: the first ("cold") call apart, percentiles over the repeats.
 * {@link #roundRobin} runs several operations in turns, so that the same statement with the same
 * parameters never runs twice in a row: H2 would hand back a cached result (it reuses the last
 * result of an unchanged query), which is not what a user's next click costs.
 */
final class Latency {
    /** A timed call; its result is kept so that the JIT cannot drop the work, and shown in notes. */
    interface Call {
        Object run() throws Exception;
    }

    private final double coldMs;
    private final double[] sortedMs;
    private final Object lastResult;

    Latency(double coldMs, List<Double> repeatsMs, Object lastResult) {
        this.coldMs = coldMs;
        this.sortedMs =
                repeatsMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        this.lastResult = lastResult;
    }

    /**
     * Runs each call once cold, then up to {@code repeats} more times in turns; a call drops out of
     * the later turns when its repeats have taken {@code budgetMs} (at least two repeats always run).
     */
    static Map<String, Latency> roundRobin(Map<String, Call> calls, int repeats, double budgetMs) throws Exception {
        Map<String, Double> cold = new LinkedHashMap<>();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        for (Map.Entry<String, Call> c : calls.entrySet()) {
            long t = System.nanoTime();
            results.put(c.getKey(), c.getValue().run());
            cold.put(c.getKey(), millis(t));
            samples.put(c.getKey(), new ArrayList<>());
        }
        for (int round = 0; round < repeats; round++) {
            for (Map.Entry<String, Call> c : calls.entrySet()) {
                List<Double> s = samples.get(c.getKey());
                if (s.size() >= 2 && s.stream().mapToDouble(Double::doubleValue).sum() >= budgetMs) {
                    continue;
                }
                long t = System.nanoTime();
                results.put(c.getKey(), c.getValue().run());
                s.add(millis(t));
            }
        }
        Map<String, Latency> out = new LinkedHashMap<>();
        for (String name : calls.keySet()) {
            out.put(name, new Latency(cold.get(name), samples.get(name), results.get(name)));
        }
        return out;
    }

    /** One call per element of {@code calls}, each run once: the first is cold, the others are the repeats (distinct parameters each time). */
    static Latency distinct(List<Call> calls) throws Exception {
        double cold = 0;
        List<Double> repeats = new ArrayList<>();
        Object last = null;
        for (int i = 0; i < calls.size(); i++) {
            long t = System.nanoTime();
            last = calls.get(i).run();
            if (i == 0) {
                cold = millis(t);
            } else {
                repeats.add(millis(t));
            }
        }
        return new Latency(cold, repeats, last);
    }

    static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    double cold() {
        return coldMs;
    }

    /** Nearest-rank percentile of the repeats; the cold call when there were none. */
    double p(double percent) {
        if (sortedMs.length == 0) {
            return coldMs;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedMs.length);
        return sortedMs[Math.max(0, Math.min(sortedMs.length - 1, rank - 1))];
    }

    int repeats() {
        return sortedMs.length;
    }

    Object lastResult() {
        return lastResult;
    }

    /** "p50 12 ms · p90 15 ms · p99 20 ms (n=10)". */
    String percentiles() {
        return String.format(
                Locale.ROOT, "p50 %s · p90 %s · p99 %s (n=%d)", ms(p(50)), ms(p(90)), ms(p(99)), repeats());
    }

    static String ms(double ms) {
        if (ms >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", ms);
        }
        return String.format(Locale.ROOT, ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    @Override
    public String toString() {
        return percentiles() + "; cold " + ms(coldMs) + " " + Arrays.toString(sortedMs);
    }
}

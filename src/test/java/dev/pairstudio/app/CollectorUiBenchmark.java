package dev.pairstudio.app;

import static dev.pairstudio.testing.HeadlessFx.fx;

import com.sun.management.OperatingSystemMXBean;
import dev.pairstudio.api.CollectorBenchmark;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.HeadlessFx;
import dev.pairstudio.testing.TestWindows;
import dev.pairstudio.ui.BackgroundJobs;
import dev.pairstudio.ui.CollectorControl;
import dev.pairstudio.ui.MainWindow;
import dev.pairstudio.ui.UiSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * Issue 11's figures as a user meets them: the desktop window open on a database, its collector
 * switched on with the toolbar toggle, and {@code wrk} (a C load generator: {@code apt-get install
 * wrk}) posting to it from another process, first single pairs, then batches. The JDK's own HTTP
 * client, which {@link CollectorBenchmark} uses, spent ~250 µs of CPU per request on a machine
 * with two cores, half of what the server may use. Prints requests/s, p50/p90/p99 latency from
 * wrk, the app's CPU per request, and whether every pair answered 201 was stored.
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *     dev.pairstudio.app.CollectorUiBenchmark [seconds=20] [singleConnections=32] [batchConnections=8] [batchSize=1000]</pre>
 */
public final class CollectorUiBenchmark {
    private CollectorUiBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = arg(args, "seconds", 20);
        int singleConnections = arg(args, "singleConnections", 32);
        int batchConnections = arg(args, "batchConnections", 8);
        int batchSize = arg(args, "batchSize", 1_000);
        Path dir = Files.createTempDirectory("collector-ui-bench");
        HeadlessFx.start();
        System.out.printf(
                Locale.ROOT,
                "Collector with the window open: %d cores, Java %s, H2 file in %s, %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                dir,
                run("wrk", "--version").lines().findFirst().orElse("wrk"));
        try (Database store = Databases.open(dir.resolve("bench").toString())) {
            EmbeddedCollector collector = new EmbeddedCollector(store);
            AtomicLong collected = new AtomicLong();
            collector.onPairsAdded(collected::addAndGet);
            BackgroundJobs jobs = new BackgroundJobs();
            MainWindow window = fx(() -> {
                MainWindow w = TestWindows.show(
                        new Stage(),
                        new MainWindow(store, jobs, new UiSettings(dir.resolve("ui.properties")), collector),
                        1400,
                        900);
                ((ToggleButton) w.root().lookup("#collector-toggle")).fire();
                return w;
            });
            CollectorControl.Address address = null;
            for (int i = 0; i < 300 && address == null; i++) {
                Thread.sleep(100);
                address = fx(window::collectorAddress);
            }
            if (address == null) {
                throw new IllegalStateException("the collector did not start");
            }
            SyntheticPairs gen = new SyntheticPairs(42);
            List<String> singles = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                singles.add(CollectorBenchmark.body(List.of(gen.next()), false));
            }
            List<String> batches = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batches.add(CollectorBenchmark.body(gen.list(batchSize), true));
            }
            Path singleScript = script(dir, "singles", singles, address.token());
            Path batchScript = script(dir, "batches", batches, address.token());
            String url = address.url() + "/pairs";

            Load warm = measure(
                    "warm-up singles",
                    singleScript,
                    url,
                    singleConnections,
                    10,
                    1); // JIT, the analyser's template cache
            Thread.sleep(3_000);
            Load s = measure("single-pair POSTs", singleScript, url, singleConnections, seconds, 1);
            Thread.sleep(3_000);
            Load b = measure("batch POSTs of " + batchSize, batchScript, url, batchConnections, seconds, batchSize);

            long answered = warm.created() + s.created() + b.created() * batchSize;
            Thread.sleep(3_000); // requests in flight when wrk stopped still complete
            long stored = store.count(PairFilter.ALL);
            System.out.printf(
                    Locale.ROOT,
                    "Stored %,d pairs; the collector reported %,d; answered 201 for %,d pairs (up to %d requests were in flight when wrk stopped) -> %s%n",
                    stored,
                    collected.get(),
                    answered,
                    singleConnections + batchConnections,
                    stored == collected.get() && stored >= answered ? "nothing lost" : "MISMATCH");
            fx(() -> {
                window.dispose();
                return null;
            });
            collector.stop();
            jobs.close();
        }
        System.exit(0);
    }

    private record Load(long created, long other) {}

    private static Load measure(String name, Path script, String url, int connections, int seconds, int pairsPerRequest)
            throws Exception {
        long cpu0 = processCpuNanos();
        String out = wrk(script, url, 1, connections, seconds);
        long cpu = processCpuNanos() - cpu0;
        long created = number(out, "answered 201: (\\d+)");
        long other = number(out, "other: (\\d+)");
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)"));
        System.out.printf(
                Locale.ROOT,
                "%s, %d connections, %d s: %,.0f requests/s = %,.0f pairs/s; latency p50 %s ms, p90 %s ms, p99 %s ms; "
                        + "answered 201: %,d, other: %,d; app CPU %.0f µs a request (the window, the collector, analysis and the store)%n",
                name,
                connections,
                seconds,
                rps,
                rps * pairsPerRequest,
                find(out, "latency p50: ([\\d.]+)"),
                find(out, "latency p90: ([\\d.]+)"),
                find(out, "latency p99: ([\\d.]+)"),
                created,
                other,
                cpu / 1e3 / Math.max(1, created + other));
        return new Load(created, other);
    }

    private static String wrk(Path script, String url, int threads, int connections, int seconds) throws Exception {
        return run(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                url);
    }

    /** A wrk script that cycles through the bodies and counts the answers, as Lua long strings. */
    private static Path script(Path dir, String name, List<String> bodies, String token) throws IOException {
        StringBuilder lua = new StringBuilder("bodies = {\n");
        for (String b : bodies) {
            lua.append("[==[").append(b).append("]==],\n");
        }
        lua.append("}\n")
                .append("wrk.method = \"POST\"\n")
                .append("wrk.headers[\"Content-Type\"] = \"application/json\"\n")
                .append("wrk.headers[\"Authorization\"] = \"Bearer ")
                .append(token)
                .append("\"\n")
                .append("i = 0\ncreated = 0\nother = 0\nrequests = {}\n")
                // formatted once per thread, not per request: wrk then spends its CPU on sending
                .append(
                        "init = function(args)\n  for k, b in ipairs(bodies) do requests[k] = wrk.format(nil, nil, nil, b) end\nend\n")
                .append("request = function()\n  i = i + 1\n  return requests[(i % #requests) + 1]\nend\n")
                .append(
                        "response = function(status, headers, body)\n  if status == 201 then created = created + 1 else other = other + 1 end\nend\n")
                .append("threads = {}\nsetup = function(thread) table.insert(threads, thread) end\n")
                .append("done = function(summary, latency, requests)\n")
                .append(
                        "  local c, o = 0, 0\n  for _, t in ipairs(threads) do c = c + t:get(\"created\"); o = o + t:get(\"other\") end\n")
                .append("  io.write(string.format(\"answered 201: %d, other: %d\\n\", c, o))\n")
                .append(
                        "  for _, p in ipairs({50, 90, 99}) do io.write(string.format(\"latency p%d: %.2f\\n\", p, latency:percentile(p) / 1000)) end\n")
                .append("end\n");
        Path file = dir.resolve(name + ".lua");
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    private static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "This benchmark needs wrk on the PATH (apt-get install wrk): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not in wrk's output (" + regex + "):\n" + text);
        }
        return m.group(1);
    }

    private static long number(String text, String regex) {
        return Long.parseLong(find(text, regex));
    }

    private static int arg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}

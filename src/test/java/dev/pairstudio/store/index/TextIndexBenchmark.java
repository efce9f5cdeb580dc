package dev.pairstudio.store.index;

import dev.pairstudio.demo.SyntheticPairs;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link TextIndex} figures on 1,000,000 synthetic pairs. Not a test (surefire ignores it): run
 * {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat /tmp/cp-text.txt) dev.pairstudio.store.TextIndexBenchmark [N] [--unique]}.
 * {@code --unique} appends a distinct token (the pair id) to every SQL, to see the index with a
 * vocabulary of a million words instead of the generator's few thousand.
 *
 * <p>The pairs are generated once into two string arrays (only the texts, so the heap holds what
 * the index is measured against). The first build is timed cold (as the store would run it once
 * at start); the heap the index retains is the used heap after full GCs, before and after it.
 * Each query runs five times; its figure is the median, and each group reports the median and
 * the maximum of its queries.
 */
public final class TextIndexBenchmark {
    private static final Map<String, List<String>> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put(
                "existing words",
                List.of("customers", "lisbon", "select", "salary", "merge", "departments", "archived_at"));
        QUERIES.put("rare / absent words", List.of("novak", "notes", "5555555555554444", "rnk", "zebra", "qwertyuiop"));
        QUERIES.put("inner-word fragments", List.of("omer", "stom", "tud", "partm", "ount", "ation", "_id"));
        QUERIES.put("numbers", List.of("2023", "555", "4111", "100", "42", "0147"));
        QUERIES.put(
                "email fragments",
                List.of("example.com", "jane.doe", "@example.org", "doe+", "mail.example", "omar.silva@"));
        QUERIES.put(
                "2-3 word phrases",
                List.of(
                        "customer email",
                        "order by total",
                        "group by g.name",
                        "list the names",
                        "how many orders",
                        "average salary",
                        "city = 'Oslo'"));
        QUERIES.put("worst: 1-2 chars", List.of("e", "id", "a", "s", "1", "o", "in"));
    }

    private TextIndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 1_000_000;
        boolean unique = Arrays.asList(args).contains("--unique");
        System.out.printf(
                "load average %.2f, %d cores, max heap %d MB%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        String[] questions = new String[n];
        String[] sqls = new String[n];
        long t = System.nanoTime();
        int[] i = {0};
        new SyntheticPairs(42).generate(n, p -> {
            questions[i[0]] = p.question();
            sqls[i[0]] = unique ? p.sql() + " /* " + p.pairId() + " */" : p.sql();
            i[0]++;
        });
        System.out.printf(
                "generated %,d pairs in %.1f s%s%n", n, secs(t), unique ? " (a unique token in every SQL)" : "");

        long before = usedAfterGc();
        t = System.nanoTime();
        TextIndex index = build(questions, sqls);
        double cold = secs(t);
        long retained = usedAfterGc() - before;
        System.out.printf("build (cold JIT): %.2f s = %,.0f pairs/s%n", cold, n / cold);
        System.out.printf(
                "memory: retained %.1f MB (heap after GC), memoryBytes() %.1f MB%n",
                retained / 1e6, index.memoryBytes() / 1e6);

        index = null;
        usedAfterGc();
        t = System.nanoTime();
        index = build(questions, sqls);
        double warm = secs(t);
        System.out.printf("build (second run): %.2f s = %,.0f pairs/s%n", warm, n / warm);

        for (String phrase : List.of("customer", "e", "order by", "example.com")) { // JIT warm-up for the query path
            for (int k = 0; k < 5; k++) {
                index.candidates(phrase);
            }
        }
        System.out.printf(
                "%n%-22s %10s %10s   queries (median ms, candidates, exact)%n", "candidates()", "median ms", "max ms");
        for (Map.Entry<String, List<String>> group : QUERIES.entrySet()) {
            double[] medians = new double[group.getValue().size()];
            StringBuilder detail = new StringBuilder();
            for (int q = 0; q < medians.length; q++) {
                String phrase = group.getValue().get(q);
                double[] runs = new double[5];
                TextIndex.Candidates c = null;
                for (int r = 0; r < runs.length; r++) {
                    long s = System.nanoTime();
                    c = index.candidates(phrase);
                    runs[r] = (System.nanoTime() - s) / 1e6;
                }
                medians[q] = median(runs);
                detail.append(String.format(
                        "%n      %-20s %7.1f ms %,9d %s",
                        "'" + phrase + "'", medians[q], c.ordinals().cardinality(), c.exact() ? "exact" : "verify"));
            }
            System.out.printf(
                    "%-22s %10.1f %10.1f%s%n",
                    group.getKey(),
                    median(medians),
                    Arrays.stream(medians).max().orElse(0),
                    detail);
        }
        System.out.printf(
                "%nload average at the end %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static TextIndex build(String[] questions, String[] sqls) {
        TextIndex index = new TextIndex();
        for (int i = 0; i < questions.length; i++) {
            index.add(i, questions[i], sqls[i]);
        }
        return index;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

package dev.pairstudio.bench;

import static dev.pairstudio.bench.Report.count;
import static dev.pairstudio.bench.Report.mb;
import static dev.pairstudio.bench.Report.rate;
import static dev.pairstudio.bench.Report.seconds;

import dev.pairstudio.bench.Report.Area;
import dev.pairstudio.bench.Report.Row;
import dev.pairstudio.bench.Report.Verdict;
import dev.pairstudio.export.SeedJsonlWriter;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The ceilings the other figures read against, measured in the same run: a bare Jackson writer
 * producing the export's JSONL records from memory (issue 7: the JSONL export must stay within 3×
 * of it) and a bare copy of the JSONL file (what the disk and page cache allow).
 */
final class ReferenceBench {
    private static final Area AREA = Area.REFERENCE;
    /** Records held in memory for the Jackson ceiling, written round and round up to the size. */
    static final int SAMPLE = 10_000;

    private ReferenceBench() {}

    static void run(Workload w, Report report) throws Exception {
        Path jsonl = w.jsonl();
        String size = count(w.size()) + " pairs";
        long bytes = Files.size(jsonl);
        if (w.generatedSeconds != null) {
            double s = w.generatedSeconds;
            report.add(
                    AREA,
                    new Row(
                            "generate the JSONL (`pairstudio generate`, seed " + w.options.seed() + ")",
                            size,
                            rate(w.size() / s) + " (" + seconds(s) + ")",
                            w.size() / s,
                            "",
                            Verdict.NONE,
                            "",
                            mb(bytes)));
        }

        w.heap.begin();
        double s = jacksonSeconds(w);
        report.add(
                AREA,
                new Row(
                        "bare Jackson JSONL writer, records from memory (the export's record writer, no store)",
                        size,
                        rate(w.size() / s) + " (" + seconds(s) + ")",
                        w.size() / s,
                        "",
                        Verdict.NONE,
                        w.heap.peak().toString(),
                        "the first " + count(Math.min(SAMPLE, w.size()))
                                + " stored pairs written round and round; buffered, no fsync"));

        w.heap.begin();
        Path copy = w.dir().resolve("copy-of-" + jsonl.getFileName());
        long t = System.nanoTime();
        Files.copy(jsonl, copy, StandardCopyOption.REPLACE_EXISTING);
        double copySeconds = (System.nanoTime() - t) / 1e9;
        Files.delete(copy);
        report.add(
                AREA,
                new Row(
                        "bare file copy of the JSONL (`Files.copy`)",
                        size,
                        rate(w.size() / copySeconds) + " (" + seconds(copySeconds) + ")",
                        w.size() / copySeconds,
                        "",
                        Verdict.NONE,
                        w.heap.peak().toString(),
                        String.format(
                                Locale.ROOT,
                                "%s at %,.0f MB/s (page cache, no fsync)",
                                mb(bytes),
                                bytes / 1048576.0 / copySeconds)));
    }

    /** Seconds for the bare Jackson ceiling at the run's size; measured once per run. */
    static double jacksonSeconds(Workload w) throws IOException {
        if (w.jacksonSeconds != null) {
            return w.jacksonSeconds;
        }
        List<Pair> sample = w.store().query(PairFilter.ALL, PairSort.INSERTION, null, SAMPLE).rows().stream()
                .map(StoredPair::pair)
                .toList();
        Path file = w.dir().resolve("jackson-ceiling.jsonl");
        long t = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                SeedJsonlWriter writer = new SeedJsonlWriter(out)) {
            for (int i = 0; i < w.size(); i++) {
                writer.write(sample.get(i % sample.size()));
            }
        }
        w.jacksonSeconds = (System.nanoTime() - t) / 1e9;
        Files.delete(file);
        return w.jacksonSeconds;
    }
}

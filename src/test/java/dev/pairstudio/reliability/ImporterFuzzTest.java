package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.ImportFormat;
import dev.pairstudio.ingest.ImportProblem;
import dev.pairstudio.ingest.ImportSummary;
import dev.pairstudio.ingest.PairImporter;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damaged files into every importer (JSONL, JSON, CSV, Spider, BIRD), into a real H2 file that
 * already holds pairs: truncated, re-encoded, with BOMs, NUL bytes, a 10 MB record, 100,000
 * levels of nesting, and random byte edits with a fixed seed. Never an exception or a hang; every
 * bad record is reported with its line (a whole-file refusal with line 0); the good records are
 * imported; the count grows by exactly what the summary says was added; the pairs already stored
 * are untouched.
 */
class ImporterFuzzTest {
    static final int RECORDS = 24;
    static final int MUTANTS = 60;
    static final int BASELINE = 40;

    @TempDir
    static Path dir;

    static Database store;
    static AnalyzingEnricher enricher;
    static List<Pair> baseline;
    static String baselineFingerprint;
    static final AtomicInteger files = new AtomicInteger();

    @BeforeAll
    static void open() {
        store = Databases.open(dir.resolve("fuzz").toString());
        baseline = new SyntheticPairs(7).list(BASELINE);
        Reliability.add(store, baseline, "baseline");
        baselineFingerprint = Reliability.fingerprint(store);
        enricher = AnalyzingEnricher.forStore(store);
    }

    @AfterEach
    void baselineUntouched() {
        for (Pair p : baseline) {
            assertThat(store.getByPairId(p.pairId())).as(p.pairId()).hasValueSatisfying(s -> {
                assertThat(s.pair().question()).isEqualTo(p.question());
                assertThat(s.pair().sql()).isEqualTo(p.sql());
                assertThat(s.inTrash()).isFalse();
            });
        }
    }

    @AfterAll
    static void close() {
        enricher.close();
        store.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Path file(ImportFormat f, byte[] content) {
        String ext = f == ImportFormat.JSONL ? "jsonl" : f == ImportFormat.CSV ? "csv" : "json";
        Path p = dir.resolve("in-" + files.incrementAndGet() + "." + ext);
        try {
            return Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports one file as the CLI does (analysis on), checking the invariants that hold for any input. */
    private static ImportSummary importBytes(ImportFormat f, byte[] content, String what) {
        Path file = file(f, content);
        long before = Reliability.live(store);
        ImportSummary s = new PairImporter(store, enricher).importFiles(List.of(file), f, null, null, null);
        long after = Reliability.live(store);
        assertThat(after - before)
                .as(what + ": the count grows by what was added")
                .isEqualTo(s.added());
        assertThat(s.problems()).as(what).hasSize((int) Math.min(s.malformed(), PairImporter.PROBLEMS_IN_SUMMARY));
        for (ImportProblem p : s.problems()) {
            assertThat(p.file()).as(what).isEqualTo(file.getFileName().toString());
            assertThat(p.reason()).as(what).isNotBlank();
            if (!wholeFile(p)) {
                assertThat(p.line())
                        .as(what + ": a bad record is reported with its position: " + p)
                        .isPositive();
            }
        }
        return s;
    }

    /** Problems about the file as a whole (position 0 is right for those). */
    private static boolean wholeFile(ImportProblem p) {
        String r = p.reason().toLowerCase(Locale.ROOT);
        return r.contains("utf-16") || r.contains("binary") || r.contains("the file is empty");
    }

    private static long accounted(ImportSummary s) {
        return s.added() + s.skipped();
    }

    private static String tag(ImportFormat f, String what) {
        return f.name().toLowerCase(Locale.ROOT) + "-" + what;
    }

    private static void within(Runnable r) {
        assertTimeoutPreemptively(Duration.ofSeconds(40), r::run, "an importer hung");
    }

    // ---- cases -----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void aValidFileImportsEveryRecord(ImportFormat f) {
        FuzzFiles.Valid v = FuzzFiles.valid(f, tag(f, "valid"), RECORDS);
        ImportSummary s = importBytes(f, v.utf8(), "valid");
        assertThat(s.problems()).isEmpty();
        assertThat(s.added()).isEqualTo(RECORDS);
        ImportSummary again = importBytes(f, v.utf8(), "again");
        assertThat(again.added()).isZero();
        assertThat(again.skipped()).isEqualTo(RECORDS);
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void truncatedFilesKeepTheCompleteRecordsAndReportThePartOne(ImportFormat f) {
        within(() -> {
            Random random = new Random(100 + f.ordinal());
            for (int round = 0; round < 12; round++) {
                FuzzFiles.Valid v = FuzzFiles.valid(f, tag(f, "cut" + round), RECORDS);
                byte[] all = v.utf8();
                int cut = 1 + random.nextInt(all.length - 2);
                byte[] part = Arrays.copyOf(all, cut);
                ImportSummary s = importBytes(f, part, "cut at " + cut);
                int complete = v.completeBefore(cut);
                assertThat(s.added()).as("cut at %d", cut).isBetween((long) complete, (long) complete + 1);
                if (f != ImportFormat.JSONL && f != ImportFormat.CSV) {
                    assertThat(s.problems())
                            .as("an unclosed JSON array is reported")
                            .isNotEmpty();
                }
                int lastEnd = complete == 0
                        ? headerBytes(v)
                        : v.text()
                                .substring(0, v.recordEnds().get(complete - 1))
                                .getBytes(StandardCharsets.UTF_8)
                                .length;
                String tail =
                        new String(part, Math.min(lastEnd, cut), cut - Math.min(lastEnd, cut), StandardCharsets.UTF_8);
                if (s.added() == complete && !tail.isBlank() && cut > headerBytes(v)) {
                    assertThat(s.malformed())
                            .as("the cut record of %s at %d is reported", f, cut)
                            .isPositive();
                }
            }
        });
    }

    /** The CSV header (a cut inside it leaves no columns: reported, nothing to import). */
    private static int headerBytes(FuzzFiles.Valid v) {
        return v.format() == ImportFormat.CSV ? v.text().indexOf('\n') + 1 : 0;
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void wrongEncodingsAreRefusedWithAPositionAndBomsAreSkipped(ImportFormat f) {
        within(() -> {
            FuzzFiles.Valid latin = FuzzFiles.valid(f, tag(f, "latin1"), RECORDS);
            ImportSummary s = importBytes(f, latin.bytes(StandardCharsets.ISO_8859_1), "latin-1");
            assertThat(s.malformed()).as("Latin-1 text is not UTF-8: reported").isPositive();
            assertThat(s.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
            assertThat(s.problems().get(0).reason()).contains("UTF-8");
            if (f == ImportFormat.JSONL) {
                long nonAscii = RECORDS / 3;
                assertThat(s.malformed()).isEqualTo(nonAscii);
                assertThat(s.added()).isEqualTo(RECORDS - nonAscii);
            }

            for (var cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                for (boolean bom : new boolean[] {true, false}) {
                    FuzzFiles.Valid v = FuzzFiles.valid(f, tag(f, cs.name() + bom), RECORDS);
                    byte[] body = v.bytes(cs);
                    byte[] mark = !bom
                            ? new byte[0]
                            : cs == StandardCharsets.UTF_16LE
                                    ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
                    ImportSummary w =
                            importBytes(f, FuzzFiles.concat(mark, body), cs + (bom ? " with BOM" : " without BOM"));
                    assertThat(w.added()).isZero();
                    assertThat(w.problems()).singleElement().satisfies(p -> {
                        assertThat(p.line()).isZero();
                        assertThat(p.reason()).containsAnyOf("UTF-16", "binary");
                    });
                }
            }

            FuzzFiles.Valid withBom = FuzzFiles.valid(f, tag(f, "bom"), RECORDS);
            ImportSummary b = importBytes(
                    f,
                    FuzzFiles.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, withBom.utf8()),
                    "UTF-8 BOM");
            assertThat(b.problems()).isEmpty();
            assertThat(b.added()).isEqualTo(RECORDS);
        });
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void nulBytesAreErrorsOfTheirRecord(ImportFormat f) {
        within(() -> {
            FuzzFiles.Valid v = FuzzFiles.valid(f, tag(f, "nul"), RECORDS);
            String marker = FuzzFiles.question(tag(f, "nul"), 2);
            String raw = v.text().replace(marker, marker.substring(0, 10) + "\0" + marker.substring(10));
            ImportSummary s = importBytes(f, raw.getBytes(StandardCharsets.UTF_8), "raw NUL");
            assertThat(s.malformed()).isPositive();
            assertThat(s.problems().get(0).line()).isPositive();
            if (f == ImportFormat.JSONL || f == ImportFormat.CSV) {
                assertThat(s.added())
                        .as("only the record with the NUL is refused")
                        .isEqualTo(RECORDS - 1);
            } else {
                assertThat(s.added()).as("the records before the NUL are kept").isEqualTo(2);
            }
            if (f != ImportFormat.CSV) {
                FuzzFiles.Valid e = FuzzFiles.valid(f, tag(f, "nul-escaped"), RECORDS);
                String m = FuzzFiles.question(tag(f, "nul-escaped"), 2);
                String escaped = e.text().replace(m, m.substring(0, 10) + "\\u0000" + m.substring(10));
                ImportSummary t = importBytes(f, escaped.getBytes(StandardCharsets.UTF_8), "escaped NUL");
                assertThat(t.malformed()).isEqualTo(1);
                assertThat(t.problems().get(0).reason()).contains("NUL");
                assertThat(t.added()).isEqualTo(RECORDS - 1);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void aTenMegabyteRecordIsRefusedAndTheOthersKept(ImportFormat f) {
        within(() -> {
            FuzzFiles.Valid v = FuzzFiles.valid(f, tag(f, "huge"), RECORDS);
            String marker = FuzzFiles.question(tag(f, "huge"), 2);
            String text = v.text().replace(marker, marker + "x".repeat(10 << 20));
            ImportSummary s = importBytes(f, text.getBytes(StandardCharsets.UTF_8), "10 MB record");
            assertThat(s.malformed()).isPositive();
            assertThat(s.problems().get(0).line()).isPositive();
            if (f == ImportFormat.JSONL || f == ImportFormat.CSV) {
                assertThat(s.added()).isEqualTo(RECORDS - 1);
            } else {
                assertThat(s.added()).as("the records before it are kept").isEqualTo(2);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void hundredThousandLevelsOfNestingAreRefused(ImportFormat f) {
        within(() -> {
            String deep = FuzzFiles.nested(100_000);
            FuzzFiles.Valid v = FuzzFiles.valid(f, tag(f, "deep"), RECORDS);
            if (f == ImportFormat.CSV) {
                // in a CSV cell it is only text: stored as the question, inert
                String marker = FuzzFiles.question(tag(f, "deep"), 2);
                ImportSummary s = importBytes(
                        f, v.text().replace(marker, deep).getBytes(StandardCharsets.UTF_8), "nested in CSV");
                assertThat(s.added()).isEqualTo(RECORDS);
                return;
            }
            // as a value inside record 2
            String marker = "\"" + FuzzFiles.question(tag(f, "deep"), 2) + "\"";
            String text = v.text().replace(marker, marker + ", \"deep\": " + deep);
            ImportSummary s = importBytes(f, text.getBytes(StandardCharsets.UTF_8), "nested record");
            assertThat(s.malformed()).isPositive();
            assertThat(s.problems().get(0).line()).isPositive();
            if (f == ImportFormat.JSONL) {
                assertThat(s.added()).isEqualTo(RECORDS - 1);
            }
            // as the whole file
            ImportSummary whole = importBytes(f, deep.getBytes(StandardCharsets.UTF_8), "nested file");
            assertThat(whole.added()).isZero();
            assertThat(whole.malformed()).isPositive();
        });
    }

    @ParameterizedTest
    @EnumSource(ImportFormat.class)
    void randomByteEditsNeverCrashAndNeverLoseRecordsSilently(ImportFormat f) {
        within(() -> {
            Random random = new Random(4242 + f.ordinal());
            FuzzFiles.Valid v = FuzzFiles.valid(f, tag(f, "mutant"), RECORDS);
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = FuzzFiles.mutate(v.utf8(), random);
                ImportSummary s = importBytes(f, mutant, "mutant " + i);
                if (accounted(s) < RECORDS) {
                    assertThat(s.malformed())
                            .as(
                                    "mutant %d of %s: %d records went missing without a report:%n%s",
                                    i, f, RECORDS - accounted(s), new String(mutant, StandardCharsets.UTF_8))
                            .isPositive();
                }
            }
        });
    }

    @Test
    void contentAfterTheEndOfAJsonArrayIsReported() {
        FuzzFiles.Valid v = FuzzFiles.valid(ImportFormat.SPIDER, "early-end", RECORDS);
        // the comma after record 5 became "]": the array ends early, records 6.. follow it
        int end = v.recordEnds().get(5);
        String text = v.text().substring(0, end) + "]" + v.text().substring(end + 1);
        ImportSummary s = importBytes(ImportFormat.SPIDER, text.getBytes(StandardCharsets.UTF_8), "early ]");
        assertThat(s.added()).isEqualTo(6);
        assertThat(s.malformed())
                .as("the records after the early end are reported, not dropped")
                .isPositive();
        assertThat(s.problems().get(0).line()).as("record 6 starts on line 8").isEqualTo(8);
        assertThat(s.problems().get(0).reason()).contains("after the end of the array");
    }

    @Test
    void aSecondValueAfterAnExportObjectIsReported() {
        FuzzFiles.Valid v = FuzzFiles.valid(ImportFormat.JSON, "second-value", RECORDS);
        ImportSummary s = importBytes(
                ImportFormat.JSON, (v.text() + "\n{\"pairs\": []}\n").getBytes(StandardCharsets.UTF_8), "two objects");
        assertThat(s.added()).isEqualTo(RECORDS);
        assertThat(s.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("after the end of the export object"));
    }

    @Test
    void twoRecordsOnOneJsonlLineAreReported() {
        FuzzFiles.Valid v = FuzzFiles.valid(ImportFormat.JSONL, "joined", RECORDS);
        int end = v.recordEnds().get(3);
        String text = v.text().substring(0, end - 1) + " " + v.text().substring(end);
        ImportSummary s = importBytes(ImportFormat.JSONL, text.getBytes(StandardCharsets.UTF_8), "joined lines");
        assertThat(s.added()).isEqualTo(RECORDS - 2);
        assertThat(s.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    @Test
    void aCsvWithARepeatedColumnIsOneClearProblem() {
        String csv = "pair_id,natural_language_query,sql_query,sql_query\nx1,q,SELECT 1,SELECT 2\n";
        ImportSummary s = importBytes(ImportFormat.CSV, csv.getBytes(StandardCharsets.UTF_8), "repeated column");
        assertThat(s.added()).isZero();
        assertThat(s.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("sql_query");
        });
    }
}

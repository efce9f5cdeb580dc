package dev.pairstudio.cli;

import dev.pairstudio.api.CollectorConfig;
import dev.pairstudio.api.CollectorServer;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pairstudio serve}: runs the local collector API on the database until Ctrl+C or SIGTERM.
 * Prints the address and the bearer token on stdout; a shutdown hook stops the server (answering
 * requests in flight, committing queued writes) and closes the database.
 */
@Command(
        name = "serve",
        description = {
            "Run the local collector API (the seed's endpoints under /api/training-data) on the database.",
            "Prints the address and the bearer token; every request needs \"Authorization: Bearer <token>\".",
            "Runs until Ctrl+C."
        },
        mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DatabaseOption database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "H",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String host = CollectorConfig.LOOPBACK;

    @Option(
            names = "--port",
            paramLabel = "P",
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = CollectorConfig.DEFAULT_PORT;

    @Option(
            names = "--token",
            paramLabel = "T",
            description = "Bearer token for this run (default: the database's own token, created on first use)")
    String token;

    @Option(
            names = "--anonymize-on-ingest",
            description =
                    "Store only anonymized text (question, SQL literals, database name): for sources that must not keep originals")
    boolean anonymizeOnIngest;

    @Option(
            names = "--max-body",
            paramLabel = "BYTES",
            description = "Largest request body in bytes (default: ${DEFAULT-VALUE})")
    long maxBody = CollectorConfig.DEFAULT_MAX_BODY;

    @Override
    public Integer call() {
        CollectorConfig config;
        try {
            config = CollectorConfig.defaults()
                    .withHost(host)
                    .withPort(port)
                    .withToken(token)
                    .withMaxBodyBytes(maxBody)
                    .withAnonymizeOnIngest(anonymizeOnIngest);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserError(e.getMessage(), Cli.USAGE);
        }
        Database store = StoreAccess.open(database);
        CollectorServer server;
        try {
            server = CollectorServer.start(store, config);
        } catch (BindException e) {
            store.close();
            throw new Cli.UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another server using the port? Try --port 0 for a free one");
        } catch (IOException | RuntimeException e) {
            store.close();
            throw new Cli.UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        prepareSortsInBackground(store);
        CountDownLatch stop = new CountDownLatch(1);
        // Ctrl+C and SIGTERM end the wait below, so that the server and the store close in order
        // before the JVM's shutdown begins: H2 closes its databases in a shutdown hook of its own,
        // which would race ours and could refuse the last queued writes.
        boolean signals = handle("INT", stop) & handle("TERM", stop);
        Thread hook = new Thread(
                () -> {
                    server.close();
                    store.close();
                },
                "pairstudio-serve-shutdown");
        if (!signals) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        PrintWriter out = spec.commandLine().getOut();
        out.println("Pair Studio collector listening on " + server.baseUri());
        out.println("Token: " + server.token());
        out.println("Database: " + store.location());
        if (anonymizeOnIngest) {
            out.println("Anonymize on ingest: on (originals are not stored)");
        }
        if (!isLoopback(host)) {
            out.println("Warning: listening on " + host
                    + ", reachable from other machines; anyone with the token can read and write pairs.");
        }
        out.println(
                "Example: curl -H 'Authorization: Bearer " + server.token() + "' " + server.baseUri() + "/statistics");
        out.println("Press Ctrl+C to stop.");
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Stopping: answering requests in flight...");
        out.flush();
        server.close();
        store.close();
        out.println("Stopped; " + Plural.of(server.pairsCollected(), "pair") + " collected.");
        out.flush();
        return Cli.OK;
    }

    /** Routes a signal to {@code stop}; false where the platform does not offer it. */
    @SuppressWarnings("restriction")
    private static boolean handle(String signal, CountDownLatch stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    /**
     * Puts the texts in order while the server already answers, so that the first request sorted
     * by question or SQL does not wait seconds for it (at 1M pairs, once per database). A failure
     * (the store closed under it at Ctrl+C) costs only that wait later.
     */
    private static void prepareSortsInBackground(Database store) {
        Thread t = new Thread(
                () -> {
                    try {
                        store.prepareSorts();
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(ServeCommand.class)
                                .debug(
                                        "Text orders not prepared: {}",
                                        e.getClass().getName());
                    }
                },
                "pairstudio-serve-prepare-sorts");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}

package dev.pairstudio.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local collector: the seed's six endpoints under {@code /api/training-data}
 * (SEED-CONTRACT.md §2 with the decisions of §6) on the JDK's HTTP server, writing into a
 * {@link Database}. Safe by default: loopback only, a bearer token on every request, bounded
 * bodies and batches, JSON errors without stack traces.
 *
 * <p>Used in-process by {@code pairstudio serve} and by the desktop app's toggle:
 * <pre>{@code
 * CollectorServer server = CollectorServer.start(store, CollectorConfig.defaults());
 * server.addListener(ids -> Platform.runLater(() -> table.refresh()));
 * show(server.baseUri(), server.token());
 * ...
 * server.close();   // stops listening, answers what is in flight; the store stays open
 * }</pre>
 *
 * <p>This class is the server's lifecycle and routing: authentication, methods and paths. The
 * pair endpoints are in {@link PairEndpoints}, statistics and export in {@link Endpoints}, and
 * reading and answering HTTP in {@link HttpIo}. Writes go through a {@link GroupCommitWriter}:
 * concurrent POSTs share one transaction and each is answered after its commit. Reads run on the
 * request threads.
 */
public final class CollectorServer implements AutoCloseable {
    /** Path prefix of the endpoints. */
    public static final String PREFIX = "/api/training-data";

    private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);

    static {
        // Small keep-alive responses otherwise wait for the client's delayed ACK (Nagle): about 40 ms
        // each. Read once, when the JDK server's configuration class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Database store;
    private final CollectorConfig config;
    private final String token;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final AnalyzingEnricher enricher;
    private final BackgroundAnalysis background;
    private final GroupCommitWriter writer;
    private final PairEndpoints pairs;
    private final List<CollectorListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong collected = new AtomicLong();
    private volatile boolean stopping;
    private final byte[] openApi;

    private CollectorServer(Database store, CollectorConfig config) throws IOException {
        this.store = store;
        this.config = config;
        this.token = config.token() != null ? config.token() : ApiTokens.forStore(store);
        this.openApi = OpenApi.document();
        this.enricher = AnalyzingEnricher.forStore(store);
        IngestAnalysis ingest =
                new IngestAnalysis(enricher, config.anonymizeOnIngest() ? PrivacySettings.anonymizer(store) : null);
        this.background =
                new BackgroundAnalysis(store, enricher, config.trackDuplicates() ? new DuplicateTracker(store) : null);
        this.writer =
                new GroupCommitWriter(store, "api-" + UUID.randomUUID(), CollectorConfig.MAX_BATCH, this::committed);
        this.pairs = new PairEndpoints(store, config, ingest, writer, background, this::trashed, () -> stopping);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                config.threads(), config.threads(), 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4096), r -> {
                    Thread t = new Thread(r, "collector-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        HttpServer s;
        try {
            s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 256);
        } catch (IOException | RuntimeException e) {
            shutdownInternals();
            throw e;
        }
        this.server = s;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("Collector listening at {} on {}", baseUri(), store.location()); // never the token
    }

    /**
     * Starts listening. The store stays the caller's: {@link #close()} does not close it.
     *
     * @throws IOException when the address cannot be bound (port in use, unknown host)
     */
    public static CollectorServer start(Database store, CollectorConfig config) throws IOException {
        return new CollectorServer(Objects.requireNonNull(store, "store"), Objects.requireNonNull(config, "config"));
    }

    // ---- what the UI and the CLI show ----------------------------------------------------------

    public CollectorConfig config() {
        return config;
    }

    /** The bound address (with the actual port when the config asked for port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    public String host() {
        return config.host();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The bearer token clients must send: {@code Authorization: Bearer <token>}. */
    public String token() {
        return token;
    }

    /** {@code http://host:port/api/training-data} */
    public URI baseUri() {
        String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + h + ":" + port() + PREFIX);
    }

    /** Pairs stored through this server since it started. */
    public long pairsCollected() {
        return collected.get();
    }

    /** Write requests per commit so far (group commit at work): {commits, requests}. */
    long[] commitFigures() {
        return new long[] {writer.commits.get(), writer.requests.get()};
    }

    public boolean isRunning() {
        return !stopping;
    }

    public void addListener(CollectorListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(CollectorListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops: new requests get 503, requests in flight are answered (up to 5 s), queued writes are
     * committed, then the port is released. Idempotent. The store is not closed.
     */
    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        shutdownInternals();
        LOG.info("Collector stopped after storing {} pairs", collected.get());
    }

    private void shutdownInternals() {
        writer.close();
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // no shutdownNow(): interrupting a thread inside H2 file I/O can close the database's file channel;
        // the threads are daemons and idle by now
        background.close();
        enricher.close();
    }

    private void committed(List<Long> ids) {
        collected.addAndGet(ids.size());
        background.changed();
        tell(l -> l.onPairsAdded(ids));
    }

    private void trashed(List<Long> ids) {
        tell(l -> l.onPairsTrashed(ids));
    }

    private void tell(Consumer<CollectorListener> event) {
        for (CollectorListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("A collector listener failed", e);
            }
        }
    }

    // ---- dispatch ------------------------------------------------------------------------------

    private void handle(HttpExchange ex) {
        inFlight.incrementAndGet();
        try {
            if (stopping) {
                throw new ApiException(503, "The collector is stopping");
            }
            route(ex);
        } catch (ApiException e) {
            HttpIo.sendError(ex, e);
        } catch (StoreException e) {
            LOG.warn(
                    "Store failure answering {} {}: {}",
                    ex.getRequestMethod(),
                    ex.getRequestURI().getRawPath(),
                    e.getMessage());
            HttpIo.sendError(ex, new ApiException(500, e.getMessage()));
        } catch (UncheckedIOException e) {
            // the client went away while we answered: nothing to tell it
            LOG.debug("I/O error answering a request", e);
        } catch (RuntimeException e) {
            LOG.error(
                    "Failure answering {} {}",
                    ex.getRequestMethod(),
                    ex.getRequestURI().getRawPath(),
                    e);
            HttpIo.sendError(
                    ex,
                    new ApiException(
                            500, "Internal server error (" + e.getClass().getSimpleName() + ")"));
        } finally {
            ex.close();
            inFlight.decrementAndGet();
        }
    }

    private void route(HttpExchange ex) {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/")) {
            only(method, "GET");
            HttpIo.send(ex, 200, ApiJson.bytes(g -> {
                g.writeStartObject();
                g.writeStringField("service", "Pair Studio collector");
                g.writeStringField("api", PREFIX);
                g.writeStringField("openapi", PREFIX + "/openapi.json");
                g.writeEndObject();
            }));
            return;
        }
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            throw new ApiException(404, "Not found");
        }
        if (!ApiTokens.matches(ex.getRequestHeaders().getFirst("Authorization"), token)) {
            throw new ApiException(
                    401,
                    "Missing or wrong bearer token: send \"Authorization: Bearer <token>\" with the token "
                            + "that `pairstudio serve` printed",
                    List.of(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"pairstudio\""));
        }
        String rest = path.substring(PREFIX.length());
        switch (rest) {
            case "/pairs" -> {
                if (method.equals("POST")) {
                    pairs.post(ex);
                } else {
                    only(method, "GET", "POST");
                    pairs.list(ex);
                }
            }
            case "/statistics" -> {
                only(method, "GET");
                Endpoints.statistics(
                        ex, store, ApiQuery.parse(ex.getRequestURI().getRawQuery()));
            }
            case "/export" -> {
                only(method, "GET");
                Endpoints.export(ex, store, ApiQuery.parse(ex.getRequestURI().getRawQuery()), () -> stopping);
            }
            case "/openapi.json" -> {
                only(method, "GET");
                HttpIo.send(ex, 200, openApi);
            }
            default -> {
                if (rest.startsWith("/pairs/") && rest.length() > 7 && rest.indexOf('/', 7) < 0) {
                    String pairId = rest.substring(7);
                    if (method.equals("DELETE")) {
                        pairs.delete(ex, pairId);
                    } else {
                        only(method, "GET", "DELETE");
                        pairs.get(ex, pairId);
                    }
                } else {
                    throw new ApiException(404, "Not found");
                }
            }
        }
    }

    private static void only(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new ApiException(
                405,
                "Method " + method + " is not allowed here",
                List.of(),
                Map.of("Allow", String.join(", ", allowed)));
    }
}

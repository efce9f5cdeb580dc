package dev.pairstudio.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.io.AnalyzingEnricher;
import dev.pairstudio.io.DuplicateTracker;
import dev.pairstudio.io.PairEnricher;
import dev.pairstudio.io.PrivacySettings;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.StoreException;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.TrashBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local collector: the seed's six endpoints under {@code /api/training-data}
 * (SEED-CONTRACT.md §2 with the decisions of §6) on the JDK's HTTP server, writing into a
 * {@link PairStore}. Safe by default: loopback only, a bearer token on every request, bounded
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
 * <p>Writes go through a {@link GroupCommitWriter}: concurrent POSTs share one transaction and
 * each is answered after its commit. Reads run on the request threads.
 */
public final class CollectorServer implements AutoCloseable {
    /** Path prefix of the endpoints. */
    public static final String PREFIX = "/api/training-data";
    private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);
    private static final String JSON_TYPE = "application/json";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 10_000;

    static {
        // Small keep-alive responses otherwise wait for the client's delayed ACK (Nagle): about 40 ms
        // each. Read once, when the JDK server's configuration class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final PairStore store;
    private final CollectorConfig config;
    private final String token;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final AnalyzingEnricher enricher;
    private final IngestAnalysis ingest;
    private final BackgroundAnalysis background;
    /** Batches up to this size are analysed on the request thread; larger ones after storing (a second later). */
    static final int INLINE_ANALYSIS_MAX = 100;
    private final GroupCommitWriter writer;
    private final List<CollectorListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong collected = new AtomicLong();
    private volatile boolean stopping;
    private final byte[] openApi;

    private CollectorServer(PairStore store, CollectorConfig config) throws IOException {
        this.store = store;
        this.config = config;
        this.token = config.token() != null ? config.token() : ApiTokens.forStore(store);
        this.openApi = OpenApi.document();
        this.enricher = AnalyzingEnricher.forStore(store);
        this.ingest = new IngestAnalysis(enricher, config.anonymizeOnIngest() ? PrivacySettings.anonymizer(store) : null);
        this.background = new BackgroundAnalysis(store, enricher, config.trackDuplicates() ? new DuplicateTracker(store) : null);
        this.writer = new GroupCommitWriter(store, "api-" + UUID.randomUUID(), CollectorConfig.MAX_BATCH, this::committed);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4096), r -> {
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
    public static CollectorServer start(PairStore store, CollectorConfig config) throws IOException {
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
        for (CollectorListener l : listeners) {
            try {
                l.onPairsAdded(ids);
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
            sendError(ex, e);
        } catch (StoreException e) {
            LOG.warn("Store failure answering {} {}: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e.getMessage());
            sendError(ex, new ApiException(500, e.getMessage()));
        } catch (UncheckedIOException e) {
            // the client went away while we answered: nothing to tell it
            LOG.debug("I/O error answering a request", e);
        } catch (RuntimeException e) {
            LOG.error("Failure answering {} {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e);
            sendError(ex, new ApiException(500, "Internal server error (" + e.getClass().getSimpleName() + ")"));
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
            send(ex, 200, ApiJson.bytes(g -> {
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
            throw new ApiException(401, "Missing or wrong bearer token: send \"Authorization: Bearer <token>\" with the token "
                    + "that `pairstudio serve` printed", List.of(), Map.of("WWW-Authenticate", "Bearer realm=\"pairstudio\""));
        }
        String rest = path.substring(PREFIX.length());
        switch (rest) {
            case "/pairs" -> {
                if (method.equals("POST")) {
                    postPairs(ex);
                } else {
                    only(method, "GET", "POST");
                    listPairs(ex);
                }
            }
            case "/statistics" -> {
                only(method, "GET");
                Endpoints.statistics(ex, store, ApiQuery.parse(ex.getRequestURI().getRawQuery()));
            }
            case "/export" -> {
                only(method, "GET");
                Endpoints.export(ex, store, ApiQuery.parse(ex.getRequestURI().getRawQuery()), () -> stopping);
            }
            case "/openapi.json" -> {
                only(method, "GET");
                send(ex, 200, openApi);
            }
            default -> {
                if (rest.startsWith("/pairs/") && rest.length() > 7 && rest.indexOf('/', 7) < 0) {
                    String pairId = rest.substring(7);
                    if (method.equals("DELETE")) {
                        deletePair(ex, pairId);
                    } else {
                        only(method, "GET", "DELETE");
                        getPair(ex, pairId);
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
        throw new ApiException(405, "Method " + method + " is not allowed here", List.of(),
                Map.of("Allow", String.join(", ", allowed)));
    }

    // ---- endpoints -----------------------------------------------------------------------------

    private void postPairs(HttpExchange ex) {
        requireJson(ex);
        byte[] body = readBody(ex);
        if (body.length == 0) {
            throw ApiException.badRequest("The body is empty: send a pair as a JSON object or a batch as an array");
        }
        JsonNode root;
        try {
            root = ApiJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String reason = e.getOriginalMessage();
            int marker = reason.indexOf(" (start marker");
            throw ApiException.badRequest("Malformed JSON" + where + ": " + (marker > 0 ? reason.substring(0, marker) : reason));
        } catch (IOException e) {
            // not I/O (the body is in memory): a byte sequence the encoding detection cannot decode, such as
            // invalid UTF-32; as an UncheckedIOException it would be taken for a vanished client and get no answer
            throw ApiException.badRequest("Malformed JSON: the body is not valid UTF-8 text (" + e.getMessage() + ")");
        }
        PairRequests.Parsed parsed = PairRequests.parse(root, config.maxBatch());
        List<Pair> pairs = new ArrayList<>(parsed.drafts().size());
        List<PairAnalysis> analyses = new ArrayList<>(parsed.drafts().size());
        List<Map<String, Object>> failures = new ArrayList<>();
        // small requests are analysed before they are stored; large batches are stored first and analysed in the background
        boolean inline = parsed.drafts().size() <= INLINE_ANALYSIS_MAX;
        for (int i = 0; i < parsed.drafts().size(); i++) {
            try {
                PairEnricher.Enriched p = ingest.prepare(parsed.drafts().get(i), inline);
                pairs.add(p.pair());
                analyses.add(p.analysis());
            } catch (AnonymizationException e) {
                Map<String, Object> err = new java.util.LinkedHashMap<>();
                if (parsed.batch()) {
                    err.put("index", i);
                }
                err.put("field", null);
                err.put("message", "cannot be anonymized on ingest: " + e.getMessage());
                failures.add(err);
            }
        }
        if (!failures.isEmpty()) {
            throw new ApiException(422, "The pair cannot be anonymized, and this collector must not store originals; "
                    + "nothing was stored", failures);
        }
        if (!pairs.isEmpty()) {
            try {
                List<Long> ids = writer.submit(pairs, analyses).join();
                if (!inline && !ids.isEmpty()) {
                    background.storedUnanalysed(Collections.min(ids));
                }
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof StoreException se) {
                    throw new ApiException(500, "Failed to add training pair: " + se.getMessage());
                }
                if (cause instanceof IllegalStateException ise && stopping) {
                    throw new ApiException(503, ise.getMessage());
                }
                throw cause instanceof RuntimeException re ? re : e;
            }
        }
        send(ex, 201, parsed.batch() ? ApiJson.pairsBody(pairs, parsed.ignored()) : ApiJson.pairBody(pairs.get(0), parsed.ignored()));
    }

    private void listPairs(HttpExchange ex) {
        ApiQuery q = ApiQuery.parse(ex.getRequestURI().getRawQuery());
        PairFilter filter = q.filter();
        int limit = q.nonNegativeInt("limit", DEFAULT_LIMIT, MAX_LIMIT);
        if (limit == 0) {
            limit = MAX_LIMIT; // the seed's "no limit", within ours
        }
        int offset = q.nonNegativeInt("offset", 0, Integer.MAX_VALUE);
        String cursor = q.get("cursor");
        if (cursor != null && offset > 0) {
            throw ApiException.badRequest("Give either cursor or offset, not both: a cursor already says where to start");
        }
        PairSort sort = PairSort.INSERTION;
        Page page;
        try {
            String after = cursor;
            boolean past = false;
            if (offset > 0) {
                if (offset >= 1_000) {
                    List<String> starts = store.pageStarts(filter, sort, offset); // index only, one cursor per offset rows
                    past = starts.size() < 2;
                    after = past ? null : starts.get(1);
                } else {
                    Page skipped = store.query(filter, sort, null, offset);
                    past = skipped.nextCursor() == null;
                    after = skipped.nextCursor();
                }
            }
            page = past ? new Page(List.of(), null) : store.query(filter, sort, after, limit);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage()); // a foreign cursor, a bad regular expression
        }
        long total = store.count(filter);
        Page result = page;
        send(ex, 200, ApiJson.bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("pairs");
            for (StoredPair p : result.rows()) {
                ApiJson.writeRecord(g, p.pair());
            }
            g.writeEndArray();
            g.writeNumberField("count", result.rows().size());
            g.writeNumberField("total", total);
            g.writeStringField("next_cursor", result.nextCursor());
            g.writeEndObject();
        }));
    }

    private void getPair(HttpExchange ex, String pairId) {
        StoredPair p = live(pairId);
        send(ex, 200, ApiJson.pairBody(p.pair(), List.of()));
    }

    private void deletePair(HttpExchange ex, String pairId) {
        StoredPair p = live(pairId);
        TrashBatch batch = store.trash(List.of(p.id()));
        if (batch.count() == 0) {
            throw new ApiException(404, "Pair not found"); // deleted by someone else in between
        }
        background.regroup();
        for (CollectorListener l : listeners) {
            try {
                l.onPairsTrashed(List.of(p.id()));
            } catch (RuntimeException e) {
                LOG.warn("A collector listener failed", e);
            }
        }
        send(ex, 200, ApiJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("message", "Pair deleted successfully");
            g.writeEndObject();
        }));
    }

    private StoredPair live(String pairId) {
        return store.getByPairId(pairId).filter(p -> !p.inTrash()).orElseThrow(() -> new ApiException(404, "Pair not found"));
    }

    // ---- request and response helpers -----------------------------------------------------------

    /** JSON bodies only, as the seed's Flask {@code request.get_json()}: application/json or application/*+json. */
    private static void requireJson(HttpExchange ex) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!(mime.equals(JSON_TYPE) || mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new ApiException(415, "Content-Type must be application/json"
                    + (type == null ? " (none was given)" : ", not " + shorten(type)));
        }
    }

    /** The whole body, refused with 413 beyond the configured limit (before reading when the length is declared). */
    private byte[] readBody(HttpExchange ex) {
        long max = config.maxBodyBytes();
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Invalid Content-Length");
            }
        }
        if (length > max) {
            discardBody(ex, length);
            throw tooLarge(max);
        }
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 ? (int) length : 8192);
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    discardBody(ex, DISCARD_LIMIT);
                    throw tooLarge(max);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Past this many bytes a refused body is not read any further: the connection is closed instead. */
    private static final long DISCARD_LIMIT = 16L << 20;

    /**
     * Reads and drops what is left of a refused body (up to a bound), so that a client still
     * sending it can read the 413 instead of meeting a reset connection.
     */
    private static void discardBody(HttpExchange ex, long expected) {
        if (expected > DISCARD_LIMIT) {
            return;
        }
        try {
            InputStream in = ex.getRequestBody();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < DISCARD_LIMIT && (n = in.read(buf)) > 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // the client gave up: nothing to answer anyway
        }
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(413, "The body is larger than " + max + " bytes; send fewer pairs per request", List.of(),
                Map.of("Connection", "close"));
    }

    static void send(HttpExchange ex, int status, byte[] body) {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", JSON_TYPE);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        try {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendError(HttpExchange ex, ApiException e) {
        try {
            e.headers().forEach(ex.getResponseHeaders()::set);
            send(ex, e.status(), ApiJson.errorBody(e.getMessage(), e.errors()));
        } catch (UncheckedIOException | IllegalStateException ignored) {
            // headers already sent (a streamed export failed midway) or the client is gone
        }
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}

package dev.pairstudio.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.pairstudio.ingest.PairEnricher;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.privacy.AnonymizationException;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoreException;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.store.TrashBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The seed's four pair endpoints (SEED-CONTRACT.md §2): add one pair or a batch, list, get and
 * delete by the seed's id. Writes go through the {@link GroupCommitWriter}; small requests are
 * analysed before they are stored, large batches after (by {@link BackgroundAnalysis}).
 */
final class PairEndpoints {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 10_000;
    /** Batches up to this size are analysed on the request thread; larger ones after storing (a second later). */
    static final int INLINE_ANALYSIS_MAX = 100;

    private final Database store;
    private final CollectorConfig config;
    private final IngestAnalysis ingest;
    private final GroupCommitWriter writer;
    private final BackgroundAnalysis background;
    private final Consumer<List<Long>> trashed;
    private final BooleanSupplier stopping;

    PairEndpoints(
            Database store,
            CollectorConfig config,
            IngestAnalysis ingest,
            GroupCommitWriter writer,
            BackgroundAnalysis background,
            Consumer<List<Long>> trashed,
            BooleanSupplier stopping) {
        this.store = store;
        this.config = config;
        this.ingest = ingest;
        this.writer = writer;
        this.background = background;
        this.trashed = trashed;
        this.stopping = stopping;
    }

    void post(HttpExchange ex) {
        HttpIo.requireJson(ex);
        byte[] body = HttpIo.readBody(ex, config.maxBodyBytes());
        if (body.length == 0) {
            throw ApiException.badRequest("The body is empty: send a pair as a JSON object or a batch as an array");
        }
        PairRequests.Parsed parsed = PairRequests.parse(json(body), config.maxBatch());
        List<Pair> pairs = new ArrayList<>(parsed.drafts().size());
        List<PairAnalysis> analyses = new ArrayList<>(parsed.drafts().size());
        List<Map<String, Object>> failures = new ArrayList<>();
        boolean inline = parsed.drafts().size() <= INLINE_ANALYSIS_MAX;
        for (int i = 0; i < parsed.drafts().size(); i++) {
            try {
                PairEnricher.Enriched p = ingest.prepare(parsed.drafts().get(i), inline);
                pairs.add(p.pair());
                analyses.add(p.analysis());
            } catch (AnonymizationException e) {
                Map<String, Object> err = new LinkedHashMap<>();
                if (parsed.batch()) {
                    err.put("index", i);
                }
                err.put("field", null);
                err.put("message", "cannot be anonymized on ingest: " + e.getMessage());
                failures.add(err);
            }
        }
        if (!failures.isEmpty()) {
            throw new ApiException(
                    422,
                    "The pair cannot be anonymized, and this collector must not store originals; "
                            + "nothing was stored",
                    failures);
        }
        if (!pairs.isEmpty()) {
            store(pairs, analyses, inline);
        }
        HttpIo.send(
                ex,
                201,
                parsed.batch()
                        ? ApiJson.pairsBody(pairs, parsed.ignored())
                        : ApiJson.pairBody(pairs.get(0), parsed.ignored()));
    }

    private static JsonNode json(byte[] body) {
        try {
            return ApiJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            String reason = e.getOriginalMessage();
            int marker = reason.indexOf(" (start marker");
            throw ApiException.badRequest(
                    "Malformed JSON" + where + ": " + (marker > 0 ? reason.substring(0, marker) : reason));
        } catch (IOException e) {
            // not I/O (the body is in memory): a byte sequence the encoding detection cannot decode, such as
            // invalid UTF-32; as an UncheckedIOException it would be taken for a vanished client and get no answer
            throw ApiException.badRequest("Malformed JSON: the body is not valid UTF-8 text (" + e.getMessage() + ")");
        }
    }

    /** Stores through the group-commit writer and answers only after the commit. */
    private void store(List<Pair> pairs, List<PairAnalysis> analyses, boolean analysed) {
        try {
            List<Long> ids = writer.submit(pairs, analyses).join();
            if (!analysed && !ids.isEmpty()) {
                background.storedUnanalysed(Collections.min(ids));
            }
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException se) {
                throw new ApiException(500, "Failed to add training pair: " + se.getMessage());
            }
            if (cause instanceof IllegalStateException ise && stopping.getAsBoolean()) {
                throw new ApiException(503, ise.getMessage());
            }
            throw cause instanceof RuntimeException re ? re : e;
        }
    }

    void list(HttpExchange ex) {
        ApiQuery q = ApiQuery.parse(ex.getRequestURI().getRawQuery());
        PairFilter filter = q.filter();
        int limit = q.nonNegativeInt("limit", DEFAULT_LIMIT, MAX_LIMIT);
        if (limit == 0) {
            limit = MAX_LIMIT; // the seed's "no limit", within ours
        }
        int offset = q.nonNegativeInt("offset", 0, Integer.MAX_VALUE);
        String cursor = q.get("cursor");
        if (cursor != null && offset > 0) {
            throw ApiException.badRequest(
                    "Give either cursor or offset, not both: a cursor already says where to start");
        }
        Page page;
        try {
            page = page(filter, cursor, offset, limit);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage()); // a foreign cursor, a bad regular expression
        }
        long total = store.count(filter);
        HttpIo.send(ex, 200, ApiJson.bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("pairs");
            for (StoredPair p : page.rows()) {
                ApiJson.writeRecord(g, p.pair());
            }
            g.writeEndArray();
            g.writeNumberField("count", page.rows().size());
            g.writeNumberField("total", total);
            g.writeStringField("next_cursor", page.nextCursor());
            g.writeEndObject();
        }));
    }

    /** The page after {@code cursor}, or after skipping {@code offset} rows in insertion order. */
    private Page page(PairFilter filter, String cursor, int offset, int limit) {
        PairSort sort = PairSort.INSERTION;
        String after = cursor;
        if (offset > 0) {
            boolean past;
            if (offset >= 1_000) {
                List<String> starts = store.pageStarts(filter, sort, offset); // index only, one cursor per offset rows
                past = starts.size() < 2;
                after = past ? null : starts.get(1);
            } else {
                Page skipped = store.query(filter, sort, null, offset);
                past = skipped.nextCursor() == null;
                after = skipped.nextCursor();
            }
            if (past) {
                return new Page(List.of(), null);
            }
        }
        return store.query(filter, sort, after, limit);
    }

    void get(HttpExchange ex, String pairId) {
        HttpIo.send(ex, 200, ApiJson.pairBody(live(pairId).pair(), List.of()));
    }

    void delete(HttpExchange ex, String pairId) {
        StoredPair p = live(pairId);
        TrashBatch batch = store.trash(List.of(p.id()));
        if (batch.count() == 0) {
            throw new ApiException(404, "Pair not found"); // deleted by someone else in between
        }
        background.regroup();
        trashed.accept(List.of(p.id()));
        HttpIo.send(ex, 200, ApiJson.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("message", "Pair deleted successfully");
            g.writeEndObject();
        }));
    }

    private StoredPair live(String pairId) {
        return store.getByPairId(pairId)
                .filter(p -> !p.inTrash())
                .orElseThrow(() -> new ApiException(404, "Pair not found"));
    }
}

package dev.pairstudio.api;

import com.sun.net.httpserver.HttpExchange;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.stats.StatisticsJson;
import dev.pairstudio.store.PairStore;

/** Statistics and export: the endpoints backed by the {@code stats} and {@code io} packages. */
final class Endpoints {
    private Endpoints() {
    }

    /**
     * {@code {"statistics": {…}}}: the seed's nine keys in the seed's order, then ours
     * (SEED-CONTRACT.md §3, §6). The seed filters by {@code start_date}/{@code end_date} only; the
     * list's other filters are accepted too.
     */
    static void statistics(HttpExchange ex, PairStore store, ApiQuery q) {
        Statistics s;
        try {
            s = Statistics.compute(store, q.filter());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        CollectorServer.send(ex, 200, ApiJson.bytes(g -> {
            g.writeStartObject();
            g.writeFieldName("statistics");
            StatisticsJson.write(g, s);
            g.writeEndObject();
        }));
    }

    static void export(HttpExchange ex, PairStore store, ApiQuery q) {
        throw new ApiException(501, "Export is not available in this build yet");
    }
}

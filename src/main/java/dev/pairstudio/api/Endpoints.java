package dev.pairstudio.api;

import com.sun.net.httpserver.HttpExchange;
import dev.pairstudio.store.PairStore;

/** Statistics and export: the endpoints backed by the {@code stats} and {@code io} packages. */
final class Endpoints {
    private Endpoints() {
    }

    static void statistics(HttpExchange ex, PairStore store, ApiQuery q) {
        throw new ApiException(501, "Statistics are not available in this build yet");
    }

    static void export(HttpExchange ex, PairStore store, ApiQuery q) {
        throw new ApiException(501, "Export is not available in this build yet");
    }
}

package dev.pairstudio.ingest;

import dev.pairstudio.pair.Pair;

/** One record read from a file: a pair, or the reason it is not one. */
record SourceRecord(long line, Pair pair, String error) {
    static SourceRecord ok(long line, Pair pair) {
        return new SourceRecord(line, pair, null);
    }

    static SourceRecord bad(long line, String reason) {
        return new SourceRecord(line, null, reason);
    }
}

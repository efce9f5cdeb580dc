package dev.pairstudio.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.stats.SeedJson;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes pairs as the seed's JSONL (SEED-CONTRACT.md §4), one at a time, with the same record
 * writer as the JSONL export: for the generator and anything else that produces pair files
 * outside an export.
 */
public final class SeedJsonlWriter implements AutoCloseable {
    private final JsonGenerator g;

    public SeedJsonlWriter(OutputStream out) throws IOException {
        g = ExportWriters.generator(out);
        g.setPrettyPrinter(SeedJson.oneLine());
    }

    /** One seed record (the ten fields in §1 order) on any generator: the API's answers use it too. */
    public static void writeRecord(JsonGenerator g, Pair pair) throws IOException {
        ExportWriters.writeSeedRecord(g, pair);
    }

    public void write(Pair pair) throws IOException {
        ExportWriters.writeSeedRecord(g, pair);
        g.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        g.flush();
    }
}

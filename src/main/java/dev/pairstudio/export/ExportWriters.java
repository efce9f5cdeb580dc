package dev.pairstudio.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.stats.SeedJson;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.stats.StatisticsJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The seed's three file formats (SEED-CONTRACT.md §4), written record by record. */
final class ExportWriters {
    static final ObjectMapper MAPPER = new ObjectMapper(SeedJson.FACTORY);
    static final String[] CSV_HEADER = {
        "pair_id",
        "natural_language_query",
        "sql_query",
        "timestamp",
        "database_type",
        "database_name",
        "table_names",
        "success",
        "execution_time_ms",
        "query_type"
    };

    private ExportWriters() {}

    /** Writes records to one open file; {@link #finish} writes what follows the last record (not closing the stream). */
    interface Writer0 {
        void write(ExportRecord r) throws IOException;

        void finish() throws IOException;

        /**
         * The bytes {@link #write} would add for this record, made on any thread (the export's
         * workers), or null when the format cannot: a record's bytes depend on those before it.
         */
        default byte[] render(ExportRecord r) throws IOException {
            return null;
        }

        /** Adds the bytes {@link #render} made, in place of {@link #write}. */
        default void writeRendered(byte[] record) throws IOException {
            throw new UnsupportedOperationException("this format renders no record on its own");
        }
    }

    /** What a writer may need besides the records. */
    record Context(Instant exportedAt, long total, Statistics statistics, String system, String context) {}

    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** The ten seed fields in §1 order. */
    static void writeSeedRecord(JsonGenerator g, Pair p) throws IOException {
        g.writeStartObject();
        g.writeStringField("pair_id", p.pairId());
        g.writeStringField("natural_language_query", p.question());
        g.writeStringField("sql_query", p.sql());
        g.writeStringField("timestamp", Timestamps.format(p.timestamp()));
        g.writeStringField("database_type", p.databaseType());
        g.writeStringField("database_name", p.databaseName());
        g.writeArrayFieldStart("table_names");
        for (String t : p.tableNames()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeBooleanField("success", p.success());
        g.writeFieldName("execution_time_ms");
        writeNumber(g, p.executionTimeMs());
        g.writeFieldName("metadata");
        writeMetadata(g, p.metadata());
        g.writeEndObject();
    }

    /** Ints stay ints ({@code 45}), decimals stay decimals ({@code 45.0}); exponent forms were floats. */
    static void writeNumber(JsonGenerator g, BigDecimal v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v.scale() == 0) {
            g.writeNumber(v.unscaledValue());
        } else if (v.scale() < 0) {
            g.writeNumber(v.doubleValue());
        } else {
            g.writeNumber(v);
        }
    }

    static void writeMetadata(JsonGenerator g, Map<String, Object> metadata) throws IOException {
        if (metadata.isEmpty()) {
            g.writeStartObject();
            g.writeEndObject();
        } else {
            MAPPER.writeValue(g, metadata);
        }
    }

    /** For csv: the seed's str() of a number. */
    static String numberText(BigDecimal v) {
        if (v == null) {
            return "";
        }
        if (v.scale() == 0) {
            return v.unscaledValue().toString();
        }
        return v.scale() < 0 ? Double.toString(v.doubleValue()) : v.toString();
    }

    /**
     * JSONL: one record per line, Python's separators, every line ends with \n. A line depends on
     * its record alone, so the export's workers render the lines ({@link #render}) and the writing
     * thread only copies bytes: JSON encoding was 80 % of that thread's work at 1M pairs.
     */
    static final class Jsonl implements Writer0 {
        private final OutputStream out;
        /** Each thread's generator over its own buffer. */
        private final ThreadLocal<LineRenderer> renderers = ThreadLocal.withInitial(LineRenderer::new);

        Jsonl(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(ExportRecord r) throws IOException {
            out.write(render(r));
        }

        @Override
        public byte[] render(ExportRecord r) throws IOException {
            return renderers.get().line(r.pair());
        }

        @Override
        public void writeRendered(byte[] record) throws IOException {
            out.write(record);
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }
    }

    /** One JSONL line at a time into a reused buffer. */
    private static final class LineRenderer {
        private final ByteArrayBuilder buffer = new ByteArrayBuilder(1024);
        private final JsonGenerator g;

        LineRenderer() {
            try {
                g = generator(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a generator over memory does no I/O
            }
            g.setPrettyPrinter(SeedJson.oneLine());
        }

        byte[] line(Pair p) throws IOException {
            writeSeedRecord(g, p);
            g.writeRaw('\n');
            g.flush();
            byte[] line = buffer.toByteArray();
            buffer.reset();
            return line;
        }
    }

    /** JSON: {exported_at, format_version, total_pairs, pairs, statistics}, indent 2, no trailing newline. */
    static final class Json implements Writer0 {
        private final JsonGenerator g;
        private final Statistics statistics;

        Json(OutputStream out, Context c) throws IOException {
            g = generator(out);
            g.setPrettyPrinter(SeedJson.indented());
            statistics = c.statistics();
            g.writeStartObject();
            g.writeStringField("exported_at", Timestamps.format(c.exportedAt()));
            g.writeStringField("format_version", "1.0");
            g.writeNumberField("total_pairs", c.total());
            g.writeArrayFieldStart("pairs");
        }

        @Override
        public void write(ExportRecord r) throws IOException {
            writeSeedRecord(g, r.pair());
        }

        @Override
        public void finish() throws IOException {
            g.writeEndArray();
            g.writeFieldName("statistics");
            StatisticsJson.write(g, statistics);
            g.writeEndObject();
            g.flush();
        }
    }

    /**
     * CSV: the seed's ten columns, RFC 4180 minimal quoting (fields with {@code ,}, {@code "}, CR
     * or LF are quoted, {@code "} doubled), CRLF line ends, {@code True}/{@code False}, null as
     * an empty field. Against spreadsheet formula injection, a text cell that starts with
     * {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR gets a leading {@code '} (OWASP's
     * advice): a spreadsheet shows it as text, and a reader of the file sees the quote.
     */
    static final class Csv implements Writer0 {
        private final Writer w;

        Csv(OutputStream out) throws IOException {
            w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (int i = 0; i < CSV_HEADER.length; i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write(CSV_HEADER[i]);
            }
            w.write("\r\n");
        }

        @Override
        public void write(ExportRecord r) throws IOException {
            Pair p = r.pair();
            text(p.pairId());
            w.write(',');
            text(p.question());
            w.write(',');
            text(p.sql());
            w.write(',');
            w.write(Timestamps.format(p.timestamp()));
            w.write(',');
            text(p.databaseType());
            w.write(',');
            text(p.databaseName());
            w.write(',');
            text(String.join(",", p.tableNames()));
            w.write(',');
            w.write(p.success() ? "True" : "False");
            w.write(',');
            w.write(numberText(p.executionTimeMs()));
            w.write(',');
            w.write(r.queryType().name());
            w.write("\r\n");
        }

        private void text(String s) throws IOException {
            if (s == null || s.isEmpty()) {
                return;
            }
            w.write(cell(s));
        }

        @Override
        public void finish() throws IOException {
            w.flush();
        }
    }

    /** A CSV cell: neutralised against formulas, then quoted when needed. */
    static String cell(String s) {
        char first = s.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            s = "'" + s;
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static List<String> header() {
        return List.of(CSV_HEADER);
    }
}

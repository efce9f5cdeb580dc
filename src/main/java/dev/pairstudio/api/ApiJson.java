package dev.pairstudio.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.pairstudio.export.SeedJsonlWriter;
import dev.pairstudio.pair.Pair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * JSON of the API: one configured mapper and the seed's ten-field record (SEED-CONTRACT.md §1,
 * field order as there; timestamps with six fraction digits, §6).
 */
final class ApiJson {
    /**
     * Floats are read as BigDecimal so that {@code 45} and {@code 45.0} survive as written; a body
     * with anything after its JSON value, or a key given twice, is malformed.
     */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        MAPPER.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        MAPPER.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        MAPPER.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        MAPPER.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        MAPPER.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private ApiJson() {}

    /** The seed's record of one pair: the same writer as the JSONL export. */
    static void writeRecord(JsonGenerator g, Pair p) throws IOException {
        SeedJsonlWriter.writeRecord(g, p);
    }

    /** {@code {"pair": record}} */
    static byte[] pairBody(Pair p, List<String> ignored) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeFieldName("pair");
            writeRecord(g, p);
            writeIgnored(g, ignored);
            g.writeEndObject();
        });
    }

    /** {@code {"pairs": [records], "count": n}} */
    static byte[] pairsBody(List<Pair> pairs, List<String> ignored) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("pairs");
            for (Pair p : pairs) {
                writeRecord(g, p);
            }
            g.writeEndArray();
            g.writeNumberField("count", pairs.size());
            writeIgnored(g, ignored);
            g.writeEndObject();
        });
    }

    private static void writeIgnored(JsonGenerator g, List<String> ignored) throws IOException {
        if (!ignored.isEmpty()) {
            g.writeArrayFieldStart("ignored_fields");
            for (String f : ignored) {
                g.writeString(f);
            }
            g.writeEndArray();
        }
    }

    /** {@code {"error": message}} plus {@code "errors"} when there are field errors. */
    static byte[] errorBody(String message, List<Map<String, Object>> errors) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            if (!errors.isEmpty()) {
                g.writeFieldName("errors");
                g.writeObject(errors);
            }
            g.writeEndObject();
        });
    }

    static byte[] bytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }
}

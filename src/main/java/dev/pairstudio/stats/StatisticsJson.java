package dev.pairstudio.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pairstudio.pair.QueryType;
import dev.pairstudio.pair.ReviewStatus;
import dev.pairstudio.pair.Timestamps;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;

/**
 * Statistics as JSON: the seed's nine keys first, in the seed's order and meaning
 * (SEED-CONTRACT.md §3), then ours under new keys. An empty set gives the seed's empty form
 * ({@code date_range: {}}, {@code avg_*: 0.0}, empty lists and maps) followed by our keys.
 */
public final class StatisticsJson {
    private StatisticsJson() {}

    /** Indented like the seed's files ({@code indent=2}), no trailing newline. */
    public static String toJson(Statistics s) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = SeedJson.indentedGenerator(w)) {
            write(g, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the statistics object as the next value of {@code g}. */
    public static void write(JsonGenerator g, Statistics s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("total_pairs", s.totalPairs());
        g.writeNumberField("successful_pairs", s.successfulPairs());
        g.writeNumberField("failed_pairs", s.failedPairs());
        strings(g, "unique_tables", s.uniqueTables());
        strings(g, "database_types", s.databaseTypes());
        g.writeNumberField("avg_query_length", s.avgQueryLength());
        g.writeNumberField("avg_sql_length", s.avgSqlLength());
        g.writeObjectFieldStart("date_range");
        if (s.start() != null) {
            g.writeStringField("start", Timestamps.format(s.start()));
            g.writeStringField("end", Timestamps.format(s.end()));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("query_type_distribution");
        for (Map.Entry<QueryType, Long> e : s.queryTypeDistribution().entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();

        // ---- ours --------------------------------------------------------------------
        g.writeObjectFieldStart("review_status");
        for (Map.Entry<ReviewStatus, Long> e : s.reviewStatus().entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
        counts(g, "complexity", s.complexity());
        g.writeObjectFieldStart("duplicates");
        g.writeNumberField("duplicate", s.duplicates());
        g.writeNumberField("conflict", s.conflicts());
        g.writeNumberField("near_duplicate", s.nearDuplicates());
        g.writeEndObject();
        counts(g, "pii_findings", s.piiFindings());
        g.writeObjectFieldStart("pairs_per_day");
        for (Map.Entry<LocalDate, Long> e : s.pairsPerDay().entrySet()) {
            g.writeNumberField(e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("top_tables");
        for (Statistics.TableCount t : s.topTables()) {
            g.writeStartObject();
            g.writeStringField("table", t.table());
            g.writeNumberField("pairs", t.pairs());
            g.writeEndObject();
        }
        g.writeEndArray();
        bins(g, "question_length_histogram", s.questionLengthHistogram());
        bins(g, "sql_length_histogram", s.sqlLengthHistogram());
        g.writeObjectFieldStart("schema_validity");
        for (Map.Entry<String, Statistics.SchemaValidity> e : s.schemaValidity().entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeNumberField("pairs", e.getValue().pairs());
            g.writeNumberField("validated", e.getValue().validated());
            g.writeNumberField("valid", e.getValue().valid());
            g.writeNumberField("valid_share", e.getValue().validShare());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void bins(JsonGenerator g, String name, Iterable<Statistics.LengthBin> bins) throws IOException {
        g.writeArrayFieldStart(name);
        for (Statistics.LengthBin b : bins) {
            g.writeStartObject();
            g.writeNumberField("from", b.from());
            if (b.to() == null) {
                g.writeNullField("to");
            } else {
                g.writeNumberField("to", b.to());
            }
            g.writeNumberField("pairs", b.pairs());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}

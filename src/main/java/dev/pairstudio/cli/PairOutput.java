package dev.pairstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.schema.ValidationMessage;
import dev.pairstudio.schema.ValidationMessages;
import dev.pairstudio.store.SchemaStore;
import dev.pairstudio.store.StoredPair;

/** How list and get print pairs: the seed's record keys first, then what the store adds. */
final class PairOutput {
    static final ObjectMapper JSON = new ObjectMapper();

    private PairOutput() {}

    static ObjectNode json(StoredPair s) {
        Pair p = s.pair();
        ObjectNode n = JSON.createObjectNode();
        n.put("pair_id", p.pairId());
        n.put("natural_language_query", p.question());
        n.put("sql_query", p.sql());
        n.put("timestamp", Timestamps.format(p.timestamp()));
        n.put("database_type", p.databaseType());
        n.put("database_name", p.databaseName());
        ArrayNode tables = n.putArray("table_names");
        p.tableNames().forEach(tables::add);
        n.put("success", p.success());
        if (p.executionTimeMs() == null) {
            n.putNull("execution_time_ms");
        } else {
            n.put("execution_time_ms", p.executionTimeMs());
        }
        n.set("metadata", JSON.valueToTree(p.metadata()));
        n.put("id", s.id());
        n.put("status", s.status().name());
        n.put("note", s.note());
        n.put("source", s.source().name());
        n.put("import_batch", s.importBatch());
        n.put("version", s.version());
        n.put("updated_at", Timestamps.format(s.updatedAt()));
        if (s.edited()) {
            n.put("original_question", s.originalQuestion());
            n.put("original_sql", s.originalSql());
        }
        if (s.inTrash()) {
            n.put("deleted_at", Timestamps.format(s.deletedAt()));
            n.put("trash_batch", s.trashBatch());
        }
        if (s.analysis().queryType() != null) {
            n.put("query_type", s.analysis().queryType().name());
        }
        return n;
    }

    /**
     * {@link #json} with the pair's verdicts, in the window's words: {@code flags} (names, as
     * {@code --flag} takes them), {@code flag_labels}, {@code parse_error}, and {@code validation}
     * ({@code schema}, {@code schema_version}, {@code messages}: flag, label, field, start, end,
     * text) when the pair was checked against a schema.
     */
    static ObjectNode json(StoredPair s, SchemaStore store) {
        ObjectNode n = json(s);
        ArrayNode flags = n.putArray("flags");
        ArrayNode labels = n.putArray("flag_labels");
        for (QualityFlag f : QualityFlag.values()) {
            if (s.analysis().has(f)) {
                flags.add(f.name());
                labels.add(f.label());
            }
        }
        if (s.analysis().parseError() != null) {
            n.put("parse_error", s.analysis().parseError());
        }
        store.validation(s.id()).ifPresent(v -> {
            ObjectNode validation = n.putObject("validation");
            store.schema(v.schemaId()).ifPresent(schema -> {
                validation.put("schema", schema.databaseName());
                validation.put("schema_version", schema.version());
            });
            ArrayNode messages = validation.putArray("messages");
            for (ValidationMessage m : ValidationMessages.read(v.messages())) {
                ObjectNode o = messages.addObject();
                o.put("flag", m.flag().name());
                o.put("label", m.flag().label());
                o.put("field", m.field());
                o.put("start", m.start());
                o.put("end", m.end());
                o.put("text", m.text());
            }
        });
        return n;
    }

    /** One line for a terminal: id, time, status, database, question (shortened, one line). */
    static String line(StoredPair s) {
        Pair p = s.pair();
        String q = p.question().replaceAll("\\s+", " ");
        if (q.length() > 80) {
            q = q.substring(0, 79) + "…";
        }
        return String.format(
                "%8d  %s  %-10s  %-12s  %s",
                s.id(),
                Timestamps.format(p.timestamp()).substring(0, 19),
                s.status().name(),
                p.databaseType() == null ? "-" : p.databaseType(),
                q);
    }
}

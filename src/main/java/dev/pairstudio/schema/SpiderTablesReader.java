package dev.pairstudio.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Spider or BIRD {@code tables.json}: a list of databases, each {@code db_id},
 * {@code table_names_original}, {@code column_names_original} ({@code [table index, name]}, with
 * {@code [-1, "*"]} first), {@code column_types}, {@code primary_keys} (column indexes, or lists
 * of them for composite keys) and {@code foreign_keys} ({@code [column, referenced column]}).
 * A database entry that is malformed is reported by its position; the others are imported.
 */
public final class SpiderTablesReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param only the db_id to import; null imports every database in the file */
    public SchemaImport read(String json, String only) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            return new SchemaImport(
                    List.of(),
                    List.of(new SchemaProblem(line, "tables.json", "not JSON: " + e.getOriginalMessage())),
                    0);
        }
        if (root == null || !root.isArray()) {
            return new SchemaImport(
                    List.of(),
                    List.of(new SchemaProblem(
                            1, "tables.json", "expected a list of databases ([{\"db_id\": ...}, ...])")),
                    0);
        }
        List<DatabaseSchema> schemas = new ArrayList<>();
        List<SchemaProblem> problems = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < root.size(); i++) {
            JsonNode db = root.get(i);
            String id = db.path("db_id").asText("");
            if (only != null && !only.equals(id)) {
                skipped++;
                continue;
            }
            try {
                schemas.add(database(db));
            } catch (IllegalArgumentException e) {
                problems.add(new SchemaProblem(
                        i + 1, "database #" + (i + 1) + (id.isEmpty() ? "" : " (" + id + ")"), e.getMessage()));
            }
        }
        return new SchemaImport(schemas, problems, skipped);
    }

    private static DatabaseSchema database(JsonNode db) {
        String id = require(db, "db_id").asText();
        JsonNode tableNames = require(db, db.has("table_names_original") ? "table_names_original" : "table_names");
        JsonNode columnNames = require(db, db.has("column_names_original") ? "column_names_original" : "column_names");
        JsonNode types = db.path("column_types");
        int tableCount = tableNames.size();
        List<List<SchemaColumn>> columns = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        List<List<ForeignKey>> foreign = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            columns.add(new ArrayList<>());
            keys.add(new ArrayList<>());
            foreign.add(new ArrayList<>());
        }
        int[] tableOf = new int[columnNames.size()];
        for (int c = 0; c < columnNames.size(); c++) {
            JsonNode pair = columnNames.get(c);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isInt()) {
                throw new IllegalArgumentException("column #" + c + " is not [table index, name]");
            }
            int t = pair.get(0).asInt();
            tableOf[c] = t;
            if (t < 0) {
                continue; // the [-1, "*"] entry
            }
            if (t >= tableCount) {
                throw new IllegalArgumentException("column " + pair.get(1).asText() + " names table index " + t
                        + " but there are " + tableCount + " tables");
            }
            columns.get(t)
                    .add(new SchemaColumn(pair.get(1).asText(), types.path(c).asText("")));
        }
        for (JsonNode key : db.path("primary_keys")) {
            for (JsonNode c : key.isArray() ? key : List.of(key)) { // BIRD: composite keys as lists
                int col = column(c, tableOf);
                keys.get(tableOf[col]).add(columnNames.get(col).get(1).asText());
            }
        }
        for (JsonNode fk : db.path("foreign_keys")) {
            int from = column(fk.path(0), tableOf);
            int to = column(fk.path(1), tableOf);
            foreign.get(tableOf[from])
                    .add(new ForeignKey(
                            columnNames.get(from).get(1).asText(),
                            tableNames.get(tableOf[to]).asText(),
                            columnNames.get(to).get(1).asText()));
        }
        List<SchemaTable> tables = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            tables.add(new SchemaTable(tableNames.get(t).asText(), columns.get(t), keys.get(t), foreign.get(t)));
        }
        // Spider and BIRD databases are SQLite files
        return new DatabaseSchema(id, "sqlite", tables);
    }

    private static int column(JsonNode index, int[] tableOf) {
        if (!index.isInt() || index.asInt() < 0 || index.asInt() >= tableOf.length || tableOf[index.asInt()] < 0) {
            throw new IllegalArgumentException("key refers to column index " + index + ", which is not a table column");
        }
        return index.asInt();
    }

    private static JsonNode require(JsonNode db, String field) {
        JsonNode v = db.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v;
    }
}

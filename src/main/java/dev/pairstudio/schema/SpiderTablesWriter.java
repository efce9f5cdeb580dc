package dev.pairstudio.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes schemas as a Spider/BIRD {@code tables.json} (what {@link SpiderTablesReader} reads):
 * per database {@code db_id}, {@code table_names(_original)}, {@code column_names(_original)} with
 * {@code [-1, "*"]} first, {@code column_types}, {@code primary_keys} (a column index, a list of
 * them for a composite key, as BIRD does) and {@code foreign_keys}. Names are written as stored
 * (the "original" and the plain lists are the same); a column without a declared type is "text".
 * A foreign key whose referenced table or column the schema lacks is left out.
 */
public final class SpiderTablesWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpiderTablesWriter() {}

    /** @param databases each written under its own {@link DatabaseSchema#databaseName()} as {@code db_id} */
    public static String write(Collection<DatabaseSchema> databases) {
        ArrayNode root = JSON.createArrayNode();
        for (DatabaseSchema db : databases) {
            root.add(database(db));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode database(DatabaseSchema db) {
        ObjectNode o = JSON.createObjectNode();
        o.put("db_id", db.databaseName());
        ArrayNode tableNames = JSON.createArrayNode();
        ArrayNode columnNames = JSON.createArrayNode();
        ArrayNode types = JSON.createArrayNode();
        columnNames.addArray().add(-1).add("*");
        types.add("text");
        List<List<String>> columnsOf = new ArrayList<>();
        List<Integer> firstColumn = new ArrayList<>();
        int index = 1;
        for (int t = 0; t < db.tables().size(); t++) {
            SchemaTable table = db.tables().get(t);
            tableNames.add(table.name());
            firstColumn.add(index);
            List<String> names = new ArrayList<>();
            for (SchemaColumn c : table.columns()) {
                columnNames.addArray().add(t).add(c.name());
                types.add(c.type().isEmpty() ? "text" : c.type());
                names.add(Names.key(c.name()));
                index++;
            }
            columnsOf.add(names);
        }
        ArrayNode keys = JSON.createArrayNode();
        ArrayNode foreign = JSON.createArrayNode();
        for (int t = 0; t < db.tables().size(); t++) {
            SchemaTable table = db.tables().get(t);
            List<Integer> pk = new ArrayList<>();
            for (String k : table.primaryKey()) {
                int c = columnsOf.get(t).indexOf(Names.key(k));
                if (c >= 0) {
                    pk.add(firstColumn.get(t) + c);
                }
            }
            if (pk.size() == 1) {
                keys.add(pk.get(0));
            } else if (pk.size() > 1) {
                ArrayNode composite = keys.addArray();
                pk.forEach(composite::add);
            }
            for (ForeignKey fk : table.foreignKeys()) {
                int from = columnsOf.get(t).indexOf(Names.key(fk.column()));
                int target = tableIndex(db, fk.referencedTable());
                if (from < 0 || target < 0) {
                    continue;
                }
                String toName = fk.referencedColumn().isEmpty()
                                && db.tables().get(target).primaryKey().size() == 1
                        ? db.tables().get(target).primaryKey().get(0)
                        : fk.referencedColumn();
                int to = columnsOf.get(target).indexOf(Names.key(toName));
                if (to >= 0) {
                    foreign.addArray().add(firstColumn.get(t) + from).add(firstColumn.get(target) + to);
                }
            }
        }
        o.set("table_names_original", tableNames);
        o.set("table_names", tableNames.deepCopy());
        o.set("column_names_original", columnNames);
        o.set("column_names", columnNames.deepCopy());
        o.set("column_types", types);
        o.set("primary_keys", keys);
        o.set("foreign_keys", foreign);
        return o;
    }

    private static int tableIndex(DatabaseSchema db, String name) {
        String key = Names.key(name);
        for (int i = 0; i < db.tables().size(); i++) {
            if (Names.key(db.tables().get(i).name()).equals(key)) {
                return i;
            }
        }
        return -1;
    }
}

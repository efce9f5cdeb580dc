package dev.pairstudio.export;

import dev.pairstudio.schema.DatabaseSchema;
import dev.pairstudio.schema.SchemaContext;
import dev.pairstudio.schema.SpiderTablesWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases an export names, each exported (possibly anonymized) name with the stored
 * database whose schema the schema file writes under it.
 */
final class ExportedDatabases {

    private final Map<String, String> sourceByName = new LinkedHashMap<>();

    /** Two stored databases becoming one exported name cannot share a schema file: the export stops. */
    void note(ExportRecord r) {
        String name = r.pair().databaseName();
        if (name == null || name.isBlank() || r.sourceDatabase() == null) {
            return;
        }
        String before = sourceByName.putIfAbsent(name, r.sourceDatabase());
        if (before != null && !before.equals(r.sourceDatabase())) {
            throw new ExportException(
                    "The databases " + before + " and " + r.sourceDatabase() + " are both exported as \"" + name
                            + "\" under the privacy policy, so the schema file cannot tell their tables apart; let the policy pseudonymize "
                            + "database names (one surrogate per name) or export without anonymization. No file was written");
        }
    }

    int size() {
        return sourceByName.size();
    }

    /** The Spider/BIRD tables.json text for the exported databases that have a stored schema; null when none has. */
    String tablesJson(SchemaContext schemas) {
        List<DatabaseSchema> found = new ArrayList<>();
        sourceByName.forEach((name, source) -> {
            DatabaseSchema s = schemas.schema(source);
            if (s != null) {
                found.add(s.named(name));
            }
        });
        return found.isEmpty() ? null : SpiderTablesWriter.write(found);
    }
}

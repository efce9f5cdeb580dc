package dev.pairstudio.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.store.Database;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Which datasets hold read-only questions (DML/DDL in them is flagged {@code WRITE_STATEMENT} and
 * never run), per database name: the setting {@value #SETTING} holds a JSON object
 * {@code {"shop": true, "etl": false}} keyed by database name (a name can be 200 characters, too
 * long for a setting key of its own). A database without an entry follows the store-wide default,
 * {@link PairValidator#READ_ONLY_SETTING} ({@code validate --read-only} without {@code --database}).
 * A snapshot: read once per validation run.
 */
public final class ReadOnlyDatabases implements Predicate<String> {
    public static final String SETTING = "validation.read_only.by_database";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean defaultValue;
    private final Map<String, Boolean> perDatabase;

    private ReadOnlyDatabases(boolean defaultValue, Map<String, Boolean> perDatabase) {
        this.defaultValue = defaultValue;
        this.perDatabase = Map.copyOf(perDatabase);
    }

    public static ReadOnlyDatabases load(Database store) {
        boolean all = store.setting(PairValidator.READ_ONLY_SETTING)
                .map(Boolean::parseBoolean)
                .orElse(false);
        return new ReadOnlyDatabases(all, read(store));
    }

    /** Whether the pairs of {@code databaseName} are read-only questions. */
    @Override
    public boolean test(String databaseName) {
        return databaseName == null ? defaultValue : perDatabase.getOrDefault(databaseName, defaultValue);
    }

    public boolean storeDefault() {
        return defaultValue;
    }

    /** The databases with a setting of their own, by name. */
    public Map<String, Boolean> perDatabase() {
        return new TreeMap<>(perDatabase);
    }

    /** Remembers the setting of one database (its own entry, whatever the store-wide default). */
    public static void set(Database store, String databaseName, boolean readOnly) {
        if (databaseName == null || databaseName.isBlank()) {
            throw new IllegalArgumentException("a read-only setting needs a database name");
        }
        synchronized (ReadOnlyDatabases.class) {
            Map<String, Boolean> all = new TreeMap<>(read(store));
            all.put(databaseName, readOnly);
            ObjectNode o = JSON.createObjectNode();
            all.forEach(o::put);
            store.putSetting(SETTING, o.toString());
        }
    }

    private static Map<String, Boolean> read(Database store) {
        Map<String, Boolean> out = new TreeMap<>();
        String text = store.setting(SETTING).orElse(null);
        if (text == null || text.isBlank()) {
            return out;
        }
        try {
            JsonNode o = JSON.readTree(text);
            if (o != null && o.isObject()) {
                o.fields()
                        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asBoolean(false)));
            }
        } catch (JsonProcessingException e) {
            // a setting edited by hand into something else: no per-database entries, the default holds
        }
        return out;
    }
}

package dev.pairstudio.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.SettingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Named filters a curator comes back to ("failed mysql pairs with PII"), kept per database. */
public final class SavedFilters {
    static final String SETTING = "filters.saved";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SettingStore store;

    public SavedFilters(SettingStore store) {
        this.store = store;
    }

    public synchronized List<String> names() {
        List<String> names = new ArrayList<>();
        all().fieldNames().forEachRemaining(names::add);
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    public synchronized Optional<PairFilter> get(String name) {
        ObjectNode all = all();
        return all.has(name) ? Optional.of(PairFilterJson.fromJson(all.get(name))) : Optional.empty();
    }

    /** Saves (or replaces) a filter under a name; ids and trash views are not worth saving and are dropped. */
    public synchronized void save(String name, PairFilter filter) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A saved filter needs a name");
        }
        ObjectNode all = all();
        all.set(name.strip(), PairFilterJson.toJson(filter.withIds(null).withTrash(false)));
        store.putSetting(SETTING, all.toString());
    }

    public synchronized void delete(String name) {
        ObjectNode all = all();
        all.remove(name);
        store.putSetting(SETTING, all.toString());
    }

    private ObjectNode all() {
        return store.setting(SETTING)
                .map(s -> {
                    try {
                        return (ObjectNode) MAPPER.readTree(s);
                    } catch (JsonProcessingException | ClassCastException e) {
                        return MAPPER.createObjectNode(); // damaged: start over rather than block the filter panel
                    }
                })
                .orElseGet(MAPPER::createObjectNode);
    }
}

package dev.pairstudio.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.store.SettingStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Export profiles stored in the database's settings as JSON ({@code export.profile.NAME}), with
 * the list of names, the last used profile, and per profile the time of its last export (the
 * start of the incremental window).
 */
public final class ExportProfiles {
    static final String PREFIX = "export.profile.";
    static final String NAMES = "export.profiles";
    static final String LAST = "export.last_profile";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final SettingStore store;

    public ExportProfiles(SettingStore store) {
        this.store = store;
    }

    public void save(ExportProfile profile) {
        if (profile.name() == null || profile.name().isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        store.putSetting(PREFIX + profile.name(), profile.toJson().toString());
        TreeSet<String> names = new TreeSet<>(names());
        if (names.add(profile.name())) {
            ArrayNode a = JSON.createArrayNode();
            names.forEach(a::add);
            store.putSetting(NAMES, a.toString());
        }
    }

    public Optional<ExportProfile> load(String name) {
        return store.setting(PREFIX + name)
                .map(json -> ExportProfile.fromJson(read(json)).withName(name));
    }

    public List<String> names() {
        List<String> out = new ArrayList<>();
        store.setting(NAMES).ifPresent(json -> read(json).forEach(n -> out.add(n.asText())));
        return out;
    }

    public void delete(String name) {
        store.putSetting(PREFIX + name, null);
        store.putSetting(PREFIX + name + ".last_export", null);
        TreeSet<String> names = new TreeSet<>(names());
        if (names.remove(name)) {
            ArrayNode a = JSON.createArrayNode();
            names.forEach(a::add);
            store.putSetting(NAMES, a.toString());
        }
    }

    public Optional<String> lastUsed() {
        return store.setting(LAST);
    }

    public void markUsed(String name) {
        store.putSetting(LAST, name);
    }

    /** When this profile's last export started; an incremental export takes pairs changed since. */
    public Optional<Instant> lastExport(String name) {
        return store.setting(PREFIX + name + ".last_export").flatMap(Timestamps::parse);
    }

    public void setLastExport(String name, Instant at) {
        store.putSetting(PREFIX + name + ".last_export", Timestamps.format(at));
    }

    /** The one-click export's file name: {@code training_data-20260101-120000.jsonl}. */
    public static String timestampedName(ExportProfile profile, String extension, Instant now) {
        return "training_data-" + STAMP.format(now) + "." + extension;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "a stored export profile is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}

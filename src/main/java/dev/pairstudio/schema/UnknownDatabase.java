package dev.pairstudio.schema;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.StoredSchema;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A database name that no pair uses and no stored schema has: most often a typo, so a schema
 * import asks before storing it (CLI {@code --create}, the window's Create button), naming the
 * known names that look closest.
 */
public record UnknownDatabase(String name, List<String> closest) {
    private static final int SUGGESTIONS = 3;

    public UnknownDatabase {
        closest = List.copyOf(closest);
    }

    /** Empty when a pair uses {@code name} or a schema is stored for it. */
    public static Optional<UnknownDatabase> check(Database store, String name) {
        Set<String> known = new TreeSet<>(store.databaseNames());
        store.latestSchemas().stream().map(StoredSchema::databaseName).forEach(known::add);
        return known.contains(name) ? Optional.empty() : Optional.of(new UnknownDatabase(name, closest(name, known)));
    }

    /** "did you mean shop, shops?", or empty when no known name is close. */
    public String didYouMean() {
        return closest.isEmpty() ? "" : "did you mean " + String.join(", ", closest) + "?";
    }

    /**
     * Up to three known names within a few edits of {@code name} (a third of its length, at least
     * two; case and separators count as small edits), or containing it, nearest first.
     */
    static List<String> closest(String name, Collection<String> known) {
        String key = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, key.length() / 3);
        record Scored(String name, int distance) {}
        return known.stream()
                .map(k -> new Scored(k, distance(key, k.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= limit || contains(s.name(), key))
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(SUGGESTIONS)
                .map(Scored::name)
                .toList();
    }

    private static boolean contains(String known, String key) {
        String k = known.toLowerCase(Locale.ROOT);
        return key.length() >= 3 && (k.contains(key) || key.contains(k) && k.length() >= 3);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

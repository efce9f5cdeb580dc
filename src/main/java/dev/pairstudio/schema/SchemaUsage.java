package dev.pairstudio.schema;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.PairReader;
import dev.pairstudio.store.StatCounts;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StatSink;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which live pairs of a database use each table of its schema: one pass over the store's
 * statistics facts (no pair is loaded), for the Schemas view.
 *
 * @param pairsByTable per schema table name (in the schema's order), the live pairs whose SQL names it
 * @param spelled      per schema table name, the names pairs use for it (for the table filter)
 */
public record SchemaUsage(Map<String, Long> pairsByTable, Map<String, Set<String>> spelled) {

    public static SchemaUsage of(PairReader store, DatabaseSchema schema) {
        Map<String, Long> byKey = new HashMap<>();
        Map<String, Set<String>> names = new HashMap<>();
        store.statistics(PairFilter.ALL.withDatabaseNames(Set.of(schema.databaseName())), new StatSink() {
            @Override
            public void group(StatGroup group, StatCounts counts) {
                for (String t : group.tables()) {
                    String last = t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
                    byKey.merge(Names.key(last), counts.count(), Long::sum);
                    names.computeIfAbsent(Names.key(last), k -> new TreeSet<>()).add(t);
                }
            }

            @Override
            public void day(LocalDate day, long pairs) {
                // not needed
            }
        });
        Map<String, Long> pairs = new LinkedHashMap<>();
        Map<String, Set<String>> spelled = new LinkedHashMap<>();
        for (SchemaTable t : schema.tables()) {
            pairs.put(t.name(), byKey.getOrDefault(Names.key(t.name()), 0L));
            spelled.put(t.name(), Set.copyOf(names.getOrDefault(Names.key(t.name()), Set.of(t.name()))));
        }
        return new SchemaUsage(pairs, spelled);
    }
}

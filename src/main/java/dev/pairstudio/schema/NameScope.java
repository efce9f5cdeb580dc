package dev.pairstudio.schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;

/**
 * One SELECT's names: its FROM sources by alias key, USING columns and select-list aliases;
 * parent for correlation; the CTEs visible here, which its subqueries see too.
 */
final class NameScope {
    final NameScope parent;
    final Map<String, FromSource> ctes;
    final Map<String, FromSource> sources = new LinkedHashMap<>();
    final Set<String> using = new HashSet<>();
    final Set<String> aliases = new HashSet<>();

    NameScope(NameScope parent, Map<String, FromSource> ctes) {
        this.parent = parent;
        this.ctes = ctes;
    }

    /** The source a qualifier ({@code t} in {@code t.c}) names, here or in an outer scope; null if none. */
    FromSource qualifier(Table t) {
        String key = Names.key(t.getName());
        for (NameScope s = this; s != null; s = s.parent) {
            FromSource src = s.sources.get(key);
            if (src != null) {
                return src;
            }
        }
        return null;
    }

    /** Whether an unqualified name is a column or select alias here or in an outer scope. */
    boolean resolves(String key) {
        for (NameScope s = this; s != null; s = s.parent) {
            if (s.aliases.contains(key) || s.sources.values().stream().anyMatch(src -> src.has(key))) {
                return true;
            }
        }
        return false;
    }
}

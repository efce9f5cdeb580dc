package dev.pairstudio.ui.filter;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.StatCounts;
import dev.pairstudio.store.StatGroup;
import dev.pairstudio.store.StatSink;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How many pairs each choice of a filter drop-down would show ("sqlite (1,204)"): counted with
 * every other filter as it is and the drop-down's own choice left out, so that its counts say
 * what checking one more choice adds. Drop-downs with nothing checked share one count of the
 * current filter. Plain core work, run in the background by the window.
 */
public final class ChoiceCounts {
    /** The drop-downs that show counts, with the dimension of a statistics group each one counts. */
    public enum Dimension {
        DATABASE_TYPE(f -> f.withDatabaseTypes(null), StatGroup::databaseType),
        DATABASE_NAME(f -> f.withDatabaseNames(null), StatGroup::databaseName),
        QUERY_TYPE(f -> f.withQueryTypes(null), StatGroup::queryType),
        STATUS(f -> f.withStatuses(null), StatGroup::status),
        COMPLEXITY(f -> f.withComplexity(null), StatGroup::complexity);

        private final UnaryOperator<PairFilter> without;
        private final Function<StatGroup, Object> value;

        Dimension(UnaryOperator<PairFilter> without, Function<StatGroup, Object> value) {
            this.without = without;
            this.value = value;
        }
    }

    private final Map<Dimension, Map<Object, Long>> counts;

    private ChoiceCounts(Map<Dimension, Map<Object, Long>> counts) {
        this.counts = counts;
    }

    /** None known yet: the drop-downs show their choices without counts. */
    public static final ChoiceCounts NONE = new ChoiceCounts(Map.of());

    /** Counts every drop-down's choices under {@code filter}: one statistics pass per distinct filter. */
    public static ChoiceCounts of(Database store, PairFilter filter) {
        Map<PairFilter, List<StatGroupCount>> byFilter = new HashMap<>();
        Map<Dimension, Map<Object, Long>> counts = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            List<StatGroupCount> groups = byFilter.computeIfAbsent(d.without.apply(filter), f -> groups(store, f));
            Map<Object, Long> perChoice = new HashMap<>();
            for (StatGroupCount g : groups) {
                Object v = d.value.apply(g.group());
                if (v != null) {
                    perChoice.merge(v, g.count(), Long::sum);
                }
            }
            counts.put(d, perChoice);
        }
        return new ChoiceCounts(counts);
    }

    private record StatGroupCount(StatGroup group, long count) {}

    private static List<StatGroupCount> groups(Database store, PairFilter filter) {
        List<StatGroupCount> out = new java.util.ArrayList<>();
        store.statistics(filter, new StatSink() {
            @Override
            public void group(StatGroup group, StatCounts c) {
                out.add(new StatGroupCount(group, c.count()));
            }

            @Override
            public void day(LocalDate day, long pairs) {}
        });
        return out;
    }

    /** Pairs that choice {@code value} of drop-down {@code d} would show; null when not counted yet. */
    public Long count(Dimension d, Object value) {
        Map<Object, Long> perChoice = counts.get(d);
        return perChoice == null ? null : perChoice.getOrDefault(value, 0L);
    }
}

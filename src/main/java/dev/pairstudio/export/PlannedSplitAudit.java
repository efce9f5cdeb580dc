package dev.pairstudio.export;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The check of a planned split against the store: no exact or near-duplicate question, identical
 * SQL, SQL template or duplicate group (and with grouping by database, no database) in two
 * splits. Databases are reported either way. The questions compared are the stored originals,
 * which the grouping saw.
 */
final class PlannedSplitAudit {
    private PlannedSplitAudit() {}

    static SplitAudit start(SplitPlan plan, int examples) {
        List<String> splits = new ArrayList<>();
        SplitAssigner.Split largest = SplitAssigner.Split.TRAIN;
        for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
            splits.add(s.label);
            if (plan.count(s) > plan.count(largest)) {
                largest = s;
            }
        }
        Set<SplitAudit.Kind> failing = EnumSet.allOf(SplitAudit.Kind.class);
        if (plan.grouping() != SplitAssigner.Grouping.DATABASE) {
            failing.remove(SplitAudit.Kind.DATABASE);
        }
        return new SplitAudit(splits, largest.label, EnumSet.allOf(SplitAudit.Kind.class), failing, examples);
    }

    /** The first reading's row, with the SQL's template lexed afresh (the wizard's check, tests). */
    static SplitAudit.Entry entry(StoredPair p) {
        return entry(p, SplitAssigner.template(p));
    }

    /**
     * The first reading's row of a planned pair, with the template hash the plan grouped it by
     * (the same equivalence as the template text, without lexing its SQL a second time).
     */
    static SplitAudit.Entry entry(StoredPair p, SplitPlan plan) {
        return entry(p, Long.toString(plan.templateKey(p.id()), 36));
    }

    private static SplitAudit.Entry entry(StoredPair p, String template) {
        return new SplitAudit.Entry(
                p.pair().question(),
                p.pair().sql(),
                template,
                p.pair().databaseName(),
                p.analysis().duplicateGroup(),
                "pair " + p.pair().pairId());
    }

    /**
     * The planned pairs again, in the order they were planned, less those {@code leftOut} (withheld
     * from the files): their texts alone, by id (the later readings compare questions and quote
     * examples; templates and groups were compared in the first).
     */
    static SplitAudit.Source source(Database store, SplitPlan plan, LongPredicate leftOut) {
        return row -> store.forEachText(plan.ids(), t -> {
            if (!leftOut.test(t.id())) {
                row.accept(
                        plan.splitOf(t.id()).label,
                        new SplitAudit.Entry(
                                t.question(), t.sql(), null, t.databaseName(), null, "pair " + t.pairId()));
            }
        });
    }

    /** The whole check in two readings of the store (the wizard's; the export feeds the first reading as it writes). */
    static SplitAudit.Report run(Database store, PairFilter filter, SplitPlan plan, int examples) {
        SplitAudit audit = start(plan, examples);
        store.forEach(filter, PairSort.INSERTION, p -> {
            SplitAssigner.Split s = plan.splitOf(p.id());
            if (s != null) {
                audit.add(s.label, entry(p));
            }
        });
        return audit.finish(source(store, plan, id -> false));
    }
}

package dev.pairstudio.demo;

import dev.pairstudio.ingest.AnalyzingEnricher;
import dev.pairstudio.ingest.DuplicateTracker;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * About 2,000 synthetic pairs on the very first start, so that a new user has something to look
 * at. A setting remembers that the offer was made: demo data never comes back, also not after
 * the user deleted it, and a database that already holds pairs never gets any.
 *
 * <p>The generator repeats its simpler questions often (59 % of 2,000 raw pairs were exact
 * duplicates), which made an odd first impression; the demo keeps distinct pairs and only a few
 * duplicates, enough to show what the duplicate flags and groups do.
 */
public final class DemoData {
    public static final int COUNT = 2_000;
    /** Exact duplicates kept on purpose, in percent of {@link #COUNT}. */
    static final int DUPLICATE_PERCENT = 3;

    static final String SETTING = "demo.data.offered";

    private DemoData() {}

    /** Returns how many demo pairs were added (0 unless this is the first start). */
    public static int addOnFirstStart(Database store) {
        if (store.setting(SETTING).isPresent()) {
            return 0;
        }
        int added = 0;
        if (store.count(PairFilter.ALL) == 0 && store.count(PairFilter.ALL.withTrash(true)) == 0) {
            added = add(store);
        }
        store.putSetting(SETTING, "true");
        return added;
    }

    /** Adds the demo pairs on request (the empty table offers it); pairs already there are skipped. */
    public static int add(Database store) {
        int added;
        try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            added = enricher.addAll(store, pairs(), Source.DEMO, "demo").added();
        }
        new DuplicateTracker(store).catchUp();
        return added;
    }

    /** {@link #COUNT} generated pairs, of which at most {@link #DUPLICATE_PERCENT} % repeat a question and SQL already taken. */
    static List<Pair> pairs() {
        SyntheticPairs generator = new SyntheticPairs(2025);
        Set<String> seen = new HashSet<>();
        List<Pair> out = new ArrayList<>(COUNT);
        int duplicates = 0;
        for (int tries = 0; out.size() < COUNT && tries < COUNT * 50; tries++) {
            Pair p = generator.next();
            boolean fresh = seen.add(p.question() + '\u0000' + p.sql());
            if (fresh || duplicates < COUNT * DUPLICATE_PERCENT / 100) {
                duplicates += fresh ? 0 : 1;
                out.add(p);
            }
        }
        return out;
    }
}

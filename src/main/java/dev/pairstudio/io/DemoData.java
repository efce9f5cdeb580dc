package dev.pairstudio.io;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.PairStore;

/**
 * About 2,000 synthetic pairs on the very first start, so that a new user has something to look
 * at. A setting remembers that the offer was made: demo data never comes back, also not after
 * the user deleted it, and a database that already holds pairs never gets any.
 */
public final class DemoData {
    public static final int COUNT = 2_000;
    static final String SETTING = "demo.data.offered";

    private DemoData() {
    }

    /** Returns how many demo pairs were added (0 unless this is the first start). */
    public static int addOnFirstStart(PairStore store) {
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
    public static int add(PairStore store) {
        int added;
        try (AnalyzingEnricher enricher = AnalyzingEnricher.forStore(store)) {
            added = enricher.addAll(store, new SyntheticPairs(2025).list(COUNT), Source.DEMO, "demo").added();
        }
        new DuplicateTracker(store).catchUp();
        return added;
    }
}

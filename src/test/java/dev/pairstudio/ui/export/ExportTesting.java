package dev.pairstudio.ui.export;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.ForwardingDatabase;
import dev.pairstudio.testing.TestDatabases;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Shared test data for the export UI: 300 synthetic pairs plus one with a known email, and a slow store for cancelling. */
final class ExportTesting {
    static final String EMAIL = "zed.quill@example.org";
    static final String DB = "export-ui";

    private ExportTesting() {}

    static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>(new SyntheticPairs(7).list(300));
        pairs.add(TestPair.of(
                        "pii-1",
                        "Show all orders of " + EMAIL + " placed last week",
                        "SELECT * FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.email = '" + EMAIL
                                + "'")
                .at("2026-01-05T09:00:00Z")
                .build());
        return pairs;
    }

    static Path database() {
        return TestDatabases.copyOf(DB, ExportTesting::pairs);
    }

    /** A store whose row streams take {@code millisPerRow} (read at each row) per row, so that an export can be cancelled midway. */
    static Database slow(Database store, AtomicLong millisPerRow) {
        return new ForwardingDatabase(store) {
            @Override
            public void forEach(PairFilter filter, PairSort sort, Consumer<StoredPair> action) {
                super.forEach(filter, sort, row -> {
                    try {
                        Thread.sleep(millisPerRow.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    action.accept(row);
                });
            }
        };
    }
}

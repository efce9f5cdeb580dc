package dev.pairstudio.ui.export;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Shared test data for the export UI: 300 synthetic pairs plus one with a known email, and a slow store for cancelling. */
final class ExportTesting {
    static final String EMAIL = "zed.quill@example.org";
    static final String DB = "export-ui";

    private ExportTesting() {
    }

    static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>(new SyntheticPairs(7).list(300));
        pairs.add(new Pair("pii-1", "Show all orders of " + EMAIL + " placed last week",
                "SELECT * FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.email = '" + EMAIL + "'",
                Instant.parse("2026-01-05T09:00:00Z"), "postgresql", "shop", List.of(), true, null, null));
        return pairs;
    }

    static Path database() {
        return TestDatabases.copyOf(DB, ExportTesting::pairs);
    }

    /** A store whose row streams take {@code millisPerRow} (read at each row) per row, so that an export can be cancelled midway. */
    static PairStore slow(PairStore store, java.util.concurrent.atomic.AtomicLong millisPerRow) {
        return (PairStore) Proxy.newProxyInstance(PairStore.class.getClassLoader(), new Class<?>[] {PairStore.class}, (proxy, m, args) -> {
            if (m.getName().equals("forEach") && args != null && args.length == 3) {
                @SuppressWarnings("unchecked")
                Consumer<Object> action = (Consumer<Object>) args[2];
                args[2] = (Consumer<Object>) row -> {
                    try {
                        Thread.sleep(millisPerRow.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    action.accept(row);
                };
            }
            try {
                return m.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}

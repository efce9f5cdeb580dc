package dev.pairstudio.ui.export;

import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.StoredPair;
import dev.pairstudio.testing.ForwardingDatabase;
import dev.pairstudio.ui.BackgroundJobs;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** What the export UI tests share: the context an export starts from, and a slow store for cancelling. */
final class ExportTesting {
    private ExportTesting() {}

    /** The context an export of {@code store} starts from, with its exports, presets and policies under {@code folder}. */
    static ExportContext context(
            Database store, BackgroundJobs jobs, PairFilter filter, Set<Long> selection, Path folder) {
        return new ExportContext(
                store,
                jobs,
                filter,
                selection,
                folder.resolve("exports"),
                folder.resolve("presets"),
                folder.resolve("policies"));
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

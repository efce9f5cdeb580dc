package dev.pairstudio.ingest;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.nio.file.Path;
import java.util.List;

/** Imports a file in batches of 1,000 and says "stored" after each, for the crash test to kill mid-import. */
public final class ImportChild {
    private ImportChild() {}

    public static void main(String[] args) {
        try (Database store = Databases.open(args[0])) {
            new PairImporter(store, PairEnricher.NONE, 1_000, 1)
                    .importFiles(
                            List.of(Path.of(args[1])),
                            ImportFormat.JSONL,
                            null,
                            (read, total, records) -> {
                                System.out.println("stored " + records);
                                System.out.flush();
                            },
                            null);
        }
    }
}

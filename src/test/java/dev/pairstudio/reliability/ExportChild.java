package dev.pairstudio.reliability;

import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports a database to {@code training.<format>} in a folder, one thread per format (args: db,
 * folder, formats...). The exporter asks whether it is cancelled after every batch of 1,000
 * pairs; at the second time a thread says "exported <format>" and waits there, inside the export
 * with its file half written, for the test to kill the process.
 */
public final class ExportChild {
    private ExportChild() {}

    public static void main(String[] args) throws InterruptedException {
        try (Database store = Databases.open(args[0])) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                String format = args[i];
                Thread t = new Thread(() -> export(store, Path.of(args[1]).resolve("training." + format), format));
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    private static void export(Database store, Path target, String format) {
        int[] batches = {0};
        long written = Reliability.export(store, format, target, ExportTargetPolicy.FAIL, () -> {
                    if (++batches[0] == 2) {
                        System.out.println("exported " + format);
                        System.out.flush();
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                })
                .written();
        System.out.println("finished " + format + " " + written);
    }
}

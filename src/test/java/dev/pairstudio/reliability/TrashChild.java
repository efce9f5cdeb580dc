package dev.pairstudio.reliability;

import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.store.TrashBatch;

/** Moves every pair of {@link KilledOperationsTest#TRASHED} to the trash (arg: db); says "trashing" before and "trashed N" after. */
public final class TrashChild {
    private TrashChild() {}

    public static void main(String[] args) {
        try (Database store = Databases.open(args[0])) {
            System.out.println("trashing");
            System.out.flush();
            TrashBatch b = store.trash(KilledOperationsTest.TRASHED);
            System.out.println("trashed " + b.count());
            System.out.flush();
        }
    }
}

package dev.pairstudio.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.Source;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change that fails halfway through the index (the soak's reader ran out of memory while the
 * columns grew, and the index was left one row longer than its arrays) must not leave a half-changed
 * index behind: the next read answers what the database holds.
 */
class IndexKeeperFailureTest {
    @TempDir
    Path dir;

    @Test
    void aChangeThatFailsHalfwayIsDroppedAndTheNextReadMatchesTheDatabase() throws Exception {
        String db = dir.resolve("pairs").toString();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pairs.add(TestPair.of(
                            "p" + i,
                            "How many orders in week " + i + "?",
                            "SELECT COUNT(*) FROM orders WHERE week = " + i)
                    .build());
        }
        try (Database store = Databases.open(db)) {
            store.addAll(pairs, null, Source.FILE, "b");
        }
        JdbcDataSource pool = new JdbcDataSource();
        pool.setURL("jdbc:h2:file:" + db);
        pool.setUser("sa"); // the store's user, empty password
        IndexKeeper keeper = new IndexKeeper(pool, null, String::compareTo);
        int before = keeper.read(IndexKeeperFailureTest::trashed);
        assertThat(before).isZero();

        try (Connection c = pool.getConnection()) {
            long next = ChangeLog.clock(c) + 1;
            assertThatThrownBy(() -> keeper.applied(c, next, ix -> {
                        ix.setTrash(ix.id(0), true); // half of a change nobody committed
                        throw new OutOfMemoryError("growing the columns");
                    }))
                    .isInstanceOf(OutOfMemoryError.class);
        }

        int after = keeper.read(IndexKeeperFailureTest::trashed);
        assertThat(after)
                .as("the half-applied change is gone: nothing is in the database's trash")
                .isZero();
        assertThat(keeper.read(PairIndex::size)).isEqualTo(50);
    }

    private static int trashed(PairIndex ix) {
        int n = 0;
        for (int o = 0; o < ix.size(); o++) {
            n += ix.trash(o) ? 1 : 0;
        }
        return n;
    }
}

package dev.pairstudio.store;

import dev.pairstudio.testing.TestPostgres;
import org.junit.jupiter.api.Disabled;

/** {@link TextOrderTest} on PostgreSQL: the order is its collation's, asked of the server. */
class PostgresTextOrderTest extends TextOrderTest {
    @Override
    String newLocation() {
        return TestPostgres.get().newDatabase();
    }

    @Override
    @Disabled(
            "a team database's snapshot lives in the user data directory; IndexSnapshotTest covers the file beside H2")
    void theRanksComeBackFromTheSnapshotAndStayRight(SortColumn column) {}
}

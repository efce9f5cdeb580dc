package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.io.PrivacySettings;
import dev.pairstudio.pair.Pair;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.store.PairStore;
import dev.pairstudio.store.PairStores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the injection tests found in the privacy package. */
class PrivacyEdgeTest {
    /**
     * The name matched from the second quote of the {@code ''} escape on, and replacing half an
     * escape broke the literal, the pair and the whole export. The match now widens to the whole
     * escape, and the literal holds the database name's own surrogate (it was asserted unchanged
     * before, which would have left the raw name in the SQL).
     */
    @Test
    void aDatabaseNameThatAlsoOccursInsideAStringLiteralStillAnonymizes() {
        try (PairStore store = PairStores.open("mem:")) {
            Anonymizer anonymizer = PrivacySettings.anonymizer(store);
            String name = "' OR 1=1 --";
            Pair p = new Pair("p", "Which customer is called x?", "SELECT * FROM customers WHERE name = ''' OR 1=1 --'",
                    Instant.parse("2024-06-01T10:00:00Z"), "postgresql", name, List.of(), true, null, Map.of());
            Pair out = anonymizer.anonymize(p).applyTo(p);
            assertThat(out.databaseName()).startsWith("db_");
            assertThat(out.sql()).isEqualTo("SELECT * FROM customers WHERE name = '" + out.databaseName() + "'");
        }
    }
}

package dev.pairstudio.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.privacy.Anonymizer;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
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
        try (Database store = Databases.open("mem:")) {
            Anonymizer anonymizer = PrivacySettings.anonymizer(store);
            String name = "' OR 1=1 --";
            Pair p = TestPair.of(
                            "p", "Which customer is called x?", "SELECT * FROM customers WHERE name = ''' OR 1=1 --'")
                    .at("2024-06-01T10:00:00Z")
                    .on("postgresql", name)
                    .build();
            Pair out = anonymizer.anonymize(p).applyTo(p);
            assertThat(out.databaseName()).startsWith("db_");
            assertThat(out.sql()).isEqualTo("SELECT * FROM customers WHERE name = '" + out.databaseName() + "'");
        }
    }
}

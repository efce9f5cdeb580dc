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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** What the injection tests found in the privacy package (not fixed here: outside io/api/cli). */
class PrivacyEdgeTest {
    @Test
    @Disabled("privacy, not fixed here: the DB_NAME replacement also rewrites the database name where it occurs inside "
            + "a SQL string literal, which breaks the literal's quoting; the pair then fails anonymization and, with it, "
            + "the whole export (the API's /export answers 500)")
    void aDatabaseNameThatAlsoOccursInsideAStringLiteralStillAnonymizes() {
        try (PairStore store = PairStores.open("mem:")) {
            Anonymizer anonymizer = PrivacySettings.anonymizer(store);
            String name = "' OR 1=1 --";
            Pair p = new Pair("p", "Which customer is called x?", "SELECT * FROM customers WHERE name = ''' OR 1=1 --'",
                    Instant.parse("2024-06-01T10:00:00Z"), "postgresql", name, List.of(), true, null, Map.of());
            Pair out = anonymizer.anonymize(p).applyTo(p);
            assertThat(out.databaseName()).startsWith("db_");
            assertThat(out.sql()).isEqualTo(p.sql());
        }
    }
}

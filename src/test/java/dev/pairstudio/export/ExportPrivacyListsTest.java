package dev.pairstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.cli.Cli;
import dev.pairstudio.pair.Source;
import dev.pairstudio.settings.PrivacySettings;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Databases;
import dev.pairstudio.testing.TestPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reviewer marks in the preview ("Not PII", "Always anonymize") is what the export does. */
class ExportPrivacyListsTest {
    @TempDir
    Path dir;

    @Test
    void exportsFollowTheDatabasesAllowAndDenyLists() throws Exception {
        Path db = dir.resolve("db");
        try (Database store = Databases.open(db.toString())) {
            store.addAll(
                    List.of(TestPair.of(
                                    "p1",
                                    "Tickets from help@example.com about Project Falcon for ann.lee@example.org",
                                    "SELECT * FROM tickets WHERE sender = 'help@example.com' AND customer = 'ann.lee@example.org'")
                            .at("2025-05-01T10:00:00Z")
                            .on("postgresql", "crm")
                            .build()),
                    null,
                    Source.FILE,
                    "t");
            PrivacySettings.allow(store, "help@example.com");
            PrivacySettings.deny(store, "Project Falcon");
        }
        Path out = dir.resolve("out.jsonl");
        assertThat(Cli.run("--db", db.toString(), "export", "--format", "jsonl", "--output", out.toString()))
                .isZero();
        String exported = Files.readString(out);
        assertThat(exported)
                .contains("help@example.com") // allow-listed: kept
                .doesNotContain("Project Falcon") // deny-listed: anonymized
                .doesNotContain("ann.lee@example.org"); // detected: anonymized as always
    }
}

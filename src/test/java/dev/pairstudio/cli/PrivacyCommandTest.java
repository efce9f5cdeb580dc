package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCommandTest {
    @TempDir
    Path dir;

    private String run(int expected, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(String.join(" ", args) + " / " + r.err()).isEqualTo(expected);
        return r.out() + r.err();
    }

    private String anonymizeOnce(Path db) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":1,\"text\":\"Mail ann.lee@example.org about Project Falcon\"}\n");
        Path out = dir.resolve("out-" + System.nanoTime() + ".jsonl");
        run(0, "--db", db.toString(), "anonymize", "--input", in.toString(), "--output", out.toString());
        return Files.readString(out);
    }

    @Test
    void policyListsAndKeyRotationChangeWhatAnonymizationDoes() throws Exception {
        Path db = dir.resolve("db");
        String before = anonymizeOnce(db);
        assertThat(before).doesNotContain("ann.lee@example.org").contains("Project Falcon");

        run(0, "--db", db.toString(), "privacy", "deny", "Project Falcon");
        run(0, "--db", db.toString(), "privacy", "allow", "ann.lee@example.org");
        String listed = anonymizeOnce(db);
        assertThat(listed).contains("ann.lee@example.org").doesNotContain("Project Falcon");
        assertThat(run(0, "--db", db.toString(), "privacy", "show"))
                .contains(
                        "allow-list): 1 value" + System.lineSeparator(),
                        "deny-list): 1 value" + System.lineSeparator());

        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"name\":\"strict\",\"operators\":{\"EMAIL\":\"redact\"}}");
        run(0, "--db", db.toString(), "privacy", "set-policy", policy.toString());
        assertThat(run(0, "--db", db.toString(), "privacy", "show")).contains("Policy: strict", "EMAIL    redact");
        Files.writeString(policy, "{\"name\":\"broken\",\"operators\":{\"EMAIL\":\"shred\"}}");
        assertThat(run(Cli.BAD_INPUT, "--db", db.toString(), "privacy", "set-policy", policy.toString()))
                .contains("nothing was changed");
        assertThat(run(0, "--db", db.toString(), "privacy", "show")).contains("Policy: strict");

        run(0, "--db", db.toString(), "privacy", "allow", "x@example.com"); // back to pseudonyms for the key check
        Files.writeString(policy, "{\"name\":\"pseudo\"}");
        run(0, "--db", db.toString(), "privacy", "set-policy", policy.toString());
        run(0, "--db", db.toString(), "privacy", "deny", "ann.lee@example.org");
        String keyed = anonymizeOnce(db);
        assertThat(anonymizeOnce(db)).isEqualTo(keyed);
        assertThat(run(Cli.USAGE, "--db", db.toString(), "privacy", "rotate-key"))
                .contains("--yes");
        run(0, "--db", db.toString(), "privacy", "rotate-key", "--yes");
        assertThat(anonymizeOnce(db)).isNotEqualTo(keyed);
    }
}

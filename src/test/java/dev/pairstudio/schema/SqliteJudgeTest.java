package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.sql.SqlAnalyzer;
import dev.pairstudio.testing.AnalyzerFixture;
import dev.pairstudio.testing.TestPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real SQLite judges SQLite pairs: what it accepts gets no error flag, what it rejects always gets one, with its message. */
class SqliteJudgeTest {
    private static final String DDL = """
            CREATE TABLE people (person_id INTEGER PRIMARY KEY, name TEXT, email_address TEXT, long REAL);
            CREATE TABLE candidates (candidate_id INTEGER PRIMARY KEY, person_id INTEGER, score REAL);
            """;

    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    private static final PairValidator validator = shared.validator(true);
    private static final LoadedSchema schema = LoadedSchema.of(7, shared.schema(DDL, "recruit", "sqlite"));

    static Validation check(String sql) {
        return validator.validate(
                TestPair.of("p", "Which candidates have an e-mail address?", sql)
                        .on("sqlite", "recruit")
                        .build(),
                schema);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a double-quoted string with dots: SQLite reads a string, a qualified-name reading says "unknown
                // table"
                "SELECT T2.candidate_id FROM people AS T1 JOIN candidates AS T2 ON T1.person_id = T2.candidate_id WHERE T1.email_address = \"stanley.monahan@example.org\"",
                "SELECT avg(long) FROM people WHERE name = \"St. Helena\"",
                "SELECT name FROM people WHERE person_id IN (SELECT person_id FROM candidates WHERE score > 3)",
            })
    void aQuerySqliteAcceptsGetsNoErrorFlag(String sql) {
        assertThat(check(sql).flags()).as(sql).noneMatch(QualityFlag::schemaError);
    }

    @Test
    void aQuerySqliteRejectsAlwaysGetsAnErrorFlagWithSqlitesMessage() {
        // our resolver sees nothing wrong here; SQLite does
        String order = "SELECT name FROM people ORDER BY name LIMIT 3 INTERSECT SELECT name FROM people";
        Validation v = check(order);
        assertThat(v.flags()).contains(QualityFlag.DOES_NOT_RUN);
        assertThat(v.messages())
                .anyMatch(m -> m.text().startsWith("does not run in SQLite: ")
                        && m.text().contains("INTERSECT"));

        // ours and SQLite's side by side, SQLite's pointing at the name
        String typo = "SELECT nmae FROM people";
        Validation t = check(typo);
        assertThat(t.flags()).contains(QualityFlag.UNKNOWN_COLUMN, QualityFlag.DOES_NOT_RUN);
        ValidationMessage sqlite = t.messages().stream()
                .filter(m -> m.flag() == QualityFlag.DOES_NOT_RUN)
                .findFirst()
                .orElseThrow();
        assertThat(sqlite.text()).isEqualTo("does not run in SQLite: no such column: nmae");
        assertThat(typo.substring(sqlite.start(), sqlite.end())).isEqualTo("nmae");
    }

    @Test
    void sqliteSyntaxJSqlParserLacksIsJudgedBySqliteAlone() {
        assertThat(check("SELECT name FROM people WHERE email_address GLOB '*@example.com'")
                        .messages())
                .isEmpty();
        Validation wrong = check("SELECT name FROM people WHERE email GLOB '*@example.com'");
        assertThat(wrong.flags()).containsExactly(QualityFlag.DOES_NOT_RUN);
        assertThat(wrong.messages().get(0).text()).isEqualTo("does not run in SQLite: no such column: email");
    }

    @Test
    void unparseableSqlCarriesSqlitesReasonToo() {
        Validation v = check("SELECT name FROM people WHERE email_address = 'x@example.com");
        assertThat(v.flags()).containsExactly(QualityFlag.UNPARSEABLE);
        assertThat(v.messages().get(0).text()).contains("; SQLite: unrecognized token");
    }

    @Test
    void writesAreNeverHandedToSqlite() {
        assertThat(SqlAnalyzer.singleRead("DELETE FROM people", "sqlite")).isFalse();
        assertThat(SqlAnalyzer.singleRead("SELECT 1; DELETE FROM people", "sqlite"))
                .isFalse();
        assertThat(SqlAnalyzer.singleRead("WITH x AS (SELECT 1) SELECT * FROM x;", "sqlite"))
                .isTrue();
        // a write in a read-only dataset is flagged as such, not run anywhere
        Validation v = check("DELETE FROM people WHERE nmae = 1");
        assertThat(v.flags()).contains(QualityFlag.WRITE_STATEMENT).doesNotContain(QualityFlag.DOES_NOT_RUN);
    }

    @Test
    void theSchemaCopyKeepsSqlitesOwnTables() {
        SchemaTable sequence = new SchemaTable(
                "sqlite_sequence",
                List.of(new SchemaColumn("name", ""), new SchemaColumn("seq", "")),
                List.of(),
                List.of());
        LoadedSchema withSequence = LoadedSchema.of(
                8,
                new DatabaseSchema(
                        "seq",
                        "sqlite",
                        List.of(sequence, schema.schema().tables().get(0))));
        Validation v = validator.validate(
                TestPair.of("p", "Sequence values", "SELECT name, seq FROM sqlite_sequence")
                        .on("sqlite", "seq")
                        .build(),
                withSequence);
        assertThat(v.flags()).noneMatch(QualityFlag::schemaError);
    }
}

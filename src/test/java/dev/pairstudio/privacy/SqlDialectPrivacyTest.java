package dev.pairstudio.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.sql.DialectParse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** No value stays in the SQL, whatever the quoting and whatever {@code database_type} says. */
class SqlDialectPrivacyTest {
    private static final Pseudonymizer KEY =
            new Pseudonymizer("sql-dialect-test-key-32-bytes-ok".getBytes(StandardCharsets.UTF_8));
    private final Anonymizer anon = new Anonymizer(Policy.defaults(), KEY);

    /** The issue's own example, in every dialect and with none: the double-quoted card is a value. */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mysql", "sqlserver", "oracle", "", "duckdb", "none"})
    void doubleQuotedValuesAreAnonymizedInEveryDialect(String type) {
        String sql = "SELECT * FROM t WHERE c = \"4111 1111 1111 1111\" AND e = \"ann@corp.example.org\"";
        AnonymizedPair p = anon.anonymizePair("card 4111 1111 1111 1111", sql, type.equals("none") ? null : type, null);
        String after = p.sql().after();
        assertThat(after).doesNotContain("4111 1111 1111 1111", "ann@corp").startsWith("SELECT * FROM t WHERE c = \"");
        // one surrogate in question and SQL, each in its own place
        String card = p.question().after().substring("card ".length());
        assertThat(after).contains("c = \"" + card + "\"");
        assertThat(DialectParse.parses(after, type)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "sqlite|SELECT [ann@corp.example.org] FROM t",
                "sqlserver|SELECT [ann@corp.example.org] FROM t",
                "mysql|SELECT `ann@corp.example.org` FROM t",
                "sqlite|SELECT * FROM t /* ask ann@corp.example.org */ WHERE a = 1",
                "postgresql|SELECT 1 -- ann@corp.example.org",
                "postgresql|SELECT CONCAT('x', \"ann@corp.example.org\")"
            })
    void backtickBracketAndCommentValuesAreAnonymized(String type, String sql) {
        AnonymizedPair p = anon.anonymizePair("q", sql, type, null);
        assertThat(p.sql().after()).doesNotContain("ann@corp").contains("@example.");
        assertThat(p.sqlCheck()).isNotEqualTo(SqlCheck.UNCHANGED);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "sqlite|SELECT \"name\", [order date], `x` FROM \"customers\" WHERE \"id\" = 1",
                "postgresql|SELECT \"Order Id 2024\" FROM \"t 4111\""
            })
    void quotedNamesWithoutValuesStay(String type, String sql) {
        assertThat(anon.anonymizePair("q", sql, type, null).sql().after()).isEqualTo(sql);
    }

    /**
     * Without a database type the lexer cannot know whether backslash escapes: {@code 'a\'} ends a
     * standard string but not a MySQL one. Whichever reading hides the value, none stays.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * FROM t WHERE p = 'C:\\\\dir\\\\' OR e = 'ann@corp.example.org'",
                "SELECT * FROM t WHERE n = 'it\\'s' AND e = 'ann@corp.example.org'"
            })
    void unknownDialectLeavesNoValueWhicheverWayBackslashesRead(String sql) {
        AnonymizedPair p = anon.anonymizePair("q", sql, null, null);
        assertThat(p.sql().after()).doesNotContain("ann@corp");
    }

    /** A database name that also occurs inside a literal, across the literal's escaped quote. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "postgresql|SELECT * FROM c WHERE n = ''' OR 1=1 --'|' OR 1=1 --",
                "mysql|SELECT * FROM c WHERE n = '\\' OR 1=1 --'|' OR 1=1 --",
                "sqlite|SELECT * FROM c WHERE n = 'shop''s db'|shop's db"
            })
    void aDatabaseNameInsideAnEscapedLiteralIsReplacedWhole(String type, String sql, String name) {
        AnonymizedPair p = anon.anonymizePair("q", sql, type, name);
        assertThat(p.sql().after()).isEqualTo("SELECT * FROM c WHERE n = '" + p.databaseNameAfter() + "'");
    }

    /** One surrogate per value across spellings, each written in its own place's format. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "card 4111 1111 1111 1111|SELECT * FROM p WHERE card = '4111111111111111'|CARD",
                "card 4111-1111-1111-1111|SELECT * FROM p WHERE card = 4111111111111111|CARD",
                "call (415) 555-2671|SELECT * FROM p WHERE phone = '+14155552671'|PHONE",
                "call 415.555.2671|SELECT * FROM p WHERE phone = \"+1 415 555 2671\"|PHONE",
                "Mobil: 030 1234567|SELECT * FROM p WHERE tel = '+49 30 1234567'|PHONE",
                "SSN 123.45.6789|SELECT * FROM p WHERE ssn = '123-45-6789'|SSN"
            })
    void oneSurrogatePerValueAcrossFormats(String question, String sql, String type) {
        AnonymizedPair p = anon.anonymizePair(question, sql, "sqlite", null);
        Replacement q = p.question().replacements().get(0);
        Replacement s = p.sql().replacements().get(0);
        String qa = p.question().after().substring(q.afterStart(), q.afterEnd());
        String sa = p.sql().after().substring(s.afterStart(), s.afterEnd());
        PiiType t = PiiType.of(type);
        assertThat(q.type()).isEqualTo(t);
        assertThat(s.type()).isEqualTo(t);
        String qb = question.substring(q.start(), q.end());
        String sb = sql.substring(s.start(), s.end());
        assertThat(KEY.normalize(t, qb)).as("one value").isEqualTo(KEY.normalize(t, sb));
        // one surrogate number: the international spelling ends with the national one's digits (trunk 0 dropped)
        String qd = Shapes.digitsOf(qa);
        assertThat(Shapes.digitsOf(sa)).endsWith(qd.length() > 9 && qd.startsWith("0") ? qd.substring(1) : qd);
        assertThat(qa).isNotEqualTo(qb);
        // each is written in its own place's format (a phone's fictional range may be longer than the original)
        if (t.equals(PiiType.PHONE)) {
            assertThat(qa.startsWith("+")).isEqualTo(qb.startsWith("+"));
            assertThat(sa.startsWith("+")).isEqualTo(sb.startsWith("+"));
        } else {
            assertThat(qa.replaceAll("\\d", "0")).isEqualTo(qb.replaceAll("\\d", "0"));
            assertThat(sa.replaceAll("\\d", "0")).isEqualTo(sb.replaceAll("\\d", "0"));
        }
    }
}

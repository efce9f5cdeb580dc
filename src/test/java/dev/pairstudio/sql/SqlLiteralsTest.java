package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    private static List<String> values(String sql, SqlLiterals.Dialect d) {
        return SqlLiterals.find(sql, d).stream()
                .map(l -> l.kind() + ":" + l.value(sql))
                .toList();
    }

    @Test
    void findsStringsAndNumbersButNotIdentifiers() {
        String sql = "SELECT t1.name, \"col 2\" FROM t1 WHERE email = 'jane.doe@example.org' AND n > 42.5 AND x = $1";
        assertThat(values(sql, SqlLiterals.Dialect.STANDARD))
                .containsExactly("STRING:jane.doe@example.org", "NUMBER:42.5");
    }

    @Test
    void doubledQuotesAndPrefixesStayInsideOneLiteral() {
        String sql = "SELECT * FROM p WHERE a = 'O''Brien' AND b = N'Zoë' AND c = E'it\\'s'";
        assertThat(values(sql, SqlLiterals.Dialect.POSTGRESQL))
                .containsExactly("STRING:O''Brien", "STRING:Zoë", "STRING:it\\'s");
    }

    @Test
    void mysqlDoubleQuotesAreStringsAndBackticksIdentifiers() {
        String sql = "SELECT `a1` FROM `t2` WHERE phone = \"+1 415 555 0132\" AND s = 'a\\'b'";
        assertThat(values(sql, SqlLiterals.Dialect.MYSQL)).containsExactly("STRING:+1 415 555 0132", "STRING:a\\'b");
    }

    @Test
    void commentsDollarQuotesAndUnterminatedStrings() {
        String sql = "SELECT $$secret$$ -- call 555-0100\n/* ssn */ FROM x WHERE y = 'open";
        List<SqlLiteral> found = SqlLiterals.find(sql, SqlLiterals.Dialect.POSTGRESQL);
        assertThat(found)
                .extracting(l -> l.kind() + ":" + l.value(sql))
                .containsExactly("STRING:secret", "COMMENT: call 555-0100", "COMMENT: ssn ", "STRING:open");
        assertThat(found.get(3).end()).isEqualTo(sql.length());
    }

    @Test
    void offsetsPointIntoTheText() {
        String sql = "SELECT * FROM a WHERE id IN (7, .5, 1e3, 0x1F)";
        List<SqlLiteral> found = SqlLiterals.find(sql);
        assertThat(found).extracting(l -> l.token(sql)).containsExactly("7", ".5", "1e3", "0x1F");
        assertThat(found.get(0).start()).isEqualTo(sql.indexOf('7'));
    }
}
